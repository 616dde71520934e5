import type { CheckResult } from '../../domain/check-result';
import { firstToFix, SYMPTOMS, type Symptom } from '../../domain/setup';
import { MAX_EXPLAINED_TEXT } from '../../domain';
import {
  adaptiveCard,
  executeAction,
  showCardAction,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../adaptive-card';
import { cardTitle, tenantBlocks, type TenantView } from '../card-parts';
import { plainText } from '../plain-text';
import { TROUBLESHOOT_VERBS } from './explanation-card';
import { fitCard } from '../fit-card';
import { resultsSection } from './results-section';
import { noticeBlock, type CardNotice } from './setup-card-parts';

export interface TroubleshootMenuView {
  tenant: TenantView;
  notice?: CardNotice;
}

/** "What is going wrong?": a button per symptom, and a box for a pasted error message. */
export function renderTroubleshootMenuCard(view: TroubleshootMenuView): AdaptiveCard {
  const symptoms = SYMPTOMS.filter((s) => s.id !== 'error-message');
  const actions: CardAction[] = [
    ...symptoms.map((s) => executeAction(s.label, TROUBLESHOOT_VERBS.symptom, { symptom: s.id })),
    showCardAction('I have an error message', {
      body: [
        textInput('errorText', {
          label: 'Paste the error message',
          placeholder: 'e.g. AADSTS7000215: Invalid client secret provided…',
          isMultiline: true,
          maxLength: MAX_EXPLAINED_TEXT,
        }),
      ],
      actions: [executeAction('Explain', TROUBLESHOOT_VERBS.explain)],
    }),
  ];
  return adaptiveCard({
    body: [
      cardTitle('Troubleshoot PCEmail'),
      ...tenantBlocks(view.tenant),
      ...(view.notice ? [noticeBlock(view.notice)] : []),
      textBlock(
        'What is going wrong? Pick what you see; I run the checks that matter for it and tell you the cause and the fix.',
        {
          spacing: 'medium',
        },
      ),
    ],
    actions,
    fallbackText: 'Troubleshoot PCEmail: pick a symptom',
  });
}

export interface TroubleshootResultView {
  symptom: Symptom;
  tenant: TenantView;
  checks: CheckResult[];
  checkedAt: string;
}

/** The symptom's checks, what to fix first, and Re-check. */
export function renderTroubleshootResultCard(view: TroubleshootResultView): AdaptiveCard {
  return fitCard((layout, shortened) => {
    const first = firstToFix(view.checks);
    const verdict: CardElement = first
      ? textBlock(
          `Most likely cause: ${plainText(first.title, 150)} (${first.id}${first.target ? ` · ${plainText(first.target, 100)}` : ''}). Fix: ${plainText(first.fix ?? '', 500)}`,
          {
            weight: 'bolder',
            color: first.status === 'fail' ? 'attention' : 'warning',
            spacing: 'medium',
          },
        )
      : textBlock(
          view.checks.some((c) => c.status === 'skip')
            ? 'Nothing failed, but some checks could not run (see why below); fix that first and re-check.'
            : 'Every check for this symptom passes. If the problem persists, paste the exact error message ("I have an error message") or run "check pcemail permissions" for the full check.',
          { weight: 'bolder', spacing: 'medium' },
        );
    return adaptiveCard({
      body: [
        cardTitle(`Troubleshoot: ${view.symptom.label}`),
        ...tenantBlocks(view.tenant),
        textBlock(`Checks that matter for this: ${view.symptom.checks.join(', ')}`, {
          isSubtle: true,
          spacing: 'small',
        }),
        verdict,
        ...resultsSection(
          { heading: 'Results', checkedAt: view.checkedAt, checks: view.checks },
          layout,
          shortened,
        ),
      ],
      actions: [
        executeAction(
          'Re-check',
          TROUBLESHOOT_VERBS.symptom,
          { symptom: view.symptom.id },
          { style: 'positive' },
        ),
        executeAction('Other symptom', TROUBLESHOOT_VERBS.menu),
      ],
      fallbackText: `Troubleshoot: ${view.symptom.label}`,
    });
  });
}

export type { CardNotice };

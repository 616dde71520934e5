import type { CheckResult } from '../../domain/check-result';
import {
  FIELD_LABELS,
  MAX_FIELD_LENGTH,
  STEP_FIELDS,
  STEP_TITLES,
  WORK_STEP_COUNT,
  stepNumber,
  type InputDraft,
  type InputErrors,
  type RestrictionPlan,
  type SetupField,
  type SetupStepId,
} from '../../domain/setup';
import {
  actionSet,
  adaptiveCard,
  openUrlAction,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../adaptive-card';
import { cardTitle, tenantBlocks, type TenantView } from '../card-parts';
import { plainText } from '../plain-text';
import { fitCard } from '../fit-card';
import { restrictionBlocks } from './restriction-blocks';
import { resultsSection } from './results-section';
import { noticeBlock, SETUP_VERBS, wizardAction, type CardNotice } from './setup-card-parts';
import {
  APP_REGISTRATIONS_URL,
  appPageUrl,
  LEARN_URLS,
  STEP_INSTRUCTIONS,
} from './step-instructions';

export interface SetupStepCardView {
  wizardId: string;
  step: Exclude<SetupStepId, 'finish'>;
  tenant: TenantView;
  appName: string;
  /** Input values to show: what was typed (after a refusal) or what is stored. */
  draft: InputDraft;
  errors?: InputErrors;
  /** The App ID the wizard knows (typed or looked up), for links to the app's pages. */
  appId?: string;
  /** The last "Verify this step" of this step. */
  verification?: { checkedAt: string; checks: CheckResult[]; otherNotPassing: number };
  notice?: CardNotice;
  /** The restriction step's PowerShell. */
  restriction?: RestrictionPlan;
}

const PLACEHOLDERS: Record<SetupField, string> = {
  appId: 'Application (client) ID from the app’s Overview page',
  mailboxes: 'support@contoso.com, sales@contoso.com',
  scopeGroup: 'pcemail-mailboxes@contoso.com',
};

export function renderSetupStepCard(view: SetupStepCardView): AdaptiveCard {
  return fitCard((layout, shortened) => {
    const ref = { wizardId: view.wizardId, step: view.step };
    const number = stepNumber(view.step);
    const body: CardElement[] = [
      cardTitle(`Set up ${plainText(view.appName, 60)}: step ${number} of ${WORK_STEP_COUNT}`),
      textBlock(STEP_TITLES[view.step], { size: 'medium', weight: 'bolder', spacing: 'none' }),
      ...tenantBlocks(view.tenant),
      ...(view.notice ? [noticeBlock(view.notice)] : []),
      ...STEP_INSTRUCTIONS[view.step].map((line, i) =>
        textBlock(plainText(line, 1000), { spacing: i === 0 ? 'medium' : 'small' }),
      ),
      ...(view.step === 'register' ? [servedTenant(view.tenant)] : []),
      actionSet(stepLinks(view)),
      ...STEP_FIELDS[view.step].flatMap((field) => fieldBlocks(field, view)),
      ...(view.restriction ? restrictionBlocks(view.restriction) : []),
      ...(view.verification
        ? resultsSection(
            {
              heading: `Verification of step ${number}`,
              checkedAt: view.verification.checkedAt,
              checks: view.verification.checks,
              otherNotPassing: view.verification.otherNotPassing,
            },
            layout,
            shortened,
          )
        : []),
    ];
    const actions: CardAction[] = [
      wizardAction('Verify this step', SETUP_VERBS.verify, ref, { style: 'positive' }),
      ...(number > 1 ? [wizardAction('Back', SETUP_VERBS.back, ref)] : []),
      wizardAction(number === WORK_STEP_COUNT ? 'Next: summary' : 'Next', SETUP_VERBS.next, ref),
      wizardAction('Cancel', SETUP_VERBS.cancel, ref, {
        associatedInputs: 'none',
        style: 'destructive',
      }),
    ];
    return adaptiveCard({
      body,
      actions,
      fallbackText: `Set up PCEmail, step ${number} of ${WORK_STEP_COUNT}: ${STEP_TITLES[view.step]}`,
    });
  });
}

/** The wizard checks only the tenant the bot serves: it shows it rather than asking for it. */
function servedTenant(tenant: TenantView): CardElement {
  return textBlock(
    `Directory (tenant) ID: ${plainText(tenant.id, 80)} — the tenant I check. Emplifi Agent needs it too.`,
    { weight: 'bolder', spacing: 'medium' },
  );
}

function fieldBlocks(field: SetupField, view: SetupStepCardView): CardElement[] {
  const typed = view.draft[field];
  const error = view.errors?.[field];
  const input = textInput(field, {
    label: FIELD_LABELS[field],
    placeholder: PLACEHOLDERS[field],
    maxLength: MAX_FIELD_LENGTH[field],
    ...(typed ? { value: typed } : {}),
    ...(field === 'mailboxes' ? { isMultiline: true } : {}),
    spacing: 'medium',
  });
  if (error === undefined) return [input];
  return [
    input,
    textBlock(plainText(error, 600), { color: 'attention', spacing: 'none', size: 'small' }),
  ];
}

function stepLinks(view: SetupStepCardView): CardAction[] {
  const app = view.appId;
  switch (view.step) {
    case 'register':
      return [
        openUrlAction('Open App registrations', APP_REGISTRATIONS_URL),
        openUrlAction('How to register an app', LEARN_URLS.register),
      ];
    case 'secret':
      return [
        openUrlAction(
          'Open Certificates & secrets',
          app ? appPageUrl(app, 'Credentials') : APP_REGISTRATIONS_URL,
        ),
        openUrlAction('About client secrets', LEARN_URLS.secret),
      ];
    case 'permissions':
      return [
        openUrlAction(
          'Open API permissions',
          app ? appPageUrl(app, 'CallAnAPI') : APP_REGISTRATIONS_URL,
        ),
        openUrlAction('About API permissions', LEARN_URLS.permissions),
      ];
    case 'consent':
      return [
        openUrlAction(
          'Open API permissions',
          app ? appPageUrl(app, 'CallAnAPI') : APP_REGISTRATIONS_URL,
        ),
        openUrlAction('About admin consent', LEARN_URLS.consent),
      ];
    case 'restrict':
      return [
        openUrlAction('RBAC for Applications', LEARN_URLS.rbac),
        openUrlAction('Application Access Policy', LEARN_URLS.accessPolicy),
      ];
  }
}

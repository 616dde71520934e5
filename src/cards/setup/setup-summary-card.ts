import type { CheckResult } from '../../domain/check-result';
import type { CredentialSummary } from '../../domain/setup';
import {
  adaptiveCard,
  container,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Fact,
} from '../adaptive-card';
import { cardTitle, tenantBlocks, type TenantView } from '../card-parts';
import { plainText } from '../plain-text';
import { fitCard } from '../fit-card';
import { resultsSection } from './results-section';
import { noticeBlock, SETUP_VERBS, wizardAction, type CardNotice } from './setup-card-parts';

export interface SetupSummaryCardView {
  wizardId: string;
  tenant: TenantView;
  appName: string;
  appId?: string;
  mailboxes: readonly string[];
  /** The app's credentials as the checks listed them: name, hint, expiry (never a value). */
  credentials: readonly CredentialSummary[];
  /** The last full check. */
  verification?: { checkedAt: string; checks: CheckResult[] };
  notice?: CardNotice;
  /** After "Done": the same summary without buttons. */
  finished: boolean;
}

const MAX_LISTED = 20;

export function renderSetupSummaryCard(view: SetupSummaryCardView): AdaptiveCard {
  return fitCard((layout, shortened) => {
    const ref = { wizardId: view.wizardId, step: 'finish' as const };
    const appName = plainText(view.appName, 60);
    const body: CardElement[] = [
      cardTitle(view.finished ? `${appName} setup finished` : `Set up ${appName}: summary`),
      ...tenantBlocks(view.tenant),
      ...(view.notice ? [noticeBlock(view.notice)] : []),
      textBlock(
        'Enter these in Emplifi Agent → External Mailbox Connection settings. For the secret, paste the ' +
          'Value you copied in step 2: I never see or show it.',
        { spacing: 'medium' },
      ),
      factSet(connectionFacts(view), { spacing: 'medium' }),
      ...credentialBlocks(view.credentials),
      ...(view.verification
        ? resultsSection(
            {
              heading: 'Last full check',
              checkedAt: view.verification.checkedAt,
              checks: view.verification.checks,
            },
            layout,
            shortened,
          )
        : []),
      ...(view.finished
        ? [
            textBlock(
              'Setup finished. Type "check pcemail permissions" any time to check again, or "troubleshoot" when something breaks.',
              {
                spacing: 'large',
                weight: 'bolder',
              },
            ),
          ]
        : []),
    ];
    const actions: CardAction[] = view.finished
      ? []
      : [
          wizardAction('Run the full check again', SETUP_VERBS.verify, ref, { style: 'positive' }),
          wizardAction('Back', SETUP_VERBS.back, ref),
          wizardAction('Done', SETUP_VERBS.done, ref),
        ];
    return adaptiveCard({ body, actions, fallbackText: `${appName} setup summary` });
  });
}

function connectionFacts(view: SetupSummaryCardView): Fact[] {
  const listed = view.mailboxes.slice(0, MAX_LISTED).map((m) => plainText(m, 120));
  const more = view.mailboxes.length - listed.length;
  return [
    {
      title: 'Application (client) ID',
      value: view.appId ? plainText(view.appId, 60) : 'not found yet (see app.registered)',
    },
    { title: 'Directory (tenant) ID', value: plainText(view.tenant.id, 60) },
    {
      title: 'Mailboxes',
      value:
        listed.length === 0
          ? 'none configured'
          : `${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    },
  ];
}

function credentialBlocks(credentials: readonly CredentialSummary[]): CardElement[] {
  if (credentials.length === 0) {
    return [
      textBlock('Client secret: none found (see secret.present). Create one in step 2.', {
        color: 'attention',
        spacing: 'medium',
      }),
    ];
  }
  const lines = credentials.map((c) => {
    const hint = c.hint ? `, value starts with "${c.hint}"` : '';
    const expires = c.expires ? `, expires ${c.expires}` : ', no expiry date reported';
    return `${c.kind === 'secret' ? 'Secret' : 'Certificate'} "${c.name}"${hint}${expires}`;
  });
  return [
    container(
      [
        textBlock(
          credentials.length === 1
            ? 'Client secret Emplifi Agent uses:'
            : 'Client secrets of the app (Emplifi Agent needs the Value of the one you created in step 2; its first characters match the hint):',
          { weight: 'bolder' },
        ),
        ...lines.map((line) => textBlock(plainText(line, 200), { spacing: 'small' })),
      ],
      { spacing: 'medium' },
    ),
  ];
}

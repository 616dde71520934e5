import {
  adaptiveCard,
  executeAction,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import type { CredentialView } from '../../domain/notifications/credential-view';
import type { SecretReminderView } from '../../domain/notifications/secret-reminder-view';
import { SNOOZE_DAYS } from '../../domain/notifications/snooze';
import { cardTitle } from '../card-parts';
import { CARD_VERBS } from '../card-verbs';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { rotateNowAction } from '../rotation/rotation-verbs';
import { days, simulatedLine } from './notification-parts';

export const SNOOZE_VERB = CARD_VERBS.notify.snooze;
export const CHECK_NOW_VERB = CARD_VERBS.notify.checkNow;
export { SNOOZE_DAYS };

export type { CredentialView, SecretReminderView };

/** A secret-expiry reminder: what expires, when, what breaks, how to rotate. */
export function renderSecretReminderCard(view: SecretReminderView): AdaptiveCard {
  const app = plainText(view.appName, 80);
  const what = view.credential.kind === 'secret' ? 'client secret' : 'certificate';
  const title = view.expired
    ? `${app} ${what} has expired`
    : view.daysLeft === 0
      ? `${app} ${what} expires today`
      : `${app} ${what} expires in ${days(view.daysLeft)}`;
  const body: CardElement[] = [
    {
      ...cardTitle(title),
      size: 'medium',
      color: view.expired || view.daysLeft <= 3 ? 'attention' : 'warning',
    },
    ...simulatedLine(view.simulated),
    factSet([
      { title: 'App', value: `${app} (${plainText(view.appId, 40)})` },
      { title: 'Credential', value: describe(view.credential) },
      { title: 'Expires', value: formatUtc(view.credential.endDateTime) },
      {
        title: view.expired ? 'Expired' : 'Days left',
        value: view.expired ? `${days(-view.daysLeft)} ago` : String(view.daysLeft),
      },
    ]),
    ...(view.usage
      ? [textBlock(plainText(view.usage, 400), { isSubtle: true, spacing: 'small' })]
      : []),
    textBlock(
      view.expired
        ? `What is broken: ${app} can no longer sign in with this ${what}. If Emplifi Agent still uses it, mail no longer flows between your PCEmail mailboxes and Emplifi Agent.`
        : `What breaks when it expires: ${app} can no longer sign in with this ${what}, so Emplifi Agent stops receiving and sending mail for the PCEmail mailboxes.`,
      { spacing: 'medium' },
    ),
    ...(view.newer
      ? [
          textBlock(
            `A newer ${view.newer.kind} exists (${describe(view.newer)}, ends ${formatUtc(view.newer.endDateTime)}): make sure Emplifi Agent uses it, then delete this one.`,
            { weight: 'bolder', spacing: 'medium' },
          ),
        ]
      : []),
    textBlock('How to rotate it:', { weight: 'bolder', spacing: 'medium' }),
    ...rotationSteps(view.credential.kind, app).map((step, i) =>
      textBlock(`${i + 1}\\. ${step}`, { spacing: 'small' }),
    ),
    ...(view.notice
      ? [textBlock(plainText(view.notice, 400), { color: 'warning', spacing: 'medium' })]
      : []),
    ...(view.snoozed
      ? [
          textBlock(
            `Snoozed in this channel until ${formatUtc(view.snoozed.until)} by ${plainText(view.snoozed.by, 80)}.`,
            { isSubtle: true, spacing: 'medium' },
          ),
        ]
      : []),
  ];
  // The view rides along so the Snooze answer can show the same reminder without reading Graph again.
  const { snoozed: _snoozed, notice: _notice, usage: _usage, ...reminder } = view;
  const data = { appId: view.appId, keyId: view.credential.keyId, reminder };
  return adaptiveCard({
    body,
    actions: [
      ...(view.rotatable
        ? [
            rotateNowAction(
              view.appId,
              view.credential.keyId,
              'Rotate now',
              view.rotateWithSignIn ?? false,
            ),
          ]
        : []),
      ...(view.snoozed ? [] : [executeAction(`Snooze ${SNOOZE_DAYS} days`, SNOOZE_VERB, data)]),
      executeAction('Check now', CHECK_NOW_VERB, data),
    ],
    fallbackText: title,
  });
}

function describe(credential: CredentialView): string {
  const name = credential.displayName
    ? `"${plainText(credential.displayName, 80)}"`
    : 'without a name';
  const hint = credential.hint ? `, starts with "${plainText(credential.hint, 3)}"` : '';
  return `${credential.kind} ${name} (ID ${plainText(credential.keyId, 40)}${hint})`;
}

function rotationSteps(kind: 'secret' | 'certificate', app: string): string[] {
  const create =
    kind === 'secret'
      ? `Create a new client secret: Entra admin center → App registrations → ${app} → Certificates & secrets → New client secret (at most 24 months); copy its Value, not the Secret ID.`
      : `Upload a new certificate: Entra admin center → App registrations → ${app} → Certificates & secrets → Certificates → Upload certificate.`;
  return [
    create,
    `Update Emplifi Agent: External Mailbox Connection settings → paste the new ${kind === 'secret' ? 'secret value' : 'certificate'} (and PCEMAIL_CLIENT_SECRET for this bot).`,
    'Verify: type "check pcemail permissions" (or click Check now) and see secret.works pass.',
    `Then delete the old ${kind} in Certificates & secrets; the reminders for it stop.`,
  ];
}

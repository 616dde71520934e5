import { oldSecretQuiet, type RotationRecord } from '../../domain/rotation';
import {
  adaptiveCard,
  executeAction,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../adaptive-card';
import { cardTitle } from '../card-parts';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { revealAction, rotateNowAction, ROTATION_VERBS } from './rotation-verbs';

export interface RotationCardView {
  record: RotationRecord;
  now: Date;
  quietHours: number;
  notice?: { tone: 'info' | 'warning' | 'error'; text: string };
  /** CONSENT_MODE=delegated: Rotate now signs the approver in. */
  signIn?: boolean;
  /** The clicker's own answer after a signed-in Rotate now: the button that opens the value's dialog. */
  reveal?: boolean;
}

const STEP_WORDS: Record<RotationRecord['state'], string> = {
  creating: 'Creating the new secret…',
  created: 'Step 1 of 3 done: new secret created. Waiting for Emplifi Agent to use it.',
  'in-use': 'Step 2 of 3 done: Emplifi Agent uses the new secret.',
  removing: 'Removing the old secret…',
  removed: 'Done: the old secret was removed. Its reminders stop.',
  discarding: 'Deleting the unsaved new secret…',
  discarded: 'The unsaved new secret was deleted. Start over with Rotate now.',
  failed: 'The rotation did not start.',
};

/** Where a guided rotation stands; never carries the secret's value. */
export function renderRotationCard(view: RotationCardView): AdaptiveCard {
  const { record, now } = view;
  const app = plainText(record.appName, 60);
  const data = { appId: record.appId, rotationId: record.id };
  const quiet = oldSecretQuiet(record, now, view.quietHours);
  const body: CardElement[] = [
    cardTitle(`Rotating the ${app} client secret`),
    textBlock(STEP_WORDS[record.state], { weight: 'bolder', spacing: 'medium' }),
    factSet([
      {
        title: 'Started',
        value: `${formatUtc(record.startedAt)} by ${plainText(record.startedBy.name, 80)}`,
      },
      { title: 'Old secret', value: plainText(record.oldKeyId, 40) },
      ...(record.newKeyId
        ? [
            {
              title: 'New secret',
              value: `${plainText(record.newKeyId, 40)}${record.newHint ? ` (starts with "${plainText(record.newHint, 3)}")` : ''}${record.newEndDateTime ? `, expires ${formatUtc(record.newEndDateTime)}` : ''}`,
            },
          ]
        : []),
      ...(record.shownTo
        ? [{ title: 'Value shown to', value: `${plainText(record.shownTo.name, 80)}, once` }]
        : []),
      ...(record.inUseAt
        ? [
            {
              title: 'In use since',
              value: record.inUseConfirmedBy
                ? `${formatUtc(record.inUseAt)} (confirmed by ${plainText(record.inUseConfirmedBy.name, 80)})`
                : formatUtc(record.inUseAt),
            },
          ]
        : []),
      ...(record.oldLastUsed
        ? [{ title: 'Old secret last used', value: formatUtc(record.oldLastUsed) }]
        : []),
      ...(record.removedAt
        ? [
            {
              title: 'Old secret removed',
              value: `${formatUtc(record.removedAt)} by ${plainText(record.removedBy?.name ?? '', 80)}`,
            },
          ]
        : []),
    ]),
  ];
  if (!record.verified && record.state !== 'failed')
    body.push(
      textBlock(
        'Nothing here was verified: the sign-in logs cannot be read, so each step is what an approver confirmed.',
        { color: 'warning', spacing: 'medium' },
      ),
    );
  const actions: CardAction[] = [];
  if (record.state === 'created') {
    if (view.reveal) actions.push(revealAction(record.appId, record.id));
    if (!record.savedAt)
      body.push(
        textBlock(
          `If the dialog was closed before the value was saved, the value is lost: delete that new secret and start over.`,
          { spacing: 'medium' },
        ),
      );
    if (record.verified) actions.push(executeAction('Check progress', ROTATION_VERBS.check, data));
    else
      actions.push(
        executeAction('Emplifi Agent uses the new secret', ROTATION_VERBS.confirmInUse, data),
      );
    actions.push(
      executeAction('Delete the new secret and start over', ROTATION_VERBS.discardNew, data, {
        style: 'destructive',
      }),
    );
  }
  if (record.state === 'in-use') {
    if (quiet.quiet) {
      body.push(
        textBlock('The old secret has been quiet long enough: it can be removed now.', {
          spacing: 'medium',
        }),
      );
      actions.push(
        executeAction('Remove old secret', ROTATION_VERBS.removeOld, data, {
          style: 'destructive',
        }),
      );
    } else if (record.verified) {
      body.push(
        textBlock(
          `Step 3 of 3: the old secret must be unused for ${view.quietHours} hours${quiet.quietFrom ? ` (until ${formatUtc(quiet.quietFrom)}, if it stays unused)` : ''} before it can be removed.`,
          { spacing: 'medium' },
        ),
      );
      actions.push(executeAction('Check progress', ROTATION_VERBS.check, data));
    } else {
      body.push(
        textBlock(
          `Step 3 of 3: confirm once the old secret has not been used for ${view.quietHours} hours (for example, Emplifi Agent shows no errors and mail flows).`,
          { spacing: 'medium' },
        ),
      );
      actions.push(executeAction('The old secret is unused', ROTATION_VERBS.confirmQuiet, data));
    }
  }
  if (record.state === 'removed' || record.state === 'discarded' || record.state === 'failed') {
    if (record.state !== 'removed')
      actions.push(rotateNowAction(record.appId, record.oldKeyId, 'Rotate now', view.signIn));
  }
  if (record.state === 'creating' || record.state === 'removing' || record.state === 'discarding')
    actions.push(executeAction('Refresh', ROTATION_VERBS.check, data));
  if (record.failure)
    body.push(
      textBlock(
        `Last problem (${record.failure.step}, ${formatUtc(record.failure.at)}): ${plainText(record.failure.message, 300)}${record.failure.requestId ? ` Graph request id: ${plainText(record.failure.requestId, 60)}.` : ''}`,
        { color: 'attention', spacing: 'medium' },
      ),
    );
  if (view.notice)
    body.push(
      textBlock(plainText(view.notice.text, 500), {
        color:
          view.notice.tone === 'error'
            ? 'attention'
            : view.notice.tone === 'warning'
              ? 'warning'
              : 'default',
        spacing: 'medium',
      }),
    );
  return adaptiveCard({ body, actions, fallbackText: `Rotating the ${app} client secret` });
}

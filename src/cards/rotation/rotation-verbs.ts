import { CARD_VERBS } from '../card-verbs';
import { executeAction, type ExecuteAction, type SubmitAction } from '../adaptive-card';

/** Verbs of the guided rotation: `start` and `saved` are dialog (task/fetch, task/submit) verbs. */
export const ROTATION_VERBS = CARD_VERBS.rotation;

/** Characters of the secret's ID a Rotate now button carries; the bot resolves them on the app. */
const KEY_REF_LENGTH = 8;

/**
 * "Rotate now": opens the dialog (task/fetch) that creates the new secret and shows it once. It
 * carries the first characters of the old secret's ID only (`keyRef`), resolved against PCEmail's
 * secrets when clicked: a card never carries a full credential ID.
 */
export function rotateNowAction(
  appId: string,
  keyId: string,
  title = 'Rotate now',
  signIn = false,
): SubmitAction | ExecuteAction {
  const keyRef = keyId.slice(0, KEY_REF_LENGTH).toLowerCase();
  if (signIn)
    return executeAction(title, ROTATION_VERBS.begin, { appId, keyRef }, { style: 'positive' });
  return {
    type: 'Action.Submit',
    title,
    style: 'positive',
    data: {
      msteams: { type: 'task/fetch' },
      verb: ROTATION_VERBS.start,
      appId,
      keyRef,
    },
  };
}

/** "Show the new secret (once)": the dialog for the approver whose signed-in click created it. */
export function revealAction(appId: string, rotationId: string): SubmitAction {
  return {
    type: 'Action.Submit',
    title: 'Show the new secret (once)',
    style: 'positive',
    data: { msteams: { type: 'task/fetch' }, verb: ROTATION_VERBS.reveal, appId, rotationId },
  };
}

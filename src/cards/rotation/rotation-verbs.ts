import type { SubmitAction } from '../adaptive-card';

/** Verbs of the guided rotation: `start` and `saved` are dialog (task/fetch, task/submit) verbs. */
export const ROTATION_VERBS = {
  start: 'rotation.start',
  saved: 'rotation.saved',
  check: 'rotation.check',
  confirmInUse: 'rotation.confirmInUse',
  confirmQuiet: 'rotation.confirmQuiet',
  removeOld: 'rotation.removeOld',
  discardNew: 'rotation.discardNew',
} as const;

/** Characters of the secret's ID a Rotate now button carries; the bot resolves them on the app. */
export const KEY_REF_LENGTH = 8;

/**
 * "Rotate now": opens the dialog (task/fetch) that creates the new secret and shows it once. It
 * carries the first characters of the old secret's ID only (`keyRef`), resolved against PCEmail's
 * secrets when clicked: a card never carries a full credential ID.
 */
export function rotateNowAction(appId: string, keyId: string, title = 'Rotate now'): SubmitAction {
  return {
    type: 'Action.Submit',
    title,
    style: 'positive',
    data: {
      msteams: { type: 'task/fetch' },
      verb: ROTATION_VERBS.start,
      appId,
      keyRef: keyId.slice(0, KEY_REF_LENGTH).toLowerCase(),
    },
  };
}

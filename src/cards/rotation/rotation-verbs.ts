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

/** "Rotate now": opens the dialog (task/fetch) that creates the new secret and shows it once. */
export function rotateNowAction(appId: string, keyId: string, title = 'Rotate now'): SubmitAction {
  return {
    type: 'Action.Submit',
    title,
    style: 'positive',
    data: { msteams: { type: 'task/fetch' }, verb: ROTATION_VERBS.start, appId, keyId },
  };
}

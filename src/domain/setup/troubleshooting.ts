import type { CheckId } from '../check-result';

export type SymptomId =
  'sign-in' | 'mail-not-picked-up' | 'replies-not-sent' | 'reads-other-mailboxes' | 'error-message';

export interface Symptom {
  id: SymptomId;
  /** As the admin would say it. */
  label: string;
  /** The checks that can explain it; none for a pasted error (it is explained instead). */
  checks: readonly CheckId[];
}

export const SYMPTOMS: readonly Symptom[] = [
  {
    id: 'sign-in',
    label: 'PCEmail cannot sign in',
    checks: [
      'app.registered',
      'app.single-tenant',
      'app.service-principal',
      'secret.present',
      'secret.expiry',
      'secret.works',
    ],
  },
  {
    id: 'mail-not-picked-up',
    label: 'New mail is not picked up',
    checks: ['secret.works', 'consent.mail-readwrite', 'token.roles', 'mailbox.access'],
  },
  {
    id: 'replies-not-sent',
    label: 'Replies are not sent',
    checks: ['permission.mail-send', 'consent.mail-send', 'token.roles'],
  },
  {
    id: 'reads-other-mailboxes',
    label: 'PCEmail can read mailboxes it should not',
    checks: ['mailbox.restricted'],
  },
  { id: 'error-message', label: 'I have an error message', checks: [] },
];

/** The symptom an action names, if it is one we know (action data is never trusted). */
export function findSymptom(value: unknown): Symptom | undefined {
  return SYMPTOMS.find((s) => s.id === value);
}

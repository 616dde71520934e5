import { CHECK_IDS, type CheckId } from '../check-result';

/** The wizard's steps, in order: the vendor's five setup steps, then the summary. */
export const SETUP_STEP_IDS = [
  'register',
  'secret',
  'permissions',
  'consent',
  'restrict',
  'finish',
] as const;

export type SetupStepId = (typeof SETUP_STEP_IDS)[number];

/** What the admin types in the wizard; each field belongs to one step. */
export type SetupField = 'appId' | 'mailboxes' | 'scopeGroup';

/** Steps before the summary ("step 3 of 5"). */
export const WORK_STEP_COUNT = SETUP_STEP_IDS.length - 1;

/** The checks "Verify this step" runs and shows; the summary runs them all. */
export const STEP_CHECKS: Readonly<Record<SetupStepId, readonly CheckId[]>> = {
  register: ['app.registered', 'app.single-tenant', 'app.service-principal'],
  secret: ['secret.present', 'secret.expiry', 'secret.works'],
  permissions: [
    'permission.user-read',
    'permission.mail-readwrite',
    'permission.mail-send',
    'permission.least-privilege',
  ],
  consent: ['consent.user-read', 'consent.mail-readwrite', 'consent.mail-send', 'token.roles'],
  restrict: ['mailbox.access', 'mailbox.restricted'],
  finish: CHECK_IDS,
};

export const STEP_FIELDS: Readonly<Record<SetupStepId, readonly SetupField[]>> = {
  register: ['appId'],
  secret: [],
  permissions: [],
  consent: [],
  restrict: ['mailboxes', 'scopeGroup'],
  finish: [],
};

export const STEP_TITLES: Readonly<Record<SetupStepId, string>> = {
  register: 'Register the PCEmail app',
  secret: 'Create the client secret',
  permissions: 'Add the API permissions',
  consent: 'Grant admin consent',
  restrict: 'Restrict PCEmail to its mailboxes',
  finish: 'Summary for Emplifi Agent',
};

/** 1-based position; the summary is WORK_STEP_COUNT + 1. */
export function stepNumber(step: SetupStepId): number {
  return SETUP_STEP_IDS.indexOf(step) + 1;
}

export function nextStep(step: SetupStepId): SetupStepId | undefined {
  return SETUP_STEP_IDS[SETUP_STEP_IDS.indexOf(step) + 1];
}

export function previousStep(step: SetupStepId): SetupStepId | undefined {
  const index = SETUP_STEP_IDS.indexOf(step);
  return index > 0 ? SETUP_STEP_IDS[index - 1] : undefined;
}

export function isSetupStepId(value: unknown): value is SetupStepId {
  return typeof value === 'string' && (SETUP_STEP_IDS as readonly string[]).includes(value);
}

import { describeGuidProblem } from '../guid';
import { describeAddressProblem, MAX_MAILBOXES, splitAddresses } from './mailbox-address';
import { STEP_FIELDS, type SetupField, type SetupStepId } from './setup-steps';

/** What the wizard keeps of the admin's input, validated. Undefined = use the bot's configuration. */
export interface SetupInputs {
  appId?: string;
  mailboxes?: string[];
  scopeGroup?: string;
}

/** The fields exactly as typed, so a refused card can show them again. */
export type InputDraft = Partial<Record<SetupField, string>>;
/** A sentence per refused field, shown next to it. */
export type InputErrors = Partial<Record<SetupField, string>>;

export type InputReading =
  | { ok: true; inputs: SetupInputs; draft: InputDraft }
  | { ok: false; errors: InputErrors; draft: InputDraft };

/** Longest value read from a card input; a longer one is refused, not cut. */
export const MAX_FIELD_LENGTH: Readonly<Record<SetupField, number>> = {
  appId: 100,
  mailboxes: 4000,
  scopeGroup: 300,
};

export const FIELD_LABELS: Readonly<Record<SetupField, string>> = {
  appId: 'Application (client) ID',
  mailboxes: 'PCEmail mailboxes',
  scopeGroup: 'Scope group address',
};

/**
 * Reads the step's inputs from an Action.Execute's data (untrusted: anything that is not a string is
 * ignored) and validates each. Only the step's own fields are read; the others stay as stored.
 */
export function readStepInputs(
  step: SetupStepId,
  data: Readonly<Record<string, unknown>>,
  configuredTenantId: string,
): InputReading {
  const draft: InputDraft = {};
  const errors: InputErrors = {};
  const inputs: SetupInputs = {};
  for (const field of STEP_FIELDS[step]) {
    const raw = data[field];
    const typed = typeof raw === 'string' ? raw : '';
    draft[field] = typed;
    if (typed.length > MAX_FIELD_LENGTH[field]) {
      errors[field] =
        `${FIELD_LABELS[field]} has ${typed.length} characters; at most ${MAX_FIELD_LENGTH[field]} are read.`;
      continue;
    }
    const value = typed.trim();
    const error = readField(field, value, inputs, configuredTenantId);
    if (error !== undefined) errors[field] = error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, draft };
  return { ok: true, inputs, draft };
}

/** The stored inputs as the card's input values. */
export function draftOf(inputs: SetupInputs): InputDraft {
  return {
    ...(inputs.appId === undefined ? {} : { appId: inputs.appId }),
    ...(inputs.mailboxes === undefined ? {} : { mailboxes: inputs.mailboxes.join(', ') }),
    ...(inputs.scopeGroup === undefined ? {} : { scopeGroup: inputs.scopeGroup }),
  };
}

function readField(
  field: SetupField,
  value: string,
  inputs: SetupInputs,
  configuredTenantId: string,
): string | undefined {
  if (value.length === 0) return undefined;
  switch (field) {
    case 'appId': {
      const problem = describeGuidProblem(value);
      if (problem !== undefined) return `${FIELD_LABELS.appId} ${problem}.`;
      if (value.toLowerCase() === configuredTenantId.toLowerCase()) {
        return `${FIELD_LABELS.appId} is the Tenant ID; copy "Application (client) ID" from the app’s Overview page.`;
      }
      inputs.appId = value.toLowerCase();
      return undefined;
    }
    case 'mailboxes': {
      const addresses = splitAddresses(value);
      if (addresses.length > MAX_MAILBOXES) {
        return `${addresses.length} mailboxes were listed; at most ${MAX_MAILBOXES} are checked at once.`;
      }
      const bad = addresses.flatMap((a) => {
        const problem = describeAddressProblem(a);
        return problem === undefined ? [] : [`"${a}" ${problem}`];
      });
      if (bad.length > 0)
        return `Not a mailbox address: ${bad.slice(0, 3).join('; ')}${bad.length > 3 ? ` (and ${bad.length - 3} more)` : ''}.`;
      inputs.mailboxes = addresses;
      return undefined;
    }
    case 'scopeGroup': {
      const problem = describeAddressProblem(value);
      if (problem !== undefined) return `The scope group address "${value}" ${problem}.`;
      inputs.scopeGroup = value;
      return undefined;
    }
  }
}

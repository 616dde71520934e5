import type { ExchangeEnvironment } from '../cloud';
import {
  generateRestrictionScripts,
  type RestrictionScripts,
  type ScriptProblem,
} from './restriction-script';
import type { WizardState } from './wizard-state';

/** What the restriction step can offer: the commands, why they were refused, or what is missing. */
export type RestrictionPlan =
  | { kind: 'ready'; scripts: RestrictionScripts }
  | { kind: 'refused'; problems: ScriptProblem[] }
  | { kind: 'missing'; reason: string };

/** The commands for the wizard's App ID, enterprise application, scope group and mailboxes. */
export function planRestriction(
  state: WizardState,
  appName: string,
  exchangeEnvironment?: ExchangeEnvironment,
): RestrictionPlan {
  const appId = state.inputs.appId ?? state.facts.appId;
  const mailboxes = state.inputs.mailboxes ?? state.facts.mailboxes ?? [];
  const scopeGroup = state.inputs.scopeGroup;
  if (appId === undefined) {
    return {
      kind: 'missing',
      reason:
        'The commands need PCEmail’s Application ID: enter it in step 1, or press "Verify this step" ' +
        'once the app is registered so I can look it up.',
    };
  }
  if (scopeGroup === undefined) {
    return {
      kind: 'missing',
      reason:
        'Type the scope group’s address above and press "Verify this step" to get the commands.',
    };
  }
  if (mailboxes.length === 0) {
    return {
      kind: 'missing',
      reason: 'List the PCEmail mailboxes above and press "Verify this step" to get the commands.',
    };
  }
  const result = generateRestrictionScripts({
    appId,
    ...(state.facts.servicePrincipalId === undefined
      ? {}
      : { servicePrincipalId: state.facts.servicePrincipalId }),
    displayName: appName,
    scopeGroup,
    mailboxes,
    ...(exchangeEnvironment === undefined ? {} : { exchangeEnvironment }),
  });
  return result.ok
    ? { kind: 'ready', scripts: result.scripts }
    : { kind: 'refused', problems: result.problems };
}

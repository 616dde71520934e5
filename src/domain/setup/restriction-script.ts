import type { ExchangeEnvironment } from '../cloud';
import { describeGuidProblem } from '../guid';
import { describeAddressProblem } from './mailbox-address';
import { quotePowerShell } from './powershell-literal';
import { describeUnsafeText } from './unsafe-text';

/*
 * Cmdlet and parameter names as Microsoft Learn documents them (Exchange Online PowerShell):
 * - New-ApplicationAccessPolicy -AccessRight <RestrictAccess|DenyAccess> -AppId <String[]>
 *   -PolicyScopeGroupId <RecipientIdParameter> [-Description <String>]; its page says "App Access
 *   Policies are replaced by Role Based Access Control for Applications … Don't create new App Access
 *   Policies". Test-ApplicationAccessPolicy -Identity <mailbox> -AppId <id>.
 * - New-ServicePrincipal -AppId <String> -ObjectId <String> [-DisplayName <String>] (Learn's example 1:
 *   "New-ServicePrincipal -AppId 71487acd-… -ObjectId 6233fba6-…").
 * - New-ManagementScope [-Name] <String> -RecipientRestrictionFilter <String>; a group-based scope
 *   takes the group's distinguished name: $DG = Get-DistributionGroup -Identity "Ottawa Users";
 *   New-ManagementScope "…" -RecipientRestrictionFilter "MemberOfGroup -eq '$($DG.DistinguishedName)'".
 * - New-ManagementRoleAssignment -App <service principal> -Role "Application Mail.ReadWrite"
 *   -CustomResourceScope <scope>; -App takes the service principal's ObjectId (the Entra enterprise
 *   application's Object ID, as registered by New-ServicePrincipal), not the AppId.
 *   https://learn.microsoft.com/exchange/permissions-exo/application-rbac
 * - Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh | O365USGovDoD | O365China outside
 *   the global cloud: https://learn.microsoft.com/powershell/module/exchange/connect-exchangeonline
 * - Test-ServicePrincipalAuthorization [-Identity] <ServicePrincipalIdParameter> [-Resource <UserIdParameter>].
 */

export interface RestrictionScriptInput {
  /** PCEmail's Application (client) ID. */
  appId: string;
  /** Object ID of PCEmail's enterprise application (service principal) in Entra; RBAC needs it. */
  servicePrincipalId?: string;
  /** The app's display name, used for the Exchange service principal and the scope's name. */
  displayName: string;
  /** Address of the mail-enabled security group holding the PCEmail mailboxes. */
  scopeGroup: string;
  mailboxes: readonly string[];
  /** A mailbox outside the group, to show the restriction refuses it. */
  outOfScopeMailbox?: string;
  /** The sovereign cloud's Exchange environment; undefined in the global cloud. */
  exchangeEnvironment?: ExchangeEnvironment;
}

export type ScriptField =
  'appId' | 'servicePrincipalId' | 'displayName' | 'scopeGroup' | 'mailboxes' | 'outOfScopeMailbox';

export interface ScriptProblem {
  field: ScriptField;
  /** A full sentence naming the value's field and what is wrong with it. */
  message: string;
}

export interface RestrictionScripts {
  /** New-ApplicationAccessPolicy and its tests: what the vendor's page describes. */
  accessPolicy: string;
  /** RBAC for Applications, Microsoft's recommended successor; undefined without the object ID. */
  rbac?: string;
  /** Why `rbac` is missing. */
  rbacUnavailable?: string;
}

export type ScriptResult =
  { ok: true; scripts: RestrictionScripts } | { ok: false; problems: ScriptProblem[] };

const MAX_DISPLAY_NAME = 64;
/** Printable ASCII plus letters, digits and marks of any script: enough for an app's name. */
const DISPLAY_NAME = /^[\p{L}\p{M}\p{N} !"#%&'()*+,./:=?@[\]^_{|}~-]+$/u;

/**
 * The Exchange Online PowerShell that restricts PCEmail to its mailboxes, both ways. Every value is
 * validated (GUIDs, addresses, a plain name) and written as a single-quoted literal, so no input can
 * leave its argument; anything that could is refused with a message, never "cleaned".
 */
export function generateRestrictionScripts(input: RestrictionScriptInput): ScriptResult {
  const problems = validate(input);
  if (problems.length > 0) return { ok: false, problems };

  const app = quotePowerShell(input.appId);
  const group = quotePowerShell(input.scopeGroup);
  const scopeName = quotePowerShell(`${input.displayName} mailboxes`);
  const connect =
    input.exchangeEnvironment === undefined
      ? []
      : [
          '# Sign in to Exchange Online in your cloud first:',
          `Connect-ExchangeOnline -ExchangeEnvironmentName ${input.exchangeEnvironment}`,
        ];
  const accessPolicy = [
    ...connect,
    '# Application Access Policy: PCEmail may use only the mailboxes in the scope group.',
    `New-ApplicationAccessPolicy -AppId ${app} -PolicyScopeGroupId ${group} -AccessRight RestrictAccess -Description ${quotePowerShell(`Restrict ${input.displayName} to its mailboxes`)}`,
    '# Each PCEmail mailbox should show AccessCheckResult Granted:',
    ...perMailbox(
      input.mailboxes,
      (m) => `Test-ApplicationAccessPolicy -Identity ${m} -AppId ${app}`,
    ),
    ...(input.outOfScopeMailbox === undefined
      ? []
      : [
          '# A mailbox outside the group should show Denied:',
          `Test-ApplicationAccessPolicy -Identity ${quotePowerShell(input.outOfScopeMailbox)} -AppId ${app}`,
        ]),
  ].join('\n');

  if (input.servicePrincipalId === undefined) {
    return {
      ok: true,
      scripts: {
        accessPolicy,
        rbacUnavailable:
          'The RBAC commands need the Object ID of PCEmail’s enterprise application, which was not found: ' +
          'finish step 1 (the enterprise application exists once admin consent is granted), then verify again.',
      },
    };
  }
  const sp = quotePowerShell(input.servicePrincipalId);
  const rbac = [
    ...connect,
    '# RBAC for Applications: register PCEmail in Exchange, scope it to the group, assign the two roles.',
    `New-ServicePrincipal -AppId ${app} -ObjectId ${sp} -DisplayName ${quotePowerShell(input.displayName)}`,
    '# The scope filter needs the group’s distinguished name; quotes in it are doubled for the filter.',
    `$groupDn = (Get-DistributionGroup -Identity ${group}).DistinguishedName -replace "'", "''"`,
    `New-ManagementScope -Name ${scopeName} -RecipientRestrictionFilter "MemberOfGroup -eq '$groupDn'"`,
    '# -App takes the enterprise application’s Object ID (the service principal registered above).',
    `New-ManagementRoleAssignment -App ${sp} -Role "Application Mail.ReadWrite" -CustomResourceScope ${scopeName}`,
    `New-ManagementRoleAssignment -App ${sp} -Role "Application Mail.Send" -CustomResourceScope ${scopeName}`,
    '# Each PCEmail mailbox should show InScope True for both roles:',
    ...perMailbox(
      input.mailboxes,
      (m) => `Test-ServicePrincipalAuthorization -Identity ${app} -Resource ${m}`,
    ),
    ...(input.outOfScopeMailbox === undefined
      ? []
      : [
          '# A mailbox outside the group should show InScope False:',
          `Test-ServicePrincipalAuthorization -Identity ${app} -Resource ${quotePowerShell(input.outOfScopeMailbox)}`,
        ]),
  ].join('\n');
  return { ok: true, scripts: { accessPolicy, rbac } };
}

/** Mailboxes listed one command each; beyond a few, one list and a loop keeps the card small. */
const MAX_SPELLED_OUT = 3;

function perMailbox(mailboxes: readonly string[], command: (mailbox: string) => string): string[] {
  if (mailboxes.length <= MAX_SPELLED_OUT) return mailboxes.map((m) => command(quotePowerShell(m)));
  return [
    `$mailboxes = @(${mailboxes.map((m) => quotePowerShell(m)).join(', ')})`,
    `$mailboxes | ForEach-Object { ${command('$_')} }`,
  ];
}

function validate(input: RestrictionScriptInput): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const guid = (field: ScriptField, label: string, value: string | undefined) => {
    if (value === undefined) return;
    const problem = describeUnsafeText(value) ?? describeGuidProblem(value);
    if (problem !== undefined) problems.push({ field, message: `${label} ${problem}.` });
  };
  const address = (field: ScriptField, label: string, value: string | undefined) => {
    if (value === undefined) return;
    const problem = describeAddressProblem(value);
    if (problem !== undefined) problems.push({ field, message: `${label} "${value}" ${problem}.` });
  };
  guid('appId', 'The Application ID', input.appId);
  guid('servicePrincipalId', 'The enterprise application’s Object ID', input.servicePrincipalId);
  const nameProblem = describeDisplayNameProblem(input.displayName);
  if (nameProblem !== undefined) {
    problems.push({ field: 'displayName', message: `The app name ${nameProblem}.` });
  }
  address('scopeGroup', 'The scope group address', input.scopeGroup);
  if (input.mailboxes.length === 0) {
    problems.push({ field: 'mailboxes', message: 'List at least one PCEmail mailbox.' });
  }
  input.mailboxes.forEach((m) => address('mailboxes', 'The mailbox', m));
  address('outOfScopeMailbox', 'The out-of-scope mailbox', input.outOfScopeMailbox);
  return problems;
}

function describeDisplayNameProblem(value: string): string | undefined {
  const unsafe = describeUnsafeText(value);
  if (unsafe !== undefined) return unsafe;
  if (value.trim().length === 0) return 'is empty';
  if (value.length > MAX_DISPLAY_NAME)
    return `has ${value.length} characters; at most ${MAX_DISPLAY_NAME} are allowed`;
  if (!DISPLAY_NAME.test(value))
    return 'contains characters other than letters, digits, spaces and plain punctuation';
  return undefined;
}

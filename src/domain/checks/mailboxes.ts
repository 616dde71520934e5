import type { CheckResult } from '../check-result';
import { explainGraphError } from '../error-knowledge';
import type {
  InboxSummary,
  MailboxProbe,
  PcemailToken,
  SnapshotSettings,
} from '../tenant-snapshot';
import { holdsTenantWideMailRole } from '../restriction-model';
import { describeError, UNAVAILABLE } from './blockers';
import { classifyMailboxError } from './mailbox-errors';
import { plural, type JudgeContext } from './judge-context';
import { NO_SECRET, pcemailTokenOf } from './secret-sign-in';
import { fail, pass, skip, toResult, warn, type Blocker, type Verdict } from './verdict';

const NO_MAILBOXES = warn(
  'No mailboxes configured',
  'PCEMAIL_MAILBOXES is empty, so no mailbox was checked.',
  'Set PCEMAIL_MAILBOXES to the comma-separated addresses PCEmail operates on (the members of the ' +
    'policy scope group).',
);

/** `mailbox.access`: one row per configured mailbox, in configured order; one warning when there are none. */
export function judgeMailboxAccess(ctx: JudgeContext): CheckResult[] {
  const { mailboxes } = ctx.settings;
  if (mailboxes.length === 0) return [toResult('mailbox.access', NO_MAILBOXES)];
  const token = pcemailTokenOf(ctx);
  return mailboxes.map((address) => {
    const verdict = token.ok
      ? judgeProbe(ctx, address, findProbe(ctx.snapshot.mailboxes, address), token.value)
      : skip('mailbox.access', token.blocker);
    return toResult('mailbox.access', verdict, address);
  });
}

/** Mailbox rows when nothing about PCEmail could be judged: still one per configured mailbox. */
export function skippedMailboxRows(settings: SnapshotSettings, blocker: Blocker): CheckResult[] {
  if (settings.mailboxes.length === 0)
    return [toResult('mailbox.access', skip('mailbox.access', blocker))];
  return settings.mailboxes.map((address) =>
    toResult('mailbox.access', skip('mailbox.access', blocker), address),
  );
}

function judgeProbe(
  ctx: JudgeContext,
  address: string,
  probe: MailboxProbe | undefined,
  token: PcemailToken,
): Verdict {
  if (probe === undefined) {
    return skip('mailbox.access', {
      detail: `${address} was not probed`,
      fix: 'Run the check again.',
    });
  }
  if (probe.inbox.ok)
    return pass('PCEmail can read this mailbox', `Inbox readable: ${counts(probe.inbox.value)}.`);
  const { error } = probe.inbox;
  const appId = ctx.app.appId;
  switch (classifyMailboxError(error)) {
    case 'unavailable':
      return skip('mailbox.access', UNAVAILABLE);
    case 'access-policy':
      return fail(
        'Blocked by the access policy: not in the scope group',
        `Graph refused to read ${address} (403 ErrorAccessDenied, "Access to OData is disabled"): the mailbox ` +
          'is not in the policy scope group (or the policy is still propagating, up to 1 h+).',
        `In Exchange Online PowerShell: Add-DistributionGroupMember -Identity "${scopeGroup(ctx.settings)}" ` +
          `-Member ${address}; then check again after an hour (policy changes take 1 h or more to apply). ` +
          `Verify with Test-ApplicationAccessPolicy -Identity ${address} -AppId ${appId} (it should say Granted).`,
      );
    case 'role-missing':
      return ctx.restriction === 'rbac'
        ? fail(
            'Access denied: outside the RBAC management scope',
            `Graph refused to read ${address} with a plain 403 (${error.serviceCode ?? 'no code'}): with RBAC ` +
              'for Applications the mailbox is outside PCEmail’s management scope.',
            `Add ${address} to the scope group: Add-DistributionGroupMember -Identity "${scopeGroup(ctx.settings)}" ` +
              `-Member ${address}, or check that New-ManagementRoleAssignment -App ${servicePrincipalOf(ctx)} ` +
              '-Role "Application Mail.ReadWrite" -CustomResourceScope <scope> was run. Verify with ' +
              `Test-ServicePrincipalAuthorization -Identity ${servicePrincipalOf(ctx)} -Resource ${address} ` +
              '(InScope should be True); changes can take an hour to apply.',
          )
        : fail(
            'Access denied: role missing',
            `Graph refused to read ${address} with a plain 403 (${error.serviceCode ?? 'no code'}), not the access ` +
              (hasRole(token, 'Mail.ReadWrite')
                ? 'policy’s denial, although the token carries Mail.ReadWrite.'
                : 'policy’s denial: PCEmail’s token lacks the Mail.ReadWrite application role (see token.roles).'),
            'Grant Microsoft Graph Mail.ReadWrite (application) with admin consent (see permission.mail-readwrite ' +
              'and consent.mail-readwrite). With RBAC for Applications instead: New-ManagementRoleAssignment ' +
              `-App ${servicePrincipalOf(ctx)} -Role "Application Mail.ReadWrite" -CustomResourceScope <scope>, ` +
              `verified with Test-ServicePrincipalAuthorization -Identity ${servicePrincipalOf(ctx)} -Resource ${address}.`,
          );
    case 'no-such-user':
      return fail(
        'No such user',
        `Graph found no user or mailbox with the address ${address} (${describeError(error)}).`,
        'Check the address in PCEMAIL_MAILBOXES and in Emplifi Agent against Exchange admin center → ' +
          'Recipients → Mailboxes (use the primary SMTP address).',
      );
    case 'not-exchange-online':
      return fail(
        'Not an Exchange Online mailbox',
        `${address} exists but is not an Exchange Online mailbox Graph can reach (MailboxNotEnabledForRESTAPI): ` +
          'it is on-premises, unlicensed, inactive or soft-deleted.',
        'Give the user an Exchange Online license (Microsoft 365 admin center → Users → Active users → ' +
          'Licenses and apps), or use an Exchange Online shared mailbox.',
      );
    case 'other-graph': {
      const known = explainGraphError(error.serviceCode ?? 'unknown', error.message);
      return fail(
        `Cannot read this mailbox: ${known.known ? known.title : 'Graph refused'}`,
        `Graph refused to read ${address}: ${describeError(error)}.${known.known ? ` ${known.cause}` : ''}`,
        `${known.fix} See ${known.learnMoreUrl}`,
      );
    }
    case 'not-judged':
      return skip('mailbox.access', {
        detail: `Reading ${address} could not be completed: ${describeError(error)}`,
        fix: 'Run the check again.',
      });
  }
}

/** `mailbox.restricted`: reading a mailbox outside the scope group must be refused by the policy. */
export function judgeMailboxRestricted(ctx: JudgeContext): Verdict {
  const { settings } = ctx;
  if (!settings.secretConfigured) return skip('mailbox.restricted', NO_SECRET);
  const address = settings.outOfScopeMailbox;
  if (!address) {
    return warn(
      'Restriction to the PCEmail mailboxes not proven',
      'PCEMAIL_OUT_OF_SCOPE_MAILBOX is not set, so nothing shows that PCEmail is limited to its own mailboxes.',
      'Set PCEMAIL_OUT_OF_SCOPE_MAILBOX to an existing mailbox outside the policy scope group; PCEmail must ' +
        'be refused when it reads it.',
    );
  }
  if (settings.mailboxes.some((m) => sameAddress(m, address))) {
    return warn(
      'Out-of-scope mailbox is one of PCEmail’s own',
      `${address} is both PCEMAIL_OUT_OF_SCOPE_MAILBOX and one of PCEMAIL_MAILBOXES, so it cannot prove the restriction.`,
      'Set PCEMAIL_OUT_OF_SCOPE_MAILBOX to an existing mailbox outside the policy scope group.',
    );
  }
  const token = pcemailTokenOf(ctx);
  if (!token.ok) return skip('mailbox.restricted', token.blocker);
  const probe = ctx.snapshot.outOfScope;
  if (probe === undefined || !sameAddress(probe.address, address)) {
    return skip('mailbox.restricted', {
      detail: `${address} was not probed`,
      fix: 'Run the check again.',
    });
  }
  if (probe.inbox.ok) {
    return fail(
      'PCEmail can read every mailbox',
      `PCEmail read the Inbox of ${address} (${counts(probe.inbox.value)}), a mailbox outside its scope: ` +
        'nothing restricts it to its own mailboxes.',
      restrictFix(ctx, address),
    );
  }
  const { error } = probe.inbox;
  switch (classifyMailboxError(error)) {
    case 'unavailable':
      return skip('mailbox.restricted', UNAVAILABLE);
    case 'access-policy':
      return pass(
        'Mailboxes outside the scope group are refused',
        `Reading ${address} was refused by the application access policy ("Access to OData is disabled"): ` +
          'PCEmail is limited to its mailboxes.',
      );
    case 'no-such-user':
    case 'not-exchange-online':
      return warn(
        'Out-of-scope mailbox does not exist',
        `${address} is not a mailbox (${describeError(error)}), so the restriction could not be proven.`,
        'Set PCEMAIL_OUT_OF_SCOPE_MAILBOX to an existing mailbox outside the policy scope group.',
      );
    case 'role-missing':
      if (ctx.restriction === 'rbac' && !holdsTenantWideMailRole(token.value.roles)) {
        return pass(
          'Mailboxes outside the RBAC scope are refused',
          `Reading ${address} was refused with a plain 403 and PCEmail's token holds no tenant-wide Mail ` +
            'role: RBAC for Applications limits PCEmail to its management scope.',
        );
      }
      return skip('mailbox.restricted', plainDenial(address, token.value, ctx));
    case 'other-graph':
    case 'not-judged':
      return skip('mailbox.restricted', {
        detail: `Reading ${address} could not be judged: ${describeError(error)}`,
        fix: 'Run the check again.',
      });
  }
}

function plainDenial(address: string, token: PcemailToken, ctx: JudgeContext): Blocker {
  if (!hasRole(token, 'Mail.ReadWrite')) {
    return {
      detail:
        `Reading ${address} was refused with a plain 403, but PCEmail's token lacks Mail.ReadWrite ` +
        '(see token.roles), so this proves nothing about the restriction',
      fix: 'Grant Mail.ReadWrite (application) with admin consent (see consent.mail-readwrite), then check again.',
    };
  }
  return {
    detail:
      `Reading ${address} was refused with a plain 403, not the access policy's "Access to OData is ` +
      'disabled"; with RBAC for Applications that is expected, but this check cannot tell',
    fix:
      `Verify in Exchange Online PowerShell: Test-ServicePrincipalAuthorization -Identity ` +
      `${servicePrincipalOf(ctx)} -Resource ${address} (InScope should be False).`,
  };
}

/** The fix when a mailbox outside the scope is readable: both models, and what voids an RBAC scope. */
function restrictFix(ctx: JudgeContext, address: string): string {
  const appId = ctx.app.appId;
  const group = scopeGroup(ctx.settings);
  return (
    'Restrict PCEmail in Exchange Online PowerShell, one of two ways. Application access policy (the ' +
    `vendor's guide): New-ApplicationAccessPolicy -AppId ${appId} -PolicyScopeGroupId "${group}" ` +
    '-AccessRight RestrictAccess -Description "Restrict PCEmail to its mailboxes", verified with ' +
    `Test-ApplicationAccessPolicy -Identity ${address} -AppId ${appId} (it should say Denied). Or RBAC for ` +
    `Applications (Microsoft's recommendation): a management scope on "${group}" and New-ManagementRoleAssignment ` +
    `-App ${servicePrincipalOf(ctx)} -Role "Application Mail.ReadWrite" (and "Application Mail.Send") ` +
    '-CustomResourceScope <scope> — and then revoke the tenant-wide Entra admin consent for Mail.ReadWrite and ' +
    'Mail.Send (Enterprise applications → PCEmail → Permissions), because Entra and RBAC grants add up and ' +
    'the RBAC scope holds only without it. Changes can take an hour or more to apply. If ' +
    `${address} is in the scope group, choose a mailbox outside it for the out-of-scope check.`
  );
}

/** The enterprise application's Object ID, which RBAC for Applications cmdlets take; else the app id. */
function servicePrincipalOf(ctx: JudgeContext): string {
  const sp = ctx.snapshot.servicePrincipal;
  return sp?.ok && sp.value ? sp.value.id : ctx.app.appId;
}

function findProbe(
  probes: readonly MailboxProbe[] | undefined,
  address: string,
): MailboxProbe | undefined {
  return probes?.find((p) => sameAddress(p.address, address));
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function hasRole(token: PcemailToken, role: string): boolean {
  return token.roles.some((r) => r.toLowerCase() === role.toLowerCase());
}

function scopeGroup(settings: SnapshotSettings): string {
  return settings.scopeGroup ?? '<scope group>';
}

function counts(inbox: InboxSummary): string {
  return `${plural(inbox.totalItemCount, 'item')}, ${inbox.unreadItemCount} unread`;
}

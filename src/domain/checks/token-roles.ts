import { tenantWideMailRoles } from '../restriction-model';
import { listWords, type JudgeContext } from './judge-context';
import { pcemailTokenOf } from './secret-sign-in';
import { fail, pass, skip, type Verdict } from './verdict';

const NEEDED_ROLES = ['Mail.ReadWrite', 'Mail.Send'] as const;

/** `token.roles`: what PCEmail's token really carries, whatever the portal shows. */
export function judgeTokenRoles(ctx: JudgeContext): Verdict {
  const token = pcemailTokenOf(ctx);
  if (!token.ok) return skip('token.roles', token.blocker);
  if (token.value.readable === false) {
    return skip('token.roles', {
      detail:
        'PCEmail’s access token could not be decoded (it is not a readable JWT), so its roles claim ' +
        'cannot be read; Microsoft does not promise that tokens for its APIs can be read by clients',
      fix:
        'Nothing to fix here: the consent checks and the mailbox checks show what PCEmail can do. If you ' +
        'need the roles, look at PCEmail in Entra admin center → Enterprise applications → Permissions.',
    });
  }
  const carried = token.value.roles.length ? listWords(token.value.roles) : 'no roles';
  if (ctx.restriction === 'rbac') return judgeUnderRbac(token.value.roles, carried);
  const held = new Set(token.value.roles.map((r) => r.toLowerCase()));
  const missing = NEEDED_ROLES.filter((r) => !held.has(r.toLowerCase()));
  if (missing.length === 0) {
    return pass(
      'Token carries Mail.ReadWrite and Mail.Send',
      `The roles claim of PCEmail's token holds ${carried}.`,
    );
  }
  return fail(
    `Token lacks ${listWords(missing)}`,
    `The roles claim of PCEmail's token holds ${carried}; missing: ${listWords(missing)}.`,
    `Grant admin consent for ${listWords(missing)} (application): Entra admin center → App registrations → ` +
      'PCEmail → API permissions → Grant admin consent (see the consent checks). Then wait a few minutes ' +
      'for new tokens to carry the role, and check again. If you restrict PCEmail with RBAC for ' +
      'Applications instead, do not consent: the person who runs the bot sets the restriction model to rbac.',
  );
}

/** Under RBAC for Applications Exchange grants the mail roles per mailbox; the token must hold none. */
function judgeUnderRbac(roles: readonly string[], carried: string): Verdict {
  const tenantWide = tenantWideMailRoles(roles);
  if (tenantWide.length === 0) {
    return pass(
      'Token holds no tenant-wide Mail role, as RBAC for Applications requires',
      `The roles claim of PCEmail's token holds ${carried}: Exchange grants Mail.ReadWrite and Mail.Send ` +
        'through RBAC for Applications, only in the management scope.',
    );
  }
  return fail(
    `Token carries tenant-wide ${listWords(tenantWide)}`,
    `The roles claim of PCEmail's token holds ${carried}. Entra and RBAC grants add up: with ` +
      `${listWords(tenantWide)} consented in Entra, PCEmail reaches every mailbox whatever the RBAC scope says.`,
    `Revoke the Entra admin consent for ${listWords(tenantWide)}: Entra admin center → Enterprise ` +
      'applications → PCEmail → Permissions → the permission → Revoke permission. New tokens then carry ' +
      'no Mail role and the RBAC scope holds.',
  );
}

import { listWords, type JudgeContext } from './judge-context';
import { pcemailTokenOf } from './secret-sign-in';
import { fail, pass, skip, type Verdict } from './verdict';

const NEEDED_ROLES = ['Mail.ReadWrite', 'Mail.Send'] as const;

/** `token.roles`: what PCEmail's token really carries, whatever the portal shows. */
export function judgeTokenRoles(ctx: JudgeContext): Verdict {
  const token = pcemailTokenOf(ctx);
  if (!token.ok) return skip('token.roles', token.blocker);
  const held = new Set(token.value.roles.map((r) => r.toLowerCase()));
  const missing = NEEDED_ROLES.filter((r) => !held.has(r.toLowerCase()));
  const carried = token.value.roles.length ? listWords(token.value.roles) : 'no roles';
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
      'for new tokens to carry the role, and check again.',
  );
}

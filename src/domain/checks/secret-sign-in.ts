import { explainAadsts } from '../error-knowledge';
import { ErrorCode } from '../product-error';
import type { PcemailToken } from '../tenant-snapshot';
import { describeError, UNAVAILABLE } from './blockers';
import { credentialsOf, describeCredential } from './credentials';
import { listWords, type JudgeContext } from './judge-context';
import { fail, pass, skip, type Available, type Blocker, type Verdict } from './verdict';

export const NO_SECRET: Blocker = {
  detail: 'no client secret configured (PCEMAIL_CLIENT_SECRET)',
  fix:
    "Set PCEMAIL_CLIENT_SECRET to the Value of PCEmail's client secret to run the live checks " +
    '(secret.works, token.roles, mailbox.access, mailbox.restricted).',
};

/** `secret.works`: Entra issues PCEmail a token for the configured secret (a fresh sign-in, never from cache). */
export function judgeSecretWorks(ctx: JudgeContext): Verdict {
  const { settings, snapshot } = ctx;
  if (!settings.secretConfigured) return skip('secret.works', NO_SECRET);
  const signIn = snapshot.pcemailSignIn;
  if (signIn === undefined) {
    return skip('secret.works', {
      detail: 'the sign-in as PCEmail was not attempted',
      fix: 'Run the check again.',
    });
  }
  if (signIn.ok) {
    return pass(
      'Secret works',
      'PCEmail signed in with the configured secret (PCEMAIL_CLIENT_SECRET).',
    );
  }
  const { error } = signIn;
  if (error.code === ErrorCode.ServiceUnavailable) return skip('secret.works', UNAVAILABLE);
  if (error.code !== ErrorCode.SignInFailed) {
    return skip('secret.works', {
      detail: `The sign-in as PCEmail could not be completed: ${describeError(error)}`,
      fix: 'Run the check again; if it keeps failing, check AUTHORITY_HOST and TENANT_ID.',
    });
  }
  if (error.aadsts === undefined) {
    return fail(
      'Secret rejected',
      `Entra refused PCEmail's sign-in: ${describeError(error)}.`,
      'Check that Emplifi Agent and PCEMAIL_CLIENT_SECRET hold the Tenant ID, Application ID and secret ' +
        'Value of this app registration.',
    );
  }
  const known = explainAadsts(error.aadsts);
  const clues = secretClues(ctx, error.aadsts);
  return fail(
    `Secret rejected: ${known.known ? known.title : `AADSTS${error.aadsts}`}`,
    [`Entra refused PCEmail's sign-in with AADSTS${error.aadsts}.`, known.cause, ...clues].join(
      ' ',
    ),
    `${known.fix} See ${known.learnMoreUrl}`,
  );
}

/** PCEmail's own token, or why the checks that need it skip. */
export function pcemailTokenOf({ settings, snapshot }: JudgeContext): Available<PcemailToken> {
  if (!settings.secretConfigured) {
    return {
      ok: false,
      blocker: { ...NO_SECRET, detail: `no PCEmail token: ${NO_SECRET.detail}` },
    };
  }
  const signIn = snapshot.pcemailSignIn;
  if (signIn === undefined) {
    return {
      ok: false,
      blocker: {
        detail: 'no PCEmail token: the sign-in as PCEmail was not attempted',
        fix: 'Run the check again.',
      },
    };
  }
  if (signIn.ok) return { ok: true, value: signIn.value };
  if (signIn.error.code === ErrorCode.ServiceUnavailable)
    return { ok: false, blocker: UNAVAILABLE };
  const why =
    signIn.error.aadsts === undefined ? signIn.error.message : `AADSTS${signIn.error.aadsts}`;
  return {
    ok: false,
    blocker: {
      detail: `no PCEmail token: sign-in failed (${why}) — see secret.works`,
      fix: 'Fix secret.works first, then check again.',
    },
  };
}

/**
 * What the configured secret's first characters say (compared with the credential's hint).
 * Only `settings.secretHint` (at most 3 characters) is used, and it is never echoed.
 */
function secretClues({ settings, app }: JudgeContext, aadsts: number): string[] {
  const clues: string[] = [];
  if (settings.secretLooksLikeGuid) {
    clues.push(
      'PCEMAIL_CLIENT_SECRET has the shape of a GUID: that is a Secret ID, not the secret Value.',
    );
  }
  const hint = settings.secretHint?.slice(0, 3);
  const secrets = credentialsOf(app).filter((c) => c.kind === 'secret');
  if (!hint || secrets.length === 0) return clues;
  const sameStart = secrets.filter((c) => c.hint !== null && c.hint === hint);
  const idStart = secrets.filter((c) => c.keyId.toLowerCase().startsWith(hint.toLowerCase()));
  if (sameStart.length === 0 && idStart.length > 0) {
    clues.push(
      `The configured secret begins like the Secret ID of ${listWords(idStart.map(describeCredential))}: ` +
        'the Secret ID was pasted instead of the Value.',
    );
  } else if (sameStart.length === 0) {
    clues.push(
      'The configured secret does not begin with the characters Entra shows for any of PCEmail’s secrets ' +
        `(${listWords(secrets.map(describeCredential))}), so it is none of them.`,
    );
  } else if (aadsts === 7000222) {
    clues.push(`It matches ${listWords(sameStart.map(describeCredential))}.`);
  } else {
    clues.push(
      `It begins like ${listWords(sameStart.map(describeCredential))}: probably that secret with a character ` +
        'missing, added or mistyped.',
    );
  }
  return clues;
}

import type { CheckId, CheckResult } from '../check-result';

/** A check's judgement; the type makes `fix` present exactly when the status is not `pass`. */
export type Verdict =
  | { status: 'pass'; title: string; detail: string }
  | { status: 'warn' | 'fail' | 'skip'; title: string; detail: string; fix: string };

/** Why a check cannot be judged: it becomes a `skip` row with this reason and fix. */
export interface Blocker {
  detail: string;
  fix: string;
}

/** A fact a check needs, or why it is not there. */
export type Available<T> = { ok: true; value: T } | { ok: false; blocker: Blocker };

/** What each check looks at, for the titles of rows that could not be judged. */
const SUBJECT: Record<CheckId, string> = {
  'app.registered': 'PCEmail app registration',
  'app.single-tenant': 'Single-tenant sign-in',
  'app.service-principal': 'Enterprise application (service principal)',
  'secret.present': 'Client secret',
  'secret.expiry': 'Secret expiry',
  'secret.works': 'Secret sign-in',
  'permission.user-read': 'User.Read (delegated) permission',
  'permission.mail-readwrite': 'Mail.ReadWrite (application) permission',
  'permission.mail-send': 'Mail.Send (application) permission',
  'permission.least-privilege': 'Least privilege',
  'consent.user-read': 'Admin consent for User.Read',
  'consent.mail-readwrite': 'Admin consent for Mail.ReadWrite',
  'consent.mail-send': 'Admin consent for Mail.Send',
  'token.roles': 'Roles in the PCEmail token',
  'mailbox.access': 'Mailbox access',
  'mailbox.restricted': 'Mailbox restriction',
};

export function pass(title: string, detail: string): Verdict {
  return { status: 'pass', title, detail };
}

export function warn(title: string, detail: string, fix: string): Verdict {
  return { status: 'warn', title, detail, fix };
}

export function fail(title: string, detail: string, fix: string): Verdict {
  return { status: 'fail', title, detail, fix };
}

export function skip(id: CheckId, blocker: Blocker): Verdict {
  return {
    status: 'skip',
    title: `${SUBJECT[id]}: not checked`,
    detail: blocker.detail,
    fix: blocker.fix,
  };
}

/** Builds the row with its keys in the CLI's JSON order: id, target, status, title, detail, fix. */
export function toResult(id: CheckId, verdict: Verdict, target?: string): CheckResult {
  return {
    id,
    ...(target === undefined ? {} : { target }),
    status: verdict.status,
    title: verdict.title,
    detail: verdict.detail,
    ...(verdict.status === 'pass' ? {} : { fix: verdict.fix }),
  };
}

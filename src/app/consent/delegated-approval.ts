import type { ConsentRequest, Person } from '../../domain/consent';
import type { ConsentGrantWriter } from '../../ports/consent-writer';
import type { ConsentServiceDeps } from './consent-deps';
import type { ConsentActionOutcome, ConsentNoticeView } from './consent-outcome';
import type { GrantResult } from './grant-missing-consent';

const WHO_CAN_APPROVE =
  'Only a person who is both an approver of PCEmail Ops and a Privileged Role Administrator or Global Administrator in Microsoft Entra can grant these permissions.';

/**
 * The approver's writer, or what to answer instead: sign in first (no token yet), or why the
 * exchange failed. Nothing is stored either way: the request stays as it was, ready for a retry.
 */
export async function approverWriter(
  deps: ConsentServiceDeps,
  stored: ConsentRequest,
  approverToken: string | undefined,
): Promise<{ writer: ConsentGrantWriter } | { outcome: ConsentActionOutcome }> {
  const delegated = deps.delegated;
  if (!delegated) {
    return {
      outcome: {
        request: stored,
        notice: { kind: 'sso-missing' },
      },
    };
  }
  if (!approverToken) return { outcome: { request: stored, signIn: true } };
  const exchanged = await delegated.exchange(approverToken);
  if (!exchanged.ok) {
    const { failure } = exchanged;
    deps.logger.warn(
      {
        requestId: stored.id,
        kind: failure.kind,
        aadsts: failure.aadsts,
        correlationId: failure.correlationId,
      },
      'the approver’s sign-in could not be exchanged on-behalf-of',
    );
    const again = failure.kind === 'expired' ? { signIn: true as const } : {};
    return {
      outcome: {
        request: stored,
        notice: {
          kind: 'sign-in-failed',
          retryable: failure.kind === 'throttled' || failure.kind === 'unavailable',
          message: failure.message,
          ...(failure.correlationId ? { correlationId: failure.correlationId } : {}),
        },
        ...again,
      },
    };
  }
  return { writer: delegated.writerFor(exchanged.accessToken) };
}

/**
 * Graph's 403 on a delegated grant means the approver lacks the directory role: not a reason to
 * fall back to the link, but to let someone else approve. The request stays retryable.
 */
export function approverRefused(
  result: GrantResult,
  approver: Person,
):
  | { attempt: Omit<GrantResult, 'refusal'> & { problem: string }; notice: ConsentNoticeView }
  | undefined {
  if (!result.refusal) return undefined;
  const { refusal, ...rest } = result;
  const status = refusal.status ? `HTTP ${refusal.status}: ` : '';
  return {
    attempt: {
      ...rest,
      problem:
        `Microsoft Entra refused ${approver.name} (${status}${refusal.message}): ${approver.name} is not a ` +
        `Privileged Role Administrator or Global Administrator. ${WHO_CAN_APPROVE}`,
    },
    notice: {
      kind: 'approver-lacks-role',
      partlyGranted: result.steps.some((s) => s.outcome === 'granted'),
    },
  };
}

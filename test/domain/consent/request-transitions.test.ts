import {
  closeAsInvalid,
  completeGrant,
  decideApproval,
  decideRejection,
  expire,
  GRANT_CLAIM_MS,
  newConsentRequest,
  observeConsent,
  type ConsentPermission,
  type ConsentRequest,
  type GrantStep,
} from '../../../src/domain/consent';

const T0 = new Date('2025-06-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const ALL: ConsentPermission[] = [
  { name: 'User.Read', type: 'Scope' },
  { name: 'Mail.ReadWrite', type: 'Role' },
  { name: 'Mail.Send', type: 'Role' },
];
const GRACE = { aadObjectId: 'a1', name: 'Grace' };
const LINUS = { aadObjectId: 'a2', name: 'Linus' };

function pending(): ConsentRequest {
  return newConsentRequest({
    id: 'r1',
    tenantId: 't',
    appId: 'app',
    appName: 'PCEmail',
    permissions: ALL,
    reason: 'missing',
    requestedBy: { name: 'Ada' },
    now: T0,
    ttlDays: 7,
    approverUserIds: [],
  });
}

function claimed(token = 'tok', now = T0): ConsentRequest {
  const decision = decideApproval(pending(), {
    approver: GRACE,
    now,
    mode: 'grant',
    claimToken: token,
  });
  if (decision.kind !== 'claim') throw new Error('expected a claim');
  return decision.next;
}

const step = (p: ConsentPermission, outcome: GrantStep['outcome']): GrantStep => ({
  permission: p,
  outcome,
});

describe('consent request transitions', () => {
  it('when created, then it is pending and expires after its time to live', () => {
    expect(pending()).toMatchObject({
      state: 'pending',
      expiresAt: '2025-06-08T12:00:00.000Z',
      granted: [],
      copies: [],
    });
  });

  it('when approved in grant mode, then the approver holds a claim; a second approval meanwhile is busy, after the claim lapses it may take over', () => {
    const first = claimed();
    expect(first).toMatchObject({
      state: 'granting',
      approvedBy: GRACE,
      claim: { token: 'tok', by: GRACE },
    });
    expect(
      decideApproval(first, { approver: LINUS, now: at(1000), mode: 'grant', claimToken: 'x' }),
    ).toEqual({ kind: 'busy', by: GRACE });
    const takeover = decideApproval(first, {
      approver: LINUS,
      now: at(GRANT_CLAIM_MS + 1),
      mode: 'grant',
      claimToken: 'x',
    });
    expect(takeover.kind).toBe('claim');
  });

  it('when approved in link mode, then it waits for consent; approving again changes nothing', () => {
    const decision = decideApproval(pending(), {
      approver: GRACE,
      now: T0,
      mode: 'link',
      claimToken: 'x',
    });
    expect(decision.kind).toBe('approve-link');
    if (decision.kind !== 'approve-link') return;
    expect(decision.next).toMatchObject({ state: 'awaiting-consent', approvedBy: GRACE });
    expect(
      decideApproval(decision.next, { approver: LINUS, now: T0, mode: 'link', claimToken: 'y' }),
    ).toEqual({ kind: 'waiting-for-consent' });
  });

  it('when every step succeeded or existed, then it is granted; a step failing leaves it partly granted and retryable', () => {
    const done = completeGrant(claimed(), {
      claimToken: 'tok',
      now: at(5),
      steps: [step(ALL[0]!, 'granted'), step(ALL[1]!, 'already-granted'), step(ALL[2]!, 'granted')],
    });
    expect(done).toMatchObject({
      state: 'granted',
      completedHow: 'granted-by-bot',
      granted: [ALL[0], ALL[2]],
    });
    expect(done?.claim).toBeUndefined();

    const partly = completeGrant(claimed(), {
      claimToken: 'tok',
      now: at(5),
      steps: [step(ALL[1]!, 'granted'), step(ALL[2]!, 'failed'), step(ALL[0]!, 'failed')],
    })!;
    expect(partly).toMatchObject({ state: 'partially-granted', granted: [ALL[1]] });
    const retry = decideApproval(partly, {
      approver: LINUS,
      now: at(10),
      mode: 'grant',
      claimToken: 'tok2',
    });
    expect(retry.kind).toBe('claim');
    if (retry.kind !== 'claim') return;
    const finished = completeGrant(retry.next, {
      claimToken: 'tok2',
      now: at(20),
      steps: [step(ALL[1]!, 'already-granted'), step(ALL[2]!, 'granted'), step(ALL[0]!, 'granted')],
    });
    expect(finished).toMatchObject({ state: 'granted', approvedBy: LINUS });
    expect(finished?.granted).toHaveLength(3);
  });

  it('when Graph refused the bot, then the request waits for consent through the link; a lost claim records nothing', () => {
    const refused = completeGrant(claimed(), {
      claimToken: 'tok',
      now: at(5),
      steps: [step(ALL[1]!, 'failed')],
      refusal: { message: 'Insufficient privileges to complete the operation.', status: 403 },
    });
    expect(refused).toMatchObject({ state: 'awaiting-consent', grantRefused: { status: 403 } });
    expect(
      completeGrant(claimed(), { claimToken: 'other', now: at(5), steps: [] }),
    ).toBeUndefined();
    expect(closeAsInvalid(claimed(), 'other', 'x', T0)).toBeUndefined();
    expect(closeAsInvalid(claimed(), 'tok', 'app changed', T0)).toMatchObject({
      state: 'rejected',
      rejectReason: 'app changed',
    });
  });

  it('when past its expiry, then approving or rejecting expires it instead; a grant in progress is let finish', () => {
    const late = at(7 * 24 * 3600 * 1000);
    expect(
      decideApproval(pending(), { approver: GRACE, now: late, mode: 'grant', claimToken: 'x' }),
    ).toMatchObject({
      kind: 'expire',
      next: { state: 'expired', expiredAt: late.toISOString() },
    });
    expect(decideRejection(pending(), { by: GRACE, reason: '', now: late }).kind).toBe('expire');
    expect(expire(claimed('tok', at(7 * 24 * 3600 * 1000 - 1000)), late)).toBeUndefined();
    expect(expire(pending(), at(1000))).toBeUndefined();
  });

  it('when rejected, then it is closed with who and why; decisions on a closed request change nothing', () => {
    const decision = decideRejection(pending(), { by: LINUS, reason: 'not now', now: T0 });
    expect(decision).toMatchObject({
      kind: 'reject',
      next: { state: 'rejected', rejectedBy: LINUS, rejectReason: 'not now' },
    });
    if (decision.kind !== 'reject') return;
    expect(
      decideApproval(decision.next, { approver: GRACE, now: T0, mode: 'grant', claimToken: 'x' }),
    ).toEqual({ kind: 'closed', state: 'rejected' });
    expect(decideRejection(decision.next, { by: GRACE, reason: '', now: T0 })).toEqual({
      kind: 'closed',
      state: 'rejected',
    });
  });

  it('when the tenant holds consent for the whole request, then it completes; while any is missing it stays', () => {
    expect(observeConsent(pending(), { stillMissing: [ALL[2]!], now: T0 })).toBeUndefined();
    expect(observeConsent(pending(), { stillMissing: [], now: at(9) })).toMatchObject({
      state: 'granted',
      completedHow: 'consent-seen',
    });
    expect(observeConsent(claimed(), { stillMissing: [], now: at(9) })).toBeUndefined();
  });
});

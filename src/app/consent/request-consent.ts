import {
  describeConsentPermission,
  isOpen,
  isPastExpiry,
  newConsentRequest,
  samePermissionSet,
  sortPermissions,
  type CardCopy,
  type ConsentPermission,
  type ConsentRequest,
  type Person,
} from '../../domain/consent';
import type { StoredConversation } from '../../ports/conversations';
import { isApprover } from '../../ports/approvers';
import type { ConsentServiceDeps } from './consent-deps';
import { changeRequest, createRequest, loadRequest, openRequestIds } from './consent-records';
import { audit } from './publish-request';
import { requestView } from './request-view';
import { findDestinations, labelOf, teamsUserIdOf, type Destination } from './route-request';

export interface RequestConsentInput {
  requester: Person;
  /** The conversation of the check card the request was made from. */
  origin?: StoredConversation;
  /** That card's message id (the invoke's replyToId): it becomes a copy of the request. */
  originActivityId?: string;
}

export interface Delivery {
  /** Labels of the subscribed conversations that received the request. */
  channels: string[];
  approverChats: number;
  failed: number;
}

export type RequestConsentOutcome =
  | {
      kind: 'requested';
      request: ConsentRequest;
      reused: boolean;
      delivery: Delivery;
      requesterIsApprover: boolean;
    }
  | { kind: 'nothing-missing'; notRequested: ConsentPermission[] }
  | { kind: 'cannot'; reason: string };

/**
 * "Request admin consent": re-reads what is missing (the check card's data is not trusted), stores
 * one request per app and permission set (a second click re-delivers the open one), and sends it
 * to every subscribed channel and approver chat.
 */
export async function requestConsent(
  deps: ConsentServiceDeps,
  input: RequestConsentInput,
): Promise<RequestConsentOutcome> {
  const { gap } = await deps.inspect();
  if (!gap.ok) return { kind: 'cannot', reason: gap.reason };
  if (gap.missing.length === 0) return { kind: 'nothing-missing', notRequested: gap.notRequested };

  const permissions = sortPermissions(gap.missing);
  const destinations = await findDestinations(
    deps.store,
    deps.approvers,
    deps.subscribedConversations,
  );
  const approverUserIds = destinations
    .filter((d) => d.why === 'approver chat')
    .flatMap((d) => teamsUserIdOf(d.conversation) ?? []);

  let request = await findOpenRequest(deps, gap.target.appId, permissions);
  const reused = request !== undefined;
  if (!request) {
    const appIdentity = await deps.describeApp?.(gap.target.appId).catch(() => undefined);
    request = newConsentRequest({
      ...(appIdentity ? { appIdentity } : {}),
      id: deps.newId(),
      tenantId: deps.tenant.id,
      appId: gap.target.appId,
      appName: gap.target.appName,
      permissions,
      reason: reasonFor(permissions, gap.notRequested),
      requestedBy: input.requester,
      now: deps.now(),
      ttlDays: deps.ttlDays,
      approverUserIds,
      ...(gap.target.redirectUri === undefined ? {} : { redirectUri: gap.target.redirectUri }),
    });
    await createRequest(deps.store, request);
    await audit(deps, 'requested', request, input.requester);
  }

  const originCopy =
    input.origin && input.originActivityId
      ? {
          conversationKey: input.origin.key,
          activityId: input.originActivityId,
          label: labelOf(input.origin),
        }
      : undefined;
  const taken = new Set([
    ...request.copies.map((c) => c.conversationKey),
    ...(originCopy ? [originCopy.conversationKey] : []),
  ]);
  const targets: Destination[] = destinations.filter((d) => !taken.has(d.conversation.key));
  if (
    input.origin &&
    !originCopy &&
    !taken.has(input.origin.key) &&
    !targets.some((d) => d.conversation.key === input.origin?.key)
  ) {
    targets.push({ conversation: input.origin, why: 'requester' });
  }
  const view = requestView(deps, request);
  const posted = await Promise.all(
    targets.map(async (target) => ({
      target,
      outcome: await deps.board.post(target.conversation, view),
    })),
  );
  const newCopies: CardCopy[] = [
    ...(originCopy && !request.copies.some((c) => c.conversationKey === originCopy.conversationKey)
      ? [originCopy]
      : []),
    ...posted.flatMap(({ target, outcome }) =>
      outcome.ok
        ? [
            {
              conversationKey: target.conversation.key,
              activityId: outcome.activityId,
              label: labelOf(target.conversation),
            },
          ]
        : [],
    ),
  ];
  for (const { target, outcome } of posted) {
    if (!outcome.ok) {
      deps.logger.warn(
        { conversation: target.conversation.key, reason: outcome.reason },
        'could not deliver a consent request',
      );
    }
  }
  const updated = await changeRequest(deps.store, request.id, (current) => ({
    ...current,
    copies: [
      ...current.copies,
      ...newCopies.filter(
        (c) => !current.copies.some((k) => k.conversationKey === c.conversationKey),
      ),
    ],
    approverUserIds: [...new Set([...current.approverUserIds, ...approverUserIds])].slice(0, 60),
  }));
  const stored = updated.after ?? request;

  if (originCopy && input.origin && input.origin.kind !== 'personal') {
    // The card clicked in a channel changes for everyone, not only for the person who clicked.
    await deps.board.update(input.origin, originCopy.activityId, requestView(deps, stored));
  }

  const delivered = posted.filter(
    (p) => p.outcome.ok && p.target.conversation.key !== input.origin?.key,
  );
  return {
    kind: 'requested',
    request: stored,
    reused,
    requesterIsApprover: isApprover(deps.approvers, input.requester.aadObjectId),
    delivery: {
      channels: delivered
        .filter((p) => p.target.why === 'subscribed channel')
        .map((p) => labelOf(p.target.conversation)),
      approverChats: delivered.filter((p) => p.target.why === 'approver chat').length,
      failed: posted.filter((p) => !p.outcome.ok).length,
    },
  };
}

async function findOpenRequest(
  deps: ConsentServiceDeps,
  appId: string,
  permissions: ConsentPermission[],
): Promise<ConsentRequest | undefined> {
  const now = deps.now();
  for (const id of await openRequestIds(deps.store)) {
    const request = await loadRequest(deps.store, id);
    if (
      request &&
      isOpen(request) &&
      !isPastExpiry(request, now) &&
      request.appId.toLowerCase() === appId.toLowerCase() &&
      samePermissionSet(request.permissions, permissions)
    ) {
      return request;
    }
  }
  return undefined;
}

function reasonFor(missing: ConsentPermission[], notRequested: ConsentPermission[]): string {
  const list = missing.map(describeConsentPermission).join(', ');
  const extra =
    notRequested.length > 0
      ? ` Also needed but not requested by the app yet (add under API permissions first): ${notRequested.map(describeConsentPermission).join(', ')}.`
      : '';
  return `The consent checks found no admin consent for ${list}; PCEmail needs it to work.${extra}`;
}

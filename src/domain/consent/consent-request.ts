import type { CheckStatus } from '../check-result';
import type { ConsentPermission } from './consent-permission';

/**
 * A request for admin consent, stored under its id; the card only ever carries that id.
 *
 *   pending ──approve (grant)──> granting ──> granted | partially-granted | awaiting-consent (Graph 403)
 *   pending ──approve (link)───> awaiting-consent ──consent seen in the tenant──> granted
 *   partially-granted ──approve──> granting           open ──reject──> rejected
 *   open ──past expiresAt──> expired                  open ──consent seen in the tenant──> granted
 *
 * Every change is a conditional write (eTag), so two clicks, two approvers or two bot instances
 * see one winner: only the holder of the `granting` claim writes to Graph.
 */
export type ConsentRequestState =
  | 'pending'
  | 'granting'
  | 'awaiting-consent'
  | 'granted'
  | 'partially-granted'
  | 'rejected'
  | 'expired';

/** Someone who acted in Teams: Entra object id (when Teams sent one) and display name. */
export interface Person {
  aadObjectId?: string;
  name: string;
}

/** A message that shows the request; every one is updated when the request changes. */
export interface CardCopy {
  conversationKey: string;
  activityId: string;
  label: string;
}

export type GrantStepOutcome = 'granted' | 'already-granted' | 'failed' | 'not-attempted';

/** What happened to one permission in a grant attempt, with Graph's request id for support. */
export interface GrantStep {
  permission: ConsentPermission;
  outcome: GrantStepOutcome;
  requestId?: string;
  status?: number;
  /** Plain words: Graph's message or why it was not attempted. */
  error?: string;
}

/** Graph refused the bot the right to grant (403): the admin-consent link is offered instead. */
export interface GrantRefusal {
  message: string;
  status?: number;
  requestId?: string;
}

export interface CheckRow {
  id: string;
  status: CheckStatus;
  title: string;
}

/**
 * Who stands behind the app, read from Graph when the request was made, so an approver can tell
 * PCEmail from a look-alike registration with the same name.
 */
export interface AppIdentity {
  /** When the registration was created (ISO), if Graph said. */
  createdDateTime?: string;
  publisherDomain?: string;
  /** Display names of its owners (at most a few); empty = no owner. */
  owners: string[];
}

export interface ConsentRequest {
  id: string;
  tenantId: string;
  appId: string;
  appName: string;
  /** Read when the request was made; undefined when Graph could not be read. */
  appIdentity?: AppIdentity;
  /** Exactly what may be granted for this request (a subset of REQUIRED_PERMISSIONS). */
  permissions: ConsentPermission[];
  reason: string;
  requestedBy: Person;
  requestedAt: string;
  expiresAt: string;
  state: ConsentRequestState;
  /** Held while one approval writes to Graph; a claim past `until` may be taken over. */
  claim?: { token: string; by: Person; until: string };
  approvedBy?: Person;
  approvedAt?: string;
  /** Permissions the bot itself granted, over all attempts. */
  granted: ConsentPermission[];
  /** The latest grant attempt, step by step. */
  steps?: GrantStep[];
  grantRefused?: GrantRefusal;
  /** Why the latest attempt stopped short, when it was not one permission's failure. */
  problem?: string;
  rejectedBy?: Person;
  rejectedAt?: string;
  rejectReason?: string;
  completedAt?: string;
  completedHow?: 'granted-by-bot' | 'consent-seen' | 'already-granted';
  expiredAt?: string;
  /** The consent checks as they ran after the request completed. */
  consentChecks?: CheckRow[];
  /** Teams user ids (MRI, `29:…`) of approvers reached 1:1, for `refresh.userIds` (Teams allows 60). */
  approverUserIds: string[];
  copies: CardCopy[];
  /** A redirect URI registered on the app (web.redirectUris): the admin-consent link needs one. */
  redirectUri?: string;
}

const OPEN_STATES: readonly ConsentRequestState[] = [
  'pending',
  'granting',
  'awaiting-consent',
  'partially-granted',
];

export function isOpen(request: Pick<ConsentRequest, 'state'>): boolean {
  return OPEN_STATES.includes(request.state);
}

export function newConsentRequest(input: {
  id: string;
  tenantId: string;
  appId: string;
  appName: string;
  permissions: ConsentPermission[];
  reason: string;
  requestedBy: Person;
  now: Date;
  ttlDays: number;
  approverUserIds: string[];
  redirectUri?: string;
  appIdentity?: AppIdentity;
}): ConsentRequest {
  return {
    id: input.id,
    tenantId: input.tenantId,
    appId: input.appId,
    appName: input.appName,
    ...(input.appIdentity ? { appIdentity: input.appIdentity } : {}),
    permissions: input.permissions,
    reason: input.reason,
    requestedBy: input.requestedBy,
    requestedAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlDays * 24 * 60 * 60 * 1000).toISOString(),
    state: 'pending',
    granted: [],
    approverUserIds: input.approverUserIds.slice(0, 60),
    copies: [],
    ...(input.redirectUri === undefined ? {} : { redirectUri: input.redirectUri }),
  };
}

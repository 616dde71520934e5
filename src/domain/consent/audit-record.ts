import { describeConsentPermission, type ConsentPermission } from './consent-permission';
import type { ConsentRequest, GrantStep, Person } from './consent-request';

export type ConsentAuditKind =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'granted'
  | 'grant-failed'
  | 'consent-seen'
  | 'refused';

/** One decision or grant, kept for good (who, when, what, and Graph's request ids). */
export interface ConsentAuditRecord {
  id: string;
  at: string;
  kind: ConsentAuditKind;
  requestId: string;
  appId: string;
  appName: string;
  actor: Person;
  /** The request's permissions, described ("Mail.Send (application)"). */
  permissions: string[];
  granted?: string[];
  notGranted?: string[];
  graphRequestIds?: string[];
  detail?: string;
  /** Whose rights a grant used: the approver's own (delegated sign-in) or the bot's application permissions. */
  rights?: 'approver' | 'bot';
}

export function auditRecord(input: {
  id: string;
  now: Date;
  kind: ConsentAuditKind;
  request: ConsentRequest;
  actor: Person;
  steps?: readonly GrantStep[];
  detail?: string;
  rights?: 'approver' | 'bot';
}): ConsentAuditRecord {
  const { request, steps } = input;
  const granted = steps?.filter((s) => s.outcome === 'granted' || s.outcome === 'already-granted');
  const notGranted = steps?.filter((s) => s.outcome === 'failed' || s.outcome === 'not-attempted');
  const requestIds = steps?.flatMap((s) => (s.requestId ? [s.requestId] : []));
  return {
    id: input.id,
    at: input.now.toISOString(),
    kind: input.kind,
    requestId: request.id,
    appId: request.appId,
    appName: request.appName,
    actor: input.actor,
    permissions: describeAll(request.permissions),
    ...(granted ? { granted: granted.map(stepText) } : {}),
    ...(notGranted && notGranted.length > 0 ? { notGranted: notGranted.map(stepText) } : {}),
    ...(requestIds && requestIds.length > 0 ? { graphRequestIds: requestIds } : {}),
    ...(input.detail ? { detail: input.detail } : {}),
    ...(input.rights ? { rights: input.rights } : {}),
  };
}

function describeAll(list: readonly ConsentPermission[]): string[] {
  return list.map(describeConsentPermission);
}

function stepText(step: GrantStep): string {
  const name = describeConsentPermission(step.permission);
  if (step.outcome === 'already-granted') return `${name}, already granted`;
  if (step.outcome === 'granted') return name;
  return step.error ? `${name}: ${step.error}` : name;
}

import {
  describeConsentPermission,
  sortPermissions,
  type ConsentRequest,
  type GrantStep,
} from '../../domain/consent';
import { withoutTrailingDots } from '../../domain/bounded-text';
import type { TextColor } from '../adaptive-card';
import { formatUtc } from '../format-time';

/** One line saying where the request stands, who decided and when (plain text, not yet escaped). */
export function statusLine(request: ConsentRequest): { text: string; color: TextColor } {
  const approver = request.approvedBy?.name ?? 'an approver';
  switch (request.state) {
    case 'pending':
      return { text: 'Waiting for an approver', color: 'accent' };
    case 'granting':
      return { text: `Being granted by ${request.claim?.by.name ?? approver}…`, color: 'accent' };
    case 'awaiting-consent':
      return request.grantRefused
        ? {
            text: 'The bot may not grant these permissions itself: consent with the link below',
            color: 'warning',
          }
        : {
            text: `Approved by ${approver}${request.approvedAt ? ` on ${formatUtc(request.approvedAt)}` : ''} — waiting for the admin consent in Entra`,
            color: 'warning',
          };
    case 'partially-granted':
      return request.granted.length > 0
        ? { text: 'Partly granted — retry to finish', color: 'warning' }
        : { text: 'Not granted yet — retry to finish', color: 'attention' };
    case 'granted': {
      const when = request.completedAt ? ` on ${formatUtc(request.completedAt)}` : '';
      if (request.completedHow === 'consent-seen') {
        return {
          text: `Granted: admin consent found in the tenant${when}${request.approvedBy ? ` (approved by ${request.approvedBy.name})` : ''}`,
          color: 'good',
        };
      }
      if (request.completedHow === 'already-granted') {
        return { text: `Nothing left to grant: the consent already existed${when}`, color: 'good' };
      }
      return { text: `Granted by ${approver}${when}`, color: 'good' };
    }
    case 'rejected':
      return {
        text: `Rejected by ${request.rejectedBy?.name ?? 'an approver'}${request.rejectedAt ? ` on ${formatUtc(request.rejectedAt)}` : ''}${request.rejectReason ? `: ${request.rejectReason}` : ''} — nothing was granted`,
        color: 'attention',
      };
    case 'expired':
      return {
        text: `Expired${request.expiredAt ? ` on ${formatUtc(request.expiredAt)}` : ''} without a decision — nothing was granted`,
        color: 'attention',
      };
  }
}

export interface OutcomeLine {
  text: string;
  subtle?: boolean;
}

/** What was and was not granted, why, and Graph's request ids (for a support ticket). */
export function describeOutcome(request: ConsentRequest): OutcomeLine[] {
  const lines: OutcomeLine[] = [];
  const steps = request.steps ?? [];
  if (request.granted.length > 0) {
    lines.push({
      text: `Granted by the bot: ${sortPermissions(request.granted).map(describeConsentPermission).join(', ')}.`,
    });
  }
  const already = steps.filter((s) => s.outcome === 'already-granted');
  if (already.length > 0) {
    lines.push({
      text: `Already granted: ${already.map((s) => describeConsentPermission(s.permission)).join(', ')}.`,
    });
  }
  const notGranted = steps.filter((s) => s.outcome === 'failed' || s.outcome === 'not-attempted');
  if (notGranted.length > 0 && request.state !== 'granted') {
    lines.push({ text: `Not granted: ${notGranted.map(stepFailure).join('; ')}.` });
  }
  if (request.grantRefused) {
    lines.push({
      text:
        `Microsoft Graph refused the bot (${request.grantRefused.status ? `HTTP ${request.grantRefused.status}: ` : ''}` +
        `${request.grantRefused.message}). To grant by itself, the bot's identity (GRAPH_CLIENT_ID) needs the ` +
        'application permissions AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All with admin consent.',
    });
  }
  if (request.problem) lines.push({ text: request.problem });
  const ids = steps.flatMap((s) => (s.requestId ? [s.requestId] : []));
  if (request.grantRefused?.requestId) ids.push(request.grantRefused.requestId);
  if (ids.length > 0)
    lines.push({ text: `Graph request ids: ${[...new Set(ids)].join(', ')}`, subtle: true });
  return lines;
}

function stepFailure(step: GrantStep): string {
  const name = describeConsentPermission(step.permission);
  return step.error ? `${name}: ${withoutTrailingDots(step.error)}` : name;
}

import type { ConsentNotice } from '../../cards/consent';
import { formatUtc } from '../../cards';
import {
  describePermissions,
  type ConsentPermission,
  type ConsentRequest,
  type Person,
} from '../../domain/consent';

/** What the person who clicked is told, above the request card. */
export const notices = {
  notApprover: (): ConsentNotice => ({
    tone: 'warning',
    text:
      'You are not one of the approvers configured for PCEmail Ops (APPROVERS), so nothing was changed. ' +
      'Ask an approver to approve or reject this request.',
  }),
  notFound: (): ConsentNotice => ({
    tone: 'warning',
    text: 'I have no consent request with this id, so nothing was changed. Run "check pcemail permissions" and request consent again.',
  }),
  mismatch: (what: string): ConsentNotice => ({
    tone: 'error',
    text: `This card does not match the stored request (${what}), so nothing was granted. Use the request card I posted.`,
  }),
  busy: (by: Person): ConsentNotice => ({
    tone: 'info',
    text: `${by.name} is granting these permissions right now; the card updates when it is done.`,
  }),
  closed: (request: ConsentRequest): ConsentNotice => ({
    tone: 'info',
    text: `This request is already ${request.state === 'granted' ? 'granted' : request.state}; nothing was changed.`,
  }),
  expired: (request: ConsentRequest): ConsentNotice => ({
    tone: 'warning',
    text: `This request expired on ${formatUtc(request.expiredAt ?? request.expiresAt)}; nothing was granted. Run "check pcemail permissions" to request consent again.`,
  }),
  waitingForConsent: (): ConsentNotice => ({
    tone: 'info',
    text: 'Already approved: consent with the link below, then choose "I have consented".',
  }),
  claimLost: (): ConsentNotice => ({
    tone: 'info',
    text: 'Another approval finished this request meanwhile; the card shows its outcome.',
  }),
  partlyGranted: (): ConsentNotice => ({
    tone: 'warning',
    text: 'Not everything could be granted (see below). Choose "Retry the grant" to finish; what is granted stays granted.',
  }),
  refused: (): ConsentNotice => ({
    tone: 'warning',
    text: 'Microsoft Graph does not let the bot grant these permissions (see below): use the admin consent link instead.',
  }),
  granted: (): ConsentNotice => ({
    tone: 'info',
    text: 'Done: the permissions are granted and the consent checks ran again.',
  }),
  consentSeen: (): ConsentNotice => ({
    tone: 'info',
    text: 'Consent found in the tenant: the request is complete.',
  }),
  consentNotYet: (missing: readonly ConsentPermission[]): ConsentNotice => ({
    tone: 'warning',
    text:
      `I do not see the consent yet: ${describePermissions(missing)} still lack admin consent. If you just accepted, ` +
      'Entra can take a minute; try again shortly. I also check by myself until the request expires.',
  }),
  tenantUnreadable: (reason: string): ConsentNotice => ({
    tone: 'error',
    text: `I could not read the tenant, so nothing was changed: ${reason}`,
  }),
};

/** Told to the requester: where the request went, or how to reach an approver when nobody was. */
export function deliveryNotice(outcome: {
  request: ConsentRequest;
  reused: boolean;
  delivery: { channels: string[]; approverChats: number; failed: number };
  requesterIsApprover: boolean;
}): ConsentNotice {
  const { delivery } = outcome;
  const places = [
    ...delivery.channels,
    ...(delivery.approverChats > 0
      ? [`${delivery.approverChats} approver chat${delivery.approverChats === 1 ? '' : 's'}`]
      : []),
  ];
  const again = outcome.reused ? 'This request was open already. ' : '';
  if (places.length > 0) {
    return {
      tone: 'info',
      text: `${again}Admin consent requested and sent to ${places.join(', ')}.`,
    };
  }
  if (outcome.requesterIsApprover) {
    return {
      tone: 'info',
      text: `${again}Admin consent requested. No channel is subscribed and no other approver has a chat with me, but you are an approver: approve it here.`,
    };
  }
  return {
    tone: 'warning',
    text:
      `${again}Admin consent requested, but no approver can be reached yet: no channel said "notify here" and no ` +
      'approver has a 1:1 chat with me. Ask an approver (their Entra object id must be in APPROVERS) to open a chat ' +
      'with PCEmail Ops and send "help", or to say "notify here" in a channel; then choose "Request admin consent" ' +
      `again. The request stays open until ${formatUtc(outcome.request.expiresAt)}.`,
  };
}

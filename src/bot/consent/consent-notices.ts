import type { ConsentNotice } from '../../cards/consent';
import { formatUtc } from '../../cards';
import type { ConsentNoticeView } from '../../app/consent';
import { describePermissions, type ConsentRequest } from '../../domain/consent';

/** What the person who clicked is told, above the request card, worded from the use case's notice. */
export function noticeText(notice: ConsentNoticeView): ConsentNotice {
  switch (notice.kind) {
    case 'not-approver':
      return {
        tone: 'warning',
        text:
          'You are not one of the approvers configured for PCEmail Ops (APPROVERS), so nothing was changed. ' +
          'Ask an approver to approve or reject this request.',
      };
    case 'not-found':
      return {
        tone: 'warning',
        text: 'I have no consent request with this id, so nothing was changed. Run "check pcemail permissions" and request consent again.',
      };
    case 'mismatch':
      return {
        tone: 'error',
        text: `This card does not match the stored request (${notice.what}), so nothing was granted. Use the request card I posted.`,
      };
    case 'busy':
      return {
        tone: 'info',
        text: `${notice.by.name} is granting these permissions right now; the card updates when it is done.`,
      };
    case 'closed':
      return {
        tone: 'info',
        text: `This request is already ${notice.state}; nothing was changed.`,
      };
    case 'expired':
      return {
        tone: 'warning',
        text: `This request expired on ${formatUtc(notice.at)}; nothing was granted. Run "check pcemail permissions" to request consent again.`,
      };
    case 'waiting-for-consent':
      return {
        tone: 'info',
        text: 'Already approved: consent with the link below, then choose "I have consented".',
      };
    case 'claim-lost':
      return {
        tone: 'info',
        text: 'Another approval finished this request meanwhile; the card shows its outcome.',
      };
    case 'partly-granted':
      return {
        tone: 'warning',
        text: 'Not everything could be granted (see below). Choose "Retry the grant" to finish; what is granted stays granted.',
      };
    case 'refused':
      return {
        tone: 'warning',
        text: 'Microsoft Graph does not let the bot grant these permissions (see below): use the admin consent link instead.',
      };
    case 'granted':
      return {
        tone: 'info',
        text: 'Done: the permissions are granted and the consent checks ran again.',
      };
    case 'consent-seen':
      return { tone: 'info', text: 'Consent found in the tenant: the request is complete.' };
    case 'consent-not-yet':
      return {
        tone: 'warning',
        text:
          `I do not see the consent yet: ${describePermissions(notice.missing)} still lack admin consent. If you just accepted, ` +
          'Entra can take a minute; try again shortly. I also check by myself until the request expires.',
      };
    case 'tenant-unreadable':
      return {
        tone: 'error',
        text: `I could not read the tenant, so nothing was changed: ${notice.reason}`,
      };
    case 'invalid':
      return { tone: 'error', text: notice.reason };
    case 'sso-missing':
      return {
        tone: 'error',
        text: 'Single sign-on is not set up for PCEmail Ops, so nothing was granted (see docs/DEPLOYMENT.md).',
      };
    case 'sign-in-failed':
      return {
        tone: notice.retryable ? 'warning' : 'error',
        text:
          notice.message +
          (notice.correlationId ? ` (Correlation id: ${notice.correlationId})` : ''),
      };
    case 'approver-lacks-role':
      return {
        tone: 'error',
        text:
          'Microsoft Entra refused to grant with your rights: your account is not a Privileged Role Administrator or ' +
          'Global Administrator. Ask an approver who holds one of those roles to choose "Retry the grant". ' +
          (notice.partlyGranted
            ? 'What was granted stays granted; the rest is listed below.'
            : 'Nothing was granted.'),
      };
  }
}

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

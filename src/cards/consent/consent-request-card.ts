import {
  describeConsentPermission,
  encodePermissions,
  isOpen,
  type ConsentLinks,
  type ConsentMode,
  type ConsentRequest,
} from '../../domain/consent';
import {
  adaptiveCard,
  container,
  executeAction,
  factSet,
  openUrlAction,
  showCardAction,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ContainerStyle,
} from '../adaptive-card';
import { cardTitle, STATUS_COLOR, STATUS_WORD, tenantBlocks, type TenantView } from '../card-parts';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { describeOutcome, statusLine } from './consent-status';
import { CONSENT_VERBS, REJECT_REASON_INPUT } from './consent-verbs';

export interface ConsentNotice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface ConsentRequestCardView {
  request: ConsentRequest;
  tenant: TenantView;
  links: ConsentLinks;
  mode: ConsentMode;
  /** Said to the person who clicked, above the request (e.g. why nothing changed). */
  notice?: ConsentNotice;
  /** A user-specific view (refresh); without it, the card everyone sees. */
  viewer?: 'approver' | 'other';
}

const ADMIN_ROLE_NOTE =
  'Only a Privileged Role Administrator or Global Administrator can consent to Microsoft Graph ' +
  'application permissions in Entra.';

const NOTICE_STYLE: Record<ConsentNotice['tone'], ContainerStyle> = {
  info: 'emphasis',
  warning: 'warning',
  error: 'attention',
};

/** The request as everyone sees it (Approve / Reject for all; a non-approver's click is refused). */
export function renderConsentRequestCard(view: ConsentRequestCardView): AdaptiveCard {
  const { request } = view;
  const appName = plainText(request.appName, 60);
  const status = statusLine(request);
  const permissions = request.permissions.map(describeConsentPermission).join(', ');
  return adaptiveCard({
    body: [
      cardTitle(`Admin consent for ${appName}`),
      ...tenantBlocks(view.tenant),
      ...(view.notice ? [noticeBlock(view.notice)] : []),
      textBlock(plainText(status.text, 400), {
        weight: 'bolder',
        color: status.color,
        spacing: 'medium',
      }),
      factSet([
        { title: 'App', value: `${appName} (${plainText(request.appId, 40)})` },
        ...appIdentityFacts(request),
        { title: 'Requested by', value: plainText(request.requestedBy.name, 80) },
        { title: 'Requested', value: formatUtc(request.requestedAt) },
        ...(isOpen(request) ? [{ title: 'Expires', value: formatUtc(request.expiresAt) }] : []),
        { title: 'Request id', value: plainText(request.id, 40) },
      ]),
      textBlock('Admin consent requested for:', { weight: 'bolder', spacing: 'medium' }),
      ...request.permissions.map((p) =>
        textBlock(plainText(describeConsentPermission(p), 80), { spacing: 'none' }),
      ),
      textBlock(`Why: ${plainText(request.reason, 300)}`, { spacing: 'small' }),
      ...describeOutcome(request).map((line) =>
        textBlock(plainText(line.text, 600), {
          spacing: 'small',
          ...(line.subtle ? { isSubtle: true, size: 'small' } : {}),
        }),
      ),
      ...linkBlocks(view),
      ...checkRows(request),
      ...viewerBlocks(view),
      // What approving does matters only while a decision is still to be made.
      ...(request.state === 'pending' || request.state === 'partially-granted'
        ? [textBlock(modeNote(view.mode), { isSubtle: true, size: 'small', spacing: 'medium' })]
        : []),
      textBlock(ADMIN_ROLE_NOTE, { isSubtle: true, size: 'small', spacing: 'small' }),
    ],
    actions: actionsFor(view),
    fallbackText:
      `Admin consent request for ${appName} (${permissions}): ${status.text}. ` +
      'Open it in Microsoft Teams (a version with Universal Actions) to approve or reject.',
    ...(refreshFor(request) ? { refresh: refreshFor(request) } : {}),
  });
}

function noticeBlock(notice: ConsentNotice): CardElement {
  return container([textBlock(plainText(notice.text, 600), { weight: 'bolder' })], {
    style: NOTICE_STYLE[notice.tone],
    spacing: 'medium',
  });
}

function linkBlocks(view: ConsentRequestCardView): CardElement[] {
  if (view.request.state !== 'awaiting-consent') return [];
  const where =
    view.links.adminConsentUrl === undefined
      ? 'open the app’s API permissions page and choose "Grant admin consent"'
      : 'open the admin consent page (or the app’s API permissions page and choose "Grant admin consent")';
  return [
    textBlock(
      `To consent: ${where}, sign in as a Privileged Role Administrator or Global Administrator and ` +
        'accept. Then choose "I have consented"; I also check the tenant by myself until the request expires.',
      { spacing: 'medium' },
    ),
  ];
}

function checkRows(request: ConsentRequest): CardElement[] {
  if (!request.consentChecks || request.consentChecks.length === 0) return [];
  return [
    textBlock('Consent checks, run again:', { weight: 'bolder', spacing: 'medium' }),
    ...request.consentChecks.map((row) =>
      textBlock(
        `${STATUS_WORD[row.status]} ${plainText(row.id, 40)} — ${plainText(row.title, 150)}`,
        {
          color: STATUS_COLOR[row.status],
          spacing: 'none',
        },
      ),
    ),
  ];
}

function viewerBlocks(view: ConsentRequestCardView): CardElement[] {
  if (!view.viewer || !isOpen(view.request)) return [];
  return [
    textBlock(
      view.viewer === 'approver'
        ? 'You are an approver: you can approve or reject this request.'
        : 'You are not an approver of PCEmail Ops: only the configured approvers can approve or reject.',
      { isSubtle: true, spacing: 'medium' },
    ),
  ];
}

function modeNote(mode: ConsentMode): string {
  if (mode === 'delegated')
    return 'Approving grants exactly these permissions with your own Microsoft Entra rights: Teams signs you in and Microsoft Entra checks that you are a Privileged Role Administrator or Global Administrator. The bot holds no permission to grant by itself. Only the configured approvers can approve or reject; anyone else’s click changes nothing.';
  return mode === 'grant'
    ? 'Approving lets PCEmail Ops grant exactly these permissions through Microsoft Graph. Only the configured approvers can approve or reject; anyone else’s click changes nothing.'
    : 'Approving gives you the admin consent link for exactly these permissions. Only the configured approvers can approve or reject; anyone else’s click changes nothing.';
}

function actionsFor(view: ConsentRequestCardView): CardAction[] {
  const { request } = view;
  const data = {
    requestId: request.id,
    appId: request.appId,
    permissions: encodePermissions(request.permissions),
  };
  const decide = view.viewer !== 'other';
  const approve = (title: string) =>
    executeAction(title, CONSENT_VERBS.approve, data, { style: 'positive' });
  const reject = showCardAction('Reject', {
    body: [
      textInput(REJECT_REASON_INPUT, {
        label: 'Reason (optional)',
        placeholder: 'Why the consent is not given',
        maxLength: 300,
        isMultiline: true,
      }),
    ],
    actions: [
      executeAction('Reject request', CONSENT_VERBS.reject, data, { style: 'destructive' }),
    ],
  });
  switch (request.state) {
    case 'pending':
      return decide ? [approve('Approve'), reject] : [];
    case 'partially-granted':
      return decide ? [approve('Retry the grant'), reject] : [];
    case 'awaiting-consent':
      return [
        ...(view.links.adminConsentUrl === undefined
          ? []
          : [openUrlAction('Open admin consent page', view.links.adminConsentUrl)]),
        openUrlAction('Open API permissions in Entra', view.links.apiPermissionsUrl),
        executeAction('I have consented', CONSENT_VERBS.check, { requestId: request.id }),
        ...(decide && view.mode !== 'link' ? [approve('Try granting again')] : []),
        ...(decide ? [reject] : []),
      ];
    case 'granting':
      return [executeAction('Refresh', CONSENT_VERBS.refresh, { requestId: request.id })];
    default:
      return [];
  }
}

/**
 * Teams refreshes the card automatically for the users in `userIds` — Microsoft's example is
 * `"userIds": ["<Megan's user MRI>", "<Alex's user MRI>"]` (Teams user ids, `29:…`, not Entra
 * object ids), and "Maximum 60 different users can see a different version of the card". We list
 * the approvers reached 1:1, whose MRIs their stored conversation references hold.
 */
function refreshFor(request: ConsentRequest): AdaptiveCard['refresh'] | undefined {
  if (!isOpen(request) || request.approverUserIds.length === 0) return undefined;
  return {
    action: executeAction('Refresh', CONSENT_VERBS.refresh, { requestId: request.id }),
    userIds: request.approverUserIds.slice(0, 60),
  };
}

/** Owners, creation date and publisher domain: what tells PCEmail from a look-alike of the same name. */
function appIdentityFacts(request: ConsentRequest): { title: string; value: string }[] {
  const identity = request.appIdentity;
  if (!identity) return [{ title: 'App owners', value: 'could not be read' }];
  const owners = identity.owners.map((name) => plainText(name, 60));
  return [
    { title: 'App owners', value: owners.length > 0 ? owners.join(', ') : 'none' },
    ...(identity.createdDateTime
      ? [{ title: 'App created', value: formatUtc(identity.createdDateTime) }]
      : []),
    ...(identity.publisherDomain
      ? [{ title: 'Publisher domain', value: plainText(identity.publisherDomain, 80) }]
      : []),
  ];
}

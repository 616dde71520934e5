import { findUser } from './graph-directory';
import { graphErrors } from './graph-errors';
import { isSegment, parseKey, type GraphRequest, type GraphResponse } from './graph-request';
import { templates } from './graph-templates';
import { inboxView, messageView } from './graph-views';
import { collectionResponse, entityResponse, type PagingEnv } from './odata-query';
import type { TenantState, User } from './tenant-state';

const MAIL_READ = ['Mail.ReadBasic', 'Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'];

/** Exchange roles of RBAC for Applications that let an app read mail. */
const RBAC_MAIL_READ = [
  'Application Mail.ReadBasic',
  'Application Mail.Read',
  'Application Mail.ReadWrite',
];

/**
 * Exchange Online's checks, in its order: a mail role (an Entra-consented Graph role in the token,
 * or an RBAC for Applications role assignment), the recipient, its mailbox, then the RBAC scope and
 * the tenant's ApplicationAccessPolicy for the calling app (RestrictAccess / DenyAccess). Entra and
 * RBAC grants add up: a consented Graph role reaches every mailbox whatever the RBAC scope.
 * https://learn.microsoft.com/exchange/permissions-exo/application-rbac
 * https://learn.microsoft.com/graph/auth-limit-mailbox-access
 */
function openMailbox(req: GraphRequest, state: TenantState, userKey: string): User {
  const rbac = state.managementRoleAssignments.filter(
    (a) =>
      a.servicePrincipalId === req.caller.servicePrincipalId && RBAC_MAIL_READ.includes(a.role),
  );
  const entraGranted = MAIL_READ.some((r) => req.caller.roles.has(r));
  if (!entraGranted && rbac.length === 0) throw graphErrors.mailAccessDenied();
  const address = parseKey(userKey).value;
  const user = findUser(state, address);
  if (!user) throw graphErrors.invalidUser(address);
  if (!user.mailbox) throw graphErrors.mailboxNotEnabled();
  if (!entraGranted) {
    // Out of an RBAC scope Exchange answers a plain 403, not the access policy's "[RAOP]" one.
    const inScope = rbac.some((a) =>
      state.groups.find((g) => g.id === a.scopeGroupId)?.memberIds.includes(user.id),
    );
    if (!inScope) throw graphErrors.mailAccessDenied();
  }
  for (const policy of state.accessPolicies.filter((p) => p.appId === req.caller.appId)) {
    const inGroup =
      state.groups.find((g) => g.id === policy.scopeGroupId)?.memberIds.includes(user.id) ?? false;
    if ((policy.accessRight === 'RestrictAccess') !== inGroup)
      throw graphErrors.blockedByAccessPolicy();
  }
  return user;
}

/** Only the Inbox exists here: its well-known name (any case), ('Inbox'), or its id. */
function isInbox(user: User, folderKey: string): boolean {
  const key = parseKey(folderKey).value;
  return key.toLowerCase() === 'inbox' || key === user.mailbox?.inboxFolderId;
}

/** /users/{id|upn}/mailFolders…, /users/{id|upn}/messages… (app-only mail reads). */
export function handleMail(req: GraphRequest, state: TenantState, env: PagingEnv): GraphResponse {
  if (req.method !== 'GET') throw graphErrors.methodNotAllowed();
  const [, userKey = '', area = '', ...rest] = req.segments;
  const user = openMailbox(req, state, userKey);
  const messages = user.mailbox?.messages ?? [];
  const userPath = `users('${encodeURIComponent(parseKey(userKey).value)}')`;

  let folderPath: string;
  let tail: string[];
  if (isSegment(area, 'mailFolders')) {
    const [folderKey, ...after] = rest;
    if (folderKey === undefined) {
      const shape = {
        contextPath: `${userPath}/mailFolders`,
        typeName: 'Microsoft.OutlookServices.MailFolder',
        flavour: 'exchange' as const,
        resourceName: 'MailFolder',
      };
      const inbox = inboxView(user);
      return collectionResponse(req, env, shape, [inbox], inbox);
    }
    if (!isInbox(user, folderKey)) throw graphErrors.itemNotFound();
    folderPath = `${userPath}/mailFolders('${parseKey(folderKey).value}')`;
    if (after.length === 0) {
      const shape = {
        contextPath: `${userPath}/mailFolders`,
        typeName: 'Microsoft.OutlookServices.MailFolder',
        flavour: 'exchange' as const,
      };
      return entityResponse(req, env, shape, inboxView(user));
    }
    const [navigation = '', ...more] = after;
    if (!isSegment(navigation, 'messages')) throw graphErrors.segmentNotFound(navigation);
    tail = more;
  } else if (isSegment(area, 'messages')) {
    folderPath = userPath;
    tail = rest;
  } else {
    throw graphErrors.segmentNotFound(area);
  }

  const shape = {
    contextPath: `${folderPath}/messages`,
    typeName: 'Microsoft.OutlookServices.Message',
    flavour: 'exchange' as const,
  };
  const [messageId, extra] = tail;
  if (extra !== undefined) throw graphErrors.segmentNotFound(extra);
  if (messageId === undefined) {
    const all = messages.map((m) => messageView(m, user));
    return collectionResponse(
      req,
      env,
      { ...shape, resourceName: 'Message', defaultOrderBy: 'receivedDateTime desc' },
      all,
      templates.message,
    );
  }
  const message = messages.find((m) => m.id === parseKey(messageId).value);
  if (!message) throw graphErrors.itemNotFound();
  return entityResponse(req, env, shape, messageView(message, user));
}

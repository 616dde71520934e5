import { exchangeIdFor, guidFor } from './ids';
import type { Runtime } from './runtime';
import { SCOPE_GROUP_ID } from './scenarios/healthy-tenant';
import { daysFrom, passwordCredential } from './scenarios/tenant-edits';
import type { Message, User } from './tenant-state';

/**
 * Test-only edits of the running tenant (POST /_sim/tenant/<edit>), for what happens to a tenant
 * while the product watches it: a mailbox leaves the policy's scope group, mail piles up unread or
 * is picked up, a secret or certificate is added or deleted (a rotation).
 */
export interface TenantEditReply {
  status: number;
  body?: unknown;
}

type Fields = Record<string, unknown>;

const problem = (status: number, message: string): TenantEditReply => ({
  status,
  body: { error: { code: 'SimulatorControl', message } },
});

let serial = 0;

export function editTenant(rt: Runtime, edit: string, fields: Fields): TenantEditReply {
  switch (edit) {
    case 'scope':
      return setScope(rt, fields);
    case 'messages':
      return addMessages(rt, fields);
    case 'read-all':
      return readAll(rt, fields);
    case 'credentials':
      return addCredential(rt, fields);
    case 'delete-credential':
      return deleteCredential(rt, fields);
    default:
      return problem(
        404,
        `no tenant edit ${edit}; known: scope, messages, read-all, credentials, delete-credential`,
      );
  }
}

function mailboxUser(rt: Runtime, fields: Fields): User | TenantEditReply {
  const address = typeof fields.address === 'string' ? fields.address.toLowerCase() : '';
  const user = rt.state.users.find((u) => u.userPrincipalName === address);
  if (!user) return problem(404, `no user ${address}`);
  return user;
}

/** {address, inScope}: adds the mailbox to, or removes it from, the policy's scope group. */
function setScope(rt: Runtime, fields: Fields): TenantEditReply {
  const user = mailboxUser(rt, fields);
  if ('status' in user) return user;
  if (typeof fields.inScope !== 'boolean') return problem(400, 'inScope must be true or false');
  const group = rt.state.groups.find((g) => g.id === SCOPE_GROUP_ID);
  if (!group) return problem(409, 'the tenant has no scope group');
  group.memberIds = group.memberIds.filter((id) => id !== user.id);
  if (fields.inScope) group.memberIds.push(user.id);
  return { status: 200, body: { address: user.userPrincipalName, inScope: fields.inScope } };
}

/** {address, count, minutesAgo, isRead?}: delivers messages to the Inbox, received minutesAgo. */
function addMessages(rt: Runtime, fields: Fields): TenantEditReply {
  const user = mailboxUser(rt, fields);
  if ('status' in user) return user;
  if (!user.mailbox) return problem(409, 'the user has no mailbox');
  const count =
    typeof fields.count === 'number' && Number.isInteger(fields.count) && fields.count > 0
      ? fields.count
      : 1;
  const minutesAgo =
    typeof fields.minutesAgo === 'number' && fields.minutesAgo >= 0 ? fields.minutesAgo : 0;
  const received = new Date(rt.now().getTime() - minutesAgo * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  for (let i = 0; i < count; i++) {
    const label = `sim-message:${user.userPrincipalName}:${++serial}`;
    const message: Message = {
      id: exchangeIdFor(label),
      subject: 'Order question',
      bodyPreview: 'Hello, could you please have a look at my order? Thanks',
      receivedDateTime: received,
      isRead: fields.isRead === true,
      from: { name: 'Jordan Lee', address: 'jordan.lee@fabrikam.example' },
    };
    user.mailbox.messages.unshift(message);
  }
  return {
    status: 200,
    body: { address: user.userPrincipalName, messages: user.mailbox.messages.length },
  };
}

/** {address}: PCEmail picked everything up (marks every message read). */
function readAll(rt: Runtime, fields: Fields): TenantEditReply {
  const user = mailboxUser(rt, fields);
  if ('status' in user) return user;
  for (const message of user.mailbox?.messages ?? []) message.isRead = true;
  return { status: 200, body: { address: user.userPrincipalName } };
}

/** {appId, kind: secret|certificate, displayName, startDaysAgo, lifetimeDays}: a new credential. */
function addCredential(rt: Runtime, fields: Fields): TenantEditReply {
  const app = rt.state.applications.find((a) => a.appId === fields.appId);
  if (!app) return problem(404, `no application ${String(fields.appId)}`);
  const startDaysAgo = typeof fields.startDaysAgo === 'number' ? fields.startDaysAgo : 0;
  const lifetimeDays = typeof fields.lifetimeDays === 'number' ? fields.lifetimeDays : 730;
  const displayName = typeof fields.displayName === 'string' ? fields.displayName : null;
  const label = `sim-credential:${app.appId}:${++serial}`;
  const now = rt.now();
  if (fields.kind === 'certificate') {
    const credential = {
      keyId: guidFor(`key:${label}`),
      displayName,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      startDateTime: daysFrom(now, -startDaysAgo),
      endDateTime: daysFrom(now, lifetimeDays - startDaysAgo),
    };
    app.keyCredentials.push(credential);
    return { status: 201, body: credential };
  }
  const credential = {
    ...passwordCredential(label, displayName ?? '', startDaysAgo, lifetimeDays, now),
    displayName,
  };
  app.passwordCredentials.push(credential);
  const { secretValue: _secret, ...shown } = credential;
  return { status: 201, body: shown };
}

/** {appId, keyId}: deletes a secret or certificate (the last step of a rotation). */
function deleteCredential(rt: Runtime, fields: Fields): TenantEditReply {
  const app = rt.state.applications.find((a) => a.appId === fields.appId);
  if (!app) return problem(404, `no application ${String(fields.appId)}`);
  const before = app.passwordCredentials.length + app.keyCredentials.length;
  app.passwordCredentials = app.passwordCredentials.filter((c) => c.keyId !== fields.keyId);
  app.keyCredentials = app.keyCredentials.filter((c) => c.keyId !== fields.keyId);
  if (app.passwordCredentials.length + app.keyCredentials.length === before) {
    return problem(404, `no credential ${String(fields.keyId)}`);
  }
  return { status: 204 };
}

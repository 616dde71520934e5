import { randomBytes, randomUUID } from 'node:crypto';
import { graphErrors } from './graph-errors';
import {
  isSegment,
  parseKey,
  type Caller,
  type GraphRequest,
  type GraphResponse,
} from './graph-request';
import type { Application, TenantState } from './tenant-state';

/*
 * application: addPassword / removePassword.
 * https://learn.microsoft.com/graph/api/application-addpassword
 * https://learn.microsoft.com/graph/api/application-removepassword
 * App-only: Application.ReadWrite.OwnedBy (the caller must own the app) or Application.ReadWrite.All.
 * Delegated: Application.ReadWrite.All, and the signed-in user must own the app or hold one of the
 * supported Entra roles; anyone else gets 403 Authorization_RequestDenied.
 */
const APP_WIDE = ['Application.ReadWrite.All', 'Directory.ReadWrite.All'];
const USER_ROLES = [
  'Application Administrator',
  'Cloud Application Administrator',
  'Global Administrator',
];
const DAY_MS = 86_400_000;

function findApplication(state: TenantState, segment: string): Application {
  const key = parseKey(segment);
  const value = key.value.toLowerCase();
  const byAppId = key.property?.toLowerCase() === 'appid';
  const app = state.applications.find((a) => (byAppId ? a.appId : a.id) === value);
  if (!app) throw graphErrors.resourceNotFound(byAppId ? `appId=${key.value}` : key.value);
  return app;
}

function mayWrite(caller: Caller, state: TenantState, app: Application): boolean {
  const owners = app.ownerIds ?? [];
  if (caller.userId !== undefined) {
    if (!APP_WIDE.some((s) => caller.roles.has(s))) return false;
    const user = state.users.find((u) => u.id === caller.userId);
    return (
      owners.includes(caller.userId) ||
      (user?.directoryRoles ?? []).some((r) => USER_ROLES.includes(r))
    );
  }
  if (APP_WIDE.some((r) => caller.roles.has(r))) return true;
  return (
    caller.roles.has('Application.ReadWrite.OwnedBy') && owners.includes(caller.servicePrincipalId)
  );
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/** POST /applications/{id}/addPassword and /removePassword (also the (appId='…') form). */
export function handlePasswords(req: GraphRequest, state: TenantState, now: Date): GraphResponse {
  const [, key = '', action] = req.segments;
  if (req.method !== 'POST') throw graphErrors.methodNotAllowed();
  const app = findApplication(state, key);
  if (!mayWrite(req.caller, state, app)) throw graphErrors.insufficientPrivileges();
  const credential = field(req.body, 'passwordCredential') ?? {};
  if (isSegment(action, 'addPassword')) return addPassword(state, app, credential, now);
  const rawKeyId = field(req.body, 'keyId');
  const keyId = typeof rawKeyId === 'string' ? rawKeyId.toLowerCase() : '';
  const index = app.passwordCredentials.findIndex((p) => p.keyId === keyId);
  // Simulator choice: an unknown keyId answers 404 Request_ResourceNotFound.
  if (index < 0) throw graphErrors.resourceNotFound(keyId);
  app.passwordCredentials.splice(index, 1);
  return { status: 204 };
}

function addPassword(
  state: TenantState,
  app: Application,
  input: unknown,
  now: Date,
): GraphResponse {
  const displayName = field(input, 'displayName');
  const end = field(input, 'endDateTime');
  const start = now.toISOString();
  const endDateTime =
    typeof end === 'string' && !Number.isNaN(Date.parse(end))
      ? new Date(Date.parse(end)).toISOString()
      : new Date(now.getTime() + 730 * DAY_MS).toISOString();
  const secretValue = randomBytes(30).toString('base64url').slice(0, 40);
  const created = {
    keyId: randomUUID(),
    displayName: typeof displayName === 'string' ? displayName : null,
    hint: secretValue.slice(0, 3),
    startDateTime: start,
    endDateTime,
    secretValue,
  };
  app.passwordCredentials.push(created);
  switchAgentLater(state, app, created.keyId, now);
  return {
    status: 200,
    body: {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.passwordCredential',
      customKeyIdentifier: null,
      displayName: created.displayName,
      endDateTime: created.endDateTime,
      hint: created.hint,
      keyId: created.keyId,
      secretText: secretValue,
      startDateTime: created.startDateTime,
    },
  };
}

/** Emplifi Agent picks up the new secret `switchAfterMinutes` after it was created. */
function switchAgentLater(state: TenantState, app: Application, keyId: string, now: Date): void {
  const agent = state.signInLogs?.agent;
  if (!agent || agent.appId !== app.appId || agent.switchAfterMinutes === undefined) return;
  const offset = (state.signInLogs?.offsetMinutes ?? 0) * 60_000;
  const at = new Date(now.getTime() + offset + agent.switchAfterMinutes * 60_000).toISOString();
  const current = agent.periods.find((p) => p.to === undefined);
  if (current) current.to = at;
  agent.periods.push({ keyId, from: at });
}

import { randomUUID } from 'node:crypto';
import type { BotHarness, InvokeBody } from '../support/bot-harness';
import { BOT_ACCOUNT } from '../support/bot-harness';

/** Helpers for the consent flow's component tests: other users, their chats, the simulated tenant. */

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export const APPROVER: TeamsUser = {
  id: '29:approver-grace',
  aadObjectId: '3d5c1e2f-7a8b-4c9d-8e1f-2a3b4c5d6e70',
  name: 'Grace Approver',
};
export const SECOND_APPROVER: TeamsUser = {
  id: '29:approver-linus',
  aadObjectId: '8e7f6a5b-4c3d-4b2a-9f1e-0d9c8b7a6e51',
  name: 'Linus Approver',
};
export const OUTSIDER: TeamsUser = {
  id: '29:outsider-mallory',
  aadObjectId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a19',
  name: 'Mallory Outsider',
};

export const MAIL_READWRITE_ROLE = 'e2a3a72e-5f79-4c64-b1b1-878b674786c9';
export const MAIL_SEND_ROLE = 'b633e1c5-b582-4048-a93e-9f11b44c7e96';

export function chatIdOf(user: TeamsUser): string {
  return `a:chat-${user.id.slice(3)}`;
}

function conversationFor(harness: BotHarness, conversationId: string, type = 'personal') {
  return { id: conversationId, conversationType: type, tenantId: harness.config.tenant.id };
}

/** The user says something to the bot in their own 1:1 chat, so the bot stores that conversation. */
export async function openChat(harness: BotHarness, user: TeamsUser): Promise<string> {
  const id = chatIdOf(user);
  await harness.say('help', { from: user, conversation: conversationFor(harness, id) });
  return id;
}

/** An Action.Execute click by `user` in `conversationId` (their chat by default). */
export async function clickAs(
  harness: BotHarness,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  options: {
    conversationId?: string;
    conversationType?: string;
    replyToId?: string;
    /** Another bot instance's base URL (several instances on one state store). */
    via?: string;
    /** Teams single sign-on: what Teams adds to the invoke's value after signing the user in. */
    authentication?: Record<string, unknown>;
    /** The magic code Teams sends back after a sign-in through the OAuth connection. */
    state?: string;
  } = {},
): Promise<{ status: number; body: InvokeBody; card: Record<string, unknown> }> {
  const send = (activity: Record<string, unknown>) =>
    options.via
      ? fetch(`${options.via}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        })
      : harness.post(activity);
  const response = await send({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    from: user,
    recipient: BOT_ACCOUNT,
    conversation: conversationFor(
      harness,
      options.conversationId ?? chatIdOf(user),
      options.conversationType,
    ),
    channelData: { tenant: { id: harness.config.tenant.id } },
    locale: 'en-US',
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: 'manual',
      ...(options.authentication ? { authentication: options.authentication } : {}),
      ...(options.state ? { state: options.state } : {}),
    },
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as InvokeBody;
  return { status: response.status, body, card: body.value ?? {} };
}

/** Cards the bot sent into a conversation (new messages), oldest first. */
export function cardsPostedTo(
  harness: BotHarness,
  conversationId: string,
): Record<string, unknown>[] {
  return cardsOf(harness, conversationId, 'POST');
}

/** Cards the bot put in place of earlier messages (updates), oldest first. */
export function cardsUpdatedIn(
  harness: BotHarness,
  conversationId: string,
): Record<string, unknown>[] {
  return cardsOf(harness, conversationId, 'PUT');
}

function cardsOf(
  harness: BotHarness,
  conversationId: string,
  method: string,
): Record<string, unknown>[] {
  return harness.connector.sent
    .filter(
      (s) =>
        s.conversationId === conversationId && s.method === method && s.activity.type === 'message',
    )
    .flatMap((s) =>
      (s.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    );
}

/** The data of the card's Action.Execute with this verb (searched through show cards too). */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && record.verb === verb) {
      found = (record.data as Record<string, unknown> | undefined) ?? {};
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** The url of the card's Action.OpenUrl with this title. */
export function openUrl(card: unknown, title: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (
      record.type === 'Action.OpenUrl' &&
      record.title === title &&
      typeof record.url === 'string'
    ) {
      found = record.url;
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

interface SimState {
  servicePrincipals: { id: string; appId: string }[];
  appRoleAssignments: { principalId: string; resourceId: string; appRoleId: string }[];
  oauth2PermissionGrants: {
    clientId: string;
    resourceId: string;
    consentType: string;
    scope: string;
  }[];
}

/** What the simulated tenant holds for PCEmail now, read over HTTP. */
export async function pcemailGrants(
  harness: BotHarness,
): Promise<{ roles: string[]; organizationScopes: string[] }> {
  const state = (await (await fetch(`${harness.simulator.url}/_sim/state`)).json()) as SimState;
  const appId = harness.simulator.scenario.pcemailAppIds[0];
  const sp = state.servicePrincipals.find((s) => s.appId === appId);
  const graph = state.servicePrincipals.find(
    (s) => s.appId === '00000003-0000-0000-c000-000000000000',
  );
  const roles = state.appRoleAssignments
    .filter((a) => a.principalId === sp?.id && a.resourceId === graph?.id)
    .map((a) => a.appRoleId)
    .sort();
  const organizationScopes = state.oauth2PermissionGrants
    .filter(
      (g) =>
        g.clientId === sp?.id && g.resourceId === graph?.id && g.consentType === 'AllPrincipals',
    )
    .flatMap((g) => g.scope.split(/\s+/).filter((w) => w !== ''));
  return { roles, organizationScopes };
}

/** Graph writes the simulated tenant accepted (2xx), by kind. */
export function acceptedWrites(harness: BotHarness): {
  roleAssignments: number;
  grantCreates: number;
  grantUpdates: number;
} {
  const ok = harness.simulator
    .requests()
    .filter((r) => r.area === 'graph' && r.status >= 200 && r.status < 300);
  return {
    roleAssignments: ok.filter((r) => r.method === 'POST' && r.path.includes('/appRoleAssignedTo'))
      .length,
    grantCreates: ok.filter(
      (r) => r.method === 'POST' && /\/oauth2PermissionGrants(\?|$)/.test(r.path),
    ).length,
    grantUpdates: ok.filter(
      (r) => r.method === 'PATCH' && r.path.includes('/oauth2PermissionGrants/'),
    ).length,
  };
}

/** Every Graph write attempted (any status). */
export function graphWrites(harness: BotHarness): number {
  return harness.simulator
    .requests()
    .filter((r) => r.area === 'graph' && r.method !== 'GET' && !r.path.includes('$batch')).length;
}

import type { AppRegistration } from '../../../src/domain';
import type { StoredConversation } from '../../../src/ports/conversations';
import { subscriptionKey, type Subscription } from '../../../src/store/state-subscriptions';
import type { StateStore } from '../../../src/store/state-store';
import type { JobReport } from '../../../src/jobs/job';
import type { RunningSimulator } from '../../../src/simulator';
import type { BotHarness } from '../../support/bot-harness';
import type { FakeConnector } from '../../support/fake-connector';

export const JOBS_KEY = 'test-jobs-key-0123456789abcdef';

let messageSerial = 1000;

/** Activity fields that place a message in a Teams channel (a fresh reply chain each time). */
export function inChannel(
  harness: BotHarness,
  channelId: string,
  name = 'PCEmail admins',
): Record<string, unknown> {
  const tenantId = harness.config.tenant.id;
  return {
    conversation: {
      id: `${channelId};messageid=${++messageSerial}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId,
    },
    channelData: {
      tenant: { id: tenantId },
      team: { id: '19:team-it@thread.tacv2', name: 'IT' },
      channel: { id: channelId, name },
    },
  };
}

/** Runs a job the way an external scheduler does: POST /api/jobs/<name> with the JOBS_KEY. */
export async function runJob(
  harness: BotHarness | { server: { url: string } },
  name: string,
): Promise<JobReport> {
  const response = await fetch(`${harness.server.url}/api/jobs/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${JOBS_KEY}` },
  });
  const body = (await response.json()) as JobReport;
  if (response.status !== 200)
    throw new Error(`job ${name} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Cards the bot posted proactively into the channel itself (not replies in a reply chain). */
export function postsTo(connector: FakeConnector, channelId: string): Record<string, unknown>[] {
  return connector.sent
    .filter(
      (s) => s.method === 'POST' && s.conversationId === channelId && s.activity.type === 'message',
    )
    .flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
}

/** An Action.Execute click on a card in the channel. */
export async function clickInChannel(
  harness: BotHarness,
  channelId: string,
  verb: string,
  data: Record<string, unknown>,
  from?: Record<string, unknown>,
): Promise<{ status: number; card: Record<string, unknown> | undefined }> {
  const place = inChannel(harness, channelId);
  const response = await harness.post({
    id: `click-${++messageSerial}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    from: from ?? {
      id: '29:user-1',
      aadObjectId: '6b0f3d52-41e2-4f6f-9a3e-0c2f7f1e2a11',
      name: 'Ada Admin',
    },
    recipient: { id: '28:pcemail-ops', name: 'PCEmail Ops' },
    ...place,
    replyToId: 'reminder-message-1',
    locale: 'en-US',
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as { value?: Record<string, unknown> };
  return { status: response.status, card: body.value };
}

/** A test-only edit of the simulated tenant (POST /_sim/tenant/<edit>). */
export async function editTenant(
  sim: RunningSimulator,
  edit: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.url}/_sim/tenant/${edit}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`tenant edit ${edit} failed: ${response.status} ${await response.text()}`);
  return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
}

/** The first Action.Execute's data with the given verb in a card. */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && record.verb === verb) {
      found = (record.data as Record<string, unknown>) ?? {};
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} action in the card`);
  return found;
}

export const DAY = 86_400_000;

/** A clock the test moves by hand. */
export function manualClock(start = Date.now()): {
  now: () => Date;
  advanceDays(days: number): void;
  set(time: number): void;
} {
  let time = start;
  return {
    now: () => new Date(time),
    advanceDays(days) {
      time += days * DAY;
    },
    set(value) {
      time = value;
    },
  };
}

/** Stores each channel's conversation and subscribes it to notifications. */
export async function subscribeChannels(
  store: StateStore,
  channels: readonly StoredConversation[],
  subscribedAt: Date,
): Promise<void> {
  for (const c of channels) {
    await store.put(c.key, c);
    const subscription: Subscription = {
      conversationKey: c.key,
      subscribedBy: 'test',
      subscribedAt: subscribedAt.toISOString(),
    };
    await store.put(subscriptionKey(c.key), subscription);
  }
}

/** PCEmail with two secrets, ending 2025-06-05 and 2025-06-20. */
export const TWO_SECRET_APP: AppRegistration = {
  id: 'app-object-id',
  appId: '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
  displayName: 'PCEmail',
  signInAudience: 'AzureADMyOrg',
  requiredResourceAccess: [],
  keyCredentials: [],
  passwordCredentials: [
    {
      keyId: 'k1',
      displayName: 'one',
      hint: 'abc',
      startDateTime: '2023-06-01T00:00:00Z',
      endDateTime: '2025-06-05T00:00:00Z',
    },
    {
      keyId: 'k2',
      displayName: 'two',
      hint: 'def',
      startDateTime: '2024-06-01T00:00:00Z',
      endDateTime: '2025-06-20T00:00:00Z',
    },
  ],
};

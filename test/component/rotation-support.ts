import { randomUUID } from 'node:crypto';
import { BOT_ACCOUNT, startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { manualClock } from '../monitor/support/notification-helpers';

/** Helpers for the guided secret rotation's component tests (dialogs over HTTP, the sign-in clock). */

export interface Started {
  h: BotHarness;
  clock: ReturnType<typeof manualClock>;
}

export async function startRotationHarness(
  scenario: string,
  env: Record<string, string> = {},
  start: Record<string, unknown> = {},
): Promise<Started> {
  const clock = manualClock();
  const h = await startHarness({
    scenario,
    now: clock.now,
    env: { APPROVERS: TEST_USER.aadObjectId, ...env },
    start,
  });
  clock.set(Date.now());
  return { h, clock };
}

export const OTHER_USER = {
  id: '29:someone-else',
  aadObjectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  name: 'Eve Elsewhere',
};

/** A Teams dialog invoke (task/fetch or task/submit) with the card button's data. */
export async function dialogInvoke(
  h: BotHarness,
  name: 'task/fetch' | 'task/submit',
  data: Record<string, unknown>,
  from: { id: string; aadObjectId?: string; name?: string } = TEST_USER,
  via?: string,
): Promise<{ status: number; body: Record<string, unknown>; raw: string }> {
  const activity = {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from,
    recipient: BOT_ACCOUNT,
    conversation: {
      id: 'a:rotation-chat',
      conversationType: 'personal',
      tenantId: h.config.tenant.id,
    },
    channelData: { tenant: { id: h.config.tenant.id } },
    locale: 'en-US',
    type: 'invoke',
    name,
    value: { data, context: { theme: 'default' } },
  };
  const response = via
    ? await fetch(`${via}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      })
    : await h.post(activity);
  const raw = await response.text();
  return {
    status: response.status,
    body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
    raw,
  };
}

/** The card inside a dialog answer ({task:{type:'continue', value:{card:{content}}}}). */
export function dialogCard(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const task = body.task as
    { type?: string; value?: { card?: { content?: Record<string, unknown> } } } | undefined;
  return task?.type === 'continue' ? task.value?.card?.content : undefined;
}

/** The new secret's value as the dialog shows it (a monospace TextRun). */
export function secretShown(card: Record<string, unknown> | undefined): string | undefined {
  const body = (card?.body ?? []) as { id?: string; inlines?: { text: string }[] }[];
  return body.find((e) => e.id === 'new-secret-value')?.inlines?.[0]?.text;
}

/** Every Submit button's data in a card (Rotate now is one). */
export function submitData(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Submit' && record.data)
      found.push(record.data as Record<string, unknown>);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

export async function advanceSignIns(h: BotHarness, minutes: number): Promise<void> {
  const response = await fetch(`${h.simulator.url}/_sim/sign-ins/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes }),
  });
  if (response.status !== 200) throw new Error(`advance failed: ${response.status}`);
}

/** Moves the bot's clock and Emplifi Agent's sign-in timeline on together. */
export async function advance(s: Started, minutes: number): Promise<void> {
  s.clock.set(s.clock.now().getTime() + minutes * 60_000);
  await advanceSignIns(s.h, minutes);
}

export async function simState(h: BotHarness): Promise<{
  applications: {
    appId: string;
    passwordCredentials: { keyId: string; displayName: string | null }[];
  }[];
}> {
  return (await (await fetch(`${h.simulator.url}/_sim/state`)).json()) as never;
}

export async function checkCard(h: BotHarness): Promise<Record<string, unknown>> {
  const before = h.connector.cards().length;
  await h.say('check pcemail permissions');
  const cards = h.connector.cards();
  if (cards.length <= before) throw new Error('no check card');
  return cards.at(-1) as Record<string, unknown>;
}

export { cardText };

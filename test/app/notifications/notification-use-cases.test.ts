import {
  listNotifications,
  snoozeReminder,
  stopNotifications,
  subscribeConversation,
} from '../../../src/app/notifications';
import type { StoredConversation } from '../../../src/ports/conversations';
import type { ChannelTarget, Subscriptions } from '../../../src/ports/subscriptions';

const APPROVER = 'AAAAAAAA-0000-4000-8000-000000000001';
const NOW = new Date('2025-06-01T08:00:00Z');
const CHANNEL: StoredConversation = {
  key: 'conversations/19%3Achannel',
  reference: {},
  kind: 'channel',
  label: 'Ops › Alerts',
  updatedAt: NOW.toISOString(),
};

/** The port in memory: what the use cases asked of it is what the test reads back. */
function memorySubscriptions(): Subscriptions & { targets: Map<string, ChannelTarget> } {
  const targets = new Map<string, ChannelTarget>();
  return {
    targets,
    list: () => Promise.resolve([...targets.values()]),
    forEach: async (_concurrency, work) => {
      for (const target of targets.values()) await work(target);
      return targets.size;
    },
    subscribe: (conversation, by, now, byName) => {
      if (targets.has(conversation.key)) return Promise.resolve('already');
      targets.set(conversation.key, {
        conversation,
        subscription: {
          conversationKey: conversation.key,
          subscribedBy: by,
          ...(byName ? { subscribedByName: byName } : {}),
          subscribedAt: now.toISOString(),
        },
      });
      return Promise.resolve('subscribed');
    },
    unsubscribe: (key) => Promise.resolve(targets.delete(key)),
    snooze: (key, keyId, until) => {
      const target = targets.get(key);
      if (!target) return Promise.resolve(false);
      target.subscription.snoozedUntil = { [keyId]: until.toISOString() };
      return Promise.resolve(true);
    },
  };
}

describe('notification use cases over the Subscriptions port', () => {
  it('when a non-approver asks, then nothing is subscribed, stopped or snoozed', async () => {
    const subscriptions = memorySubscriptions();
    const ports = { subscriptions, approvers: [APPROVER] };
    const outsider = { aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000002' };
    expect(await subscribeConversation(ports, CHANNEL, outsider, NOW)).toEqual({
      kind: 'refused',
    });
    expect(subscriptions.targets.size).toBe(0);
    await subscribeConversation(ports, CHANNEL, { aadObjectId: APPROVER }, NOW);
    expect(await stopNotifications(ports, CHANNEL.key, {})).toEqual({ kind: 'refused' });
    expect(await snoozeReminder(ports, CHANNEL.key, 'key-1', outsider, NOW)).toEqual({
      kind: 'refused',
    });
    expect(subscriptions.targets.get(CHANNEL.key)?.subscription.snoozedUntil).toBeUndefined();
  });

  it('when an approver subscribes, snoozes and lists, then the listing shows the running snooze by name', async () => {
    const ports = { subscriptions: memorySubscriptions(), approvers: [APPROVER.toLowerCase()] };
    const approver = { aadObjectId: APPROVER, name: 'Grace Approver' };
    expect((await subscribeConversation(ports, CHANNEL, approver, NOW)).kind).toBe('subscribed');
    expect((await subscribeConversation(ports, CHANNEL, approver, NOW)).kind).toBe('already');
    expect(await snoozeReminder(ports, CHANNEL.key, 'key-1', approver, NOW)).toEqual({
      kind: 'snoozed',
      until: '2025-06-08T08:00:00.000Z',
    });
    const listing = await listNotifications(ports, CHANNEL.key, approver, NOW);
    expect(listing).toEqual({
      canManage: true,
      channels: [
        {
          label: 'Ops › Alerts',
          kind: 'channel',
          subscribedBy: 'Grace Approver',
          subscribedAt: NOW.toISOString(),
          snoozes: [{ credential: 'credential key-1', until: '2025-06-08T08:00:00.000Z' }],
          here: true,
        },
      ],
    });
    const later = new Date('2025-06-09T08:00:00Z');
    expect((await listNotifications(ports, 'elsewhere', {}, later)).channels[0]).toMatchObject({
      snoozes: [],
      here: false,
    });
  });

  it('when an approver stops a conversation that was not subscribed, then the answer says so', async () => {
    const ports = { subscriptions: memorySubscriptions(), approvers: [APPROVER] };
    const approver = { aadObjectId: APPROVER };
    expect(await stopNotifications(ports, CHANNEL.key, approver)).toEqual({
      kind: 'not-subscribed',
    });
    await subscribeConversation(ports, CHANNEL, approver, NOW);
    expect(await stopNotifications(ports, CHANNEL.key, approver)).toEqual({ kind: 'stopped' });
    expect(await snoozeReminder(ports, CHANNEL.key, 'key-1', approver, NOW)).toEqual({
      kind: 'not-subscribed',
    });
  });
});

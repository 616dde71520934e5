import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { remindExpiringSecrets } from '../../../src/app/notifications/secret-expiry-reminders';
import { succeeded, type AppRegistration } from '../../../src/domain';
import type { SecretReminderView } from '../../../src/domain/notifications/secret-reminder-view';
import type { StoredConversation } from '../../../src/ports/conversations';
import type { PostOutcome } from '../../../src/ports/notifier';
import type { ChannelTarget, Subscriptions } from '../../../src/ports/subscriptions';
import { FileStateStore } from '../../../src/store';
import { capturingLogger } from '../../support/log-capture';
import { channel } from '../../monitor/support/conversations';

const NOW = new Date('2025-06-01T08:00:00Z');
const DAY = 86_400_000;

const APP: AppRegistration = {
  id: 'obj-1',
  appId: '11111111-1111-4111-8111-111111111111',
  displayName: 'PCEmail Connector',
  signInAudience: 'AzureADMyOrg',
  passwordCredentials: [
    {
      keyId: 'aaaaaaaa-0000-4000-8000-000000000001',
      displayName: 'prod',
      hint: 'abc',
      startDateTime: '2025-01-01T00:00:00Z',
      endDateTime: new Date(NOW.getTime() + 5 * DAY).toISOString(),
    },
  ],
  keyCredentials: [],
  requiredResourceAccess: [],
};

function subscriptionsOf(conversations: StoredConversation[]): Subscriptions & {
  removed: string[];
} {
  const removed: string[] = [];
  const targets = (): ChannelTarget[] =>
    conversations
      .filter((c) => !removed.includes(c.key))
      .map((conversation) => ({
        conversation,
        subscription: {
          conversationKey: conversation.key,
          subscribedBy: 'someone',
          subscribedAt: NOW.toISOString(),
        },
      }));
  return {
    removed,
    list: () => Promise.resolve(targets()),
    forEach: async (_concurrency, work) => {
      const all = targets();
      for (const target of all) await work(target);
      return all.length;
    },
    subscribe: () => Promise.resolve('subscribed'),
    unsubscribe: (key) => {
      removed.push(key);
      return Promise.resolve(true);
    },
    snooze: () => Promise.resolve(false),
  };
}

describe('the secret-expiry use case (app/notifications)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secret-expiry-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands each channel one reminder view per due credential, once, and forgets a gone channel', async () => {
    const [live, gone] = [channel(1), channel(2)];
    const subscriptions = subscriptionsOf([live, gone]);
    const posted: { conversation: string; view: SecretReminderView }[] = [];
    const deps = {
      store: new FileStateStore(dir),
      subscriptions,
      credentials: { read: () => Promise.resolve([succeeded([APP])]) },
      now: () => NOW,
      thresholds: [30, 14, 7, 3, 1, 0],
      simulated: true,
      logger: capturingLogger().logger,
      post: (conversation: StoredConversation, view: SecretReminderView): Promise<PostOutcome> => {
        if (conversation.key === gone.key)
          return Promise.resolve({ ok: false, reason: 'gone', status: 403, message: 'removed' });
        posted.push({ conversation: conversation.key, view });
        return Promise.resolve({ ok: true, activityId: `a-${posted.length}` });
      },
    };

    const first = await remindExpiringSecrets(deps);
    expect(posted).toEqual([
      {
        conversation: live.key,
        view: {
          appName: 'PCEmail Connector',
          appId: APP.appId,
          credential: expect.objectContaining({
            kind: 'secret',
            keyId: APP.passwordCredentials[0]?.keyId,
          }),
          daysLeft: 5,
          expired: false,
          simulated: true,
        },
      },
    ]);
    expect(first.details).toMatchObject({ posted: 1, gone: 1, due: 1 });
    expect(subscriptions.removed).toEqual([gone.key]);

    const again = await remindExpiringSecrets(deps);
    expect(posted).toHaveLength(1);
    expect(again.details).toMatchObject({ posted: 0 });
  });
});

import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { startBot } from '../../src/start-bot';
import { startAzurite, type Azurite } from '../support/azurite';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import { capturingLogger } from '../support/log-capture';
import {
  acceptedWrites,
  actionData,
  APPROVER,
  cardsPostedTo,
  chatIdOf,
  clickAs,
  graphWrites,
  MAIL_READWRITE_ROLE,
  MAIL_SEND_ROLE,
  openChat,
  pcemailGrants,
  SECOND_APPROVER,
} from './consent-support';

let azurite: Azurite | undefined;
let harness: BotHarness | undefined;
let second: RunningServer | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

afterEach(async () => {
  await second?.close();
  await harness?.stop();
  second = undefined;
  harness = undefined;
});

describe('two bot instances on one Azure Blob state store (Azurite)', () => {
  it('when approvers click Approve on both instances at once, then the permissions are granted once', async () => {
    harness = await startHarness({
      scenario: 'grant-ready',
      env: {
        CONSENT_MODE: 'grant',
        APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}`,
        STATE_STORE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
        STATE_CONTAINER: `consent-${randomUUID().slice(0, 8)}`,
      },
    });
    // The same configuration (simulated tenant, blob container), another process's worth of state.
    second = await startBot(harness.config, {
      logger: capturingLogger().logger,
      port: 0,
      sleep: () => Promise.resolve(),
    });
    await openChat(harness, APPROVER);
    await openChat(harness, SECOND_APPROVER);
    await harness.say('check pcemail permissions');
    await harness.execute('consent.request', {});
    const posted = cardsPostedTo(harness, chatIdOf(APPROVER)).find((c) =>
      cardVerbs(c).includes('consent.approve'),
    )!;
    const approve = actionData(posted, 'consent.approve')!;

    const clicks = await Promise.all([
      clickAs(harness, APPROVER, 'consent.approve', approve),
      clickAs(harness, SECOND_APPROVER, 'consent.approve', approve, { via: second.url }),
      clickAs(harness, APPROVER, 'consent.approve', approve, { via: second.url }),
      clickAs(harness, SECOND_APPROVER, 'consent.approve', approve),
    ]);
    const texts = clicks.map((c) => cardText(c.card));
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    expect(texts.filter((t) => /Done: the permissions are granted/.test(t))).toHaveLength(1);
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 2,
      grantCreates: 1,
      grantUpdates: 0,
    });
    expect(graphWrites(harness)).toBe(3);
    expect(await pcemailGrants(harness)).toEqual({
      roles: [MAIL_READWRITE_ROLE, MAIL_SEND_ROLE].sort(),
      organizationScopes: ['User.Read'],
    });

    // Either instance now shows the outcome from the shared store.
    const later = await clickAs(
      harness,
      SECOND_APPROVER,
      'consent.refresh',
      { requestId: approve.requestId },
      { via: second.url },
    );
    expect(cardText(later.card)).toMatch(/Granted by (Grace|Linus) Approver/);
  }, 60_000);
});

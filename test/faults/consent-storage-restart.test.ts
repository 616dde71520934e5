import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  MAIL_READWRITE_ROLE,
  MAIL_SEND_ROLE,
  openChat,
  pcemailGrants,
  SECOND_APPROVER,
} from '../component/consent-support';

let azurite: Azurite | undefined;
let folder = '';
let harness: BotHarness | undefined;
let second: RunningServer | undefined;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'azurite-consent-'));
  azurite = await startAzurite({ location: folder });
}, 60_000);
afterAll(async () => {
  await second?.close();
  await harness?.stop();
  await azurite?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('a consent decision while Azure Storage restarts', () => {
  it('when Azurite restarts while two approvers click Approve on two instances, then after a retry the permissions are granted exactly once and the decision is kept', async () => {
    harness = await startHarness({
      scenario: 'grant-ready',
      env: {
        CONSENT_MODE: 'grant',
        APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}`,
        STATE_STORE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
        STATE_CONTAINER: `restart-${randomUUID().slice(0, 8)}`,
      },
    });
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

    // Clicks on both instances while the storage emulator goes down and comes back.
    const clicks = Promise.all([
      clickAs(harness, APPROVER, 'consent.approve', approve),
      clickAs(harness, SECOND_APPROVER, 'consent.approve', approve, { via: second.url }),
    ]);
    await azurite!.restart();
    const answers = await clicks;
    expect(answers.every((a) => a.status === 200)).toBe(true);

    // Whatever the restart interrupted, clicking again finishes it; nothing is granted twice.
    for (const via of [undefined, second.url]) {
      const again = await clickAs(
        harness,
        APPROVER,
        'consent.approve',
        approve,
        via ? { via } : {},
      );
      expect(again.status).toBe(200);
    }
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 2,
      grantCreates: 1,
      grantUpdates: 0,
    });
    expect(await pcemailGrants(harness)).toEqual({
      roles: [MAIL_READWRITE_ROLE, MAIL_SEND_ROLE].sort(),
      organizationScopes: ['User.Read'],
    });

    // The decision survived the restart: both instances read it back from storage.
    for (const via of [undefined, second.url]) {
      const view = await clickAs(
        harness,
        SECOND_APPROVER,
        'consent.refresh',
        { requestId: approve.requestId },
        via ? { via } : {},
      );
      expect(cardText(view.card)).toMatch(/Granted by (Grace|Linus) Approver/);
    }
  }, 90_000);
});

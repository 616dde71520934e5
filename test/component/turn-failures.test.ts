import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import {
  actionData,
  clickInChannel,
  inChannel,
  JOBS_KEY,
  postsTo,
  runJob,
} from '../monitor/support/notification-helpers';

const ADMINS = '19:pcemail-admins@thread.tacv2';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** Every stored file under the state folder whose path names `part`. */
function storedFiles(folder: string, part: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.includes(part) && file.endsWith('.json')) found.push(file);
    }
  };
  walk(folder);
  return found;
}

/** A channel subscribed to reminders, and the reminder posted there. */
async function subscribedWithReminder(): Promise<{ h: BotHarness; reminder: unknown }> {
  harness = await startHarness({
    scenario: 'secret-expiring',
    env: { JOBS_KEY, APPROVERS: TEST_USER.aadObjectId },
  });
  const h = harness;
  await h.say('notify here', inChannel(h, ADMINS));
  await runJob(h, 'secret-expiry');
  const reminder = postsTo(h.connector, ADMINS)[0];
  expect(reminder).toBeDefined();
  return { h, reminder };
}

/** The JSON log lines that say a turn failed. */
function failedTurnLines(h: BotHarness): Record<string, unknown>[] {
  return h.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === 'turn failed');
}

describe('a failed turn of any activity type reaches the user as one error card, over HTTP', () => {
  it('when the store cannot read the subscription during Snooze (an invoke), then the invoke answers 200 with the error card and one log line carries the code', async () => {
    const { h, reminder } = await subscribedWithReminder();
    const files = storedFiles(h.stateDir, 'subscriptions');
    expect(files).toHaveLength(1);
    writeFileSync(files[0]!, '{ not json');

    const { status, card } = await clickInChannel(
      h,
      ADMINS,
      'notify.snooze',
      actionData(reminder, 'notify.snooze'),
    );

    expect(status).toBe(200);
    expectValidCard(card!);
    const text = cardText(card);
    expect(text).toMatch(/Something went wrong/);
    expect(text).toMatch(/storage holds something it cannot read/);
    expect(text).toMatch(/Error code: STORE_CORRUPT/);
    expect(text).not.toContain(h.stateDir);
    expect(text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(failedTurnLines(h)).toEqual([
      expect.objectContaining({ code: 'STORE_CORRUPT', level: 50 }),
    ]);
  });

  it('when Snooze fails with an error the product did not classify, then the card shows only the code, never the library message', async () => {
    const { h, reminder } = await subscribedWithReminder();
    const [file] = storedFiles(h.stateDir, 'subscriptions');
    rmSync(file!);
    mkdirSync(file!); // reading a folder as a file: EISDIR from Node, not a ProductError

    const { status, card } = await clickInChannel(
      h,
      ADMINS,
      'notify.snooze',
      actionData(reminder, 'notify.snooze'),
    );

    expect(status).toBe(200);
    expectValidCard(card!);
    const text = cardText(card);
    expect(text).toMatch(/Something went wrong[\s\S]*Error code: INTERNAL/);
    expect(text).not.toMatch(/EISDIR|illegal operation/i);
    expect(text).not.toContain(h.stateDir);
    const [line] = failedTurnLines(h);
    expect(line).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(line)).toMatch(/EISDIR/);
  });

  it('when a message turn fails (notifications over an unreadable store), then the same card is the reply', async () => {
    const { h } = await subscribedWithReminder();
    for (const file of storedFiles(h.stateDir, 'subscriptions')) writeFileSync(file, '[');
    const before = h.connector.cards().length;

    const status = await h.say('notifications', inChannel(h, ADMINS));

    expect(status).toBe(200);
    const replies = h.connector.cards().slice(before);
    expect(replies).toHaveLength(1);
    expectValidCard(replies[0]!);
    expect(cardText(replies[0])).toMatch(/Something went wrong[\s\S]*Error code: STORE_CORRUPT/);
    expect(failedTurnLines(h)).toEqual([expect.objectContaining({ code: 'STORE_CORRUPT' })]);
  });

  it('when Graph is down during Check now (an invoke), then the invoke answers with a card saying the checks could not run', async () => {
    const { h, reminder } = await subscribedWithReminder();
    h.simulator.setFaults({ unavailable: 1 });

    const { status, card } = await clickInChannel(
      h,
      ADMINS,
      'notify.checkNow',
      actionData(reminder, 'notify.checkNow'),
    );

    expect(status).toBe(200);
    expectValidCard(card!);
    expect(cardText(card)).toMatch(/The checks could not run/);
    expect(cardText(card)).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

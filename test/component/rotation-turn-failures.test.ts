import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectValidCard } from '../support/adaptive-card-validator';
import type { BotHarness } from '../support/bot-harness';
import {
  cardText,
  checkCard,
  dialogCard,
  dialogInvoke,
  secretShown,
  startRotationHarness,
  submitData,
  type Started,
} from './rotation-support';

let started: Started | undefined;
afterEach(async () => {
  await started?.h.stop();
  started = undefined;
});

/** The stored rotation record's file (one rotation of PCEmail's secret is under way). */
function rotationFile(h: BotHarness): string {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/rotation/.test(file) && /apps/.test(file) && file.endsWith('.json'))
        found.push(file);
    }
  };
  walk(h.stateDir);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The JSON log lines with the given message. */
function logLines(h: BotHarness, msg: string): Record<string, unknown>[] {
  return h.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}

/** A rotation under way (Rotate now's dialog answered), and the Rotate now button's data. */
async function rotationUnderWay(): Promise<{ h: BotHarness; rotate: Record<string, unknown> }> {
  started = await startRotationHarness('rotation');
  const h = started.h;
  const rotate = submitData(await checkCard(h)).find((d) => d.verb === 'rotation.start') ?? {};
  const opened = await dialogInvoke(h, 'task/fetch', rotate);
  expect(secretShown(dialogCard(opened.body))).toBeDefined();
  return { h, rotate };
}

describe('an unexpected failure in a rotation step reaches the shared error card, over HTTP', () => {
  it('when the stored rotation cannot be read during Check (an Action.Execute), then the invoke answers with the one error card and one log line carries the code', async () => {
    const { h, rotate } = await rotationUnderWay();
    writeFileSync(rotationFile(h), '{ not json');

    const answer = await h.execute('rotation.check', { appId: rotate.appId });

    expect(answer.status).toBe(200);
    const card = answer.body.value as Record<string, unknown>;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/Something went wrong[\s\S]*Error code: STORE_CORRUPT/);
    expect(text).not.toContain(h.stateDir);
    expect(text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(logLines(h, 'turn failed')).toEqual([
      expect.objectContaining({ code: 'STORE_CORRUPT', level: 50 }),
    ]);
    expect(logLines(h, 'rotation step failed')).toEqual([]);
  });

  it('when Rotate now’s dialog fails with an error the product did not classify, then the dialog shows the error card with only the code', async () => {
    const { h, rotate } = await rotationUnderWay();
    const file = rotationFile(h);
    rmSync(file);
    mkdirSync(file); // reading a folder as a file: EISDIR from Node, not a ProductError

    const answer = await dialogInvoke(h, 'task/fetch', rotate);

    expect(answer.status).toBe(200);
    const card = dialogCard(answer.body);
    expectValidCard(card ?? {});
    const text = cardText(card);
    expect(text).toMatch(/Something went wrong[\s\S]*Error code: INTERNAL/);
    expect(text).not.toMatch(/EISDIR|illegal operation/i);
    expect(secretShown(card)).toBeUndefined();
    const [line] = logLines(h, 'turn failed');
    expect(line).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(line)).toMatch(/EISDIR/);
    expect(logLines(h, 'rotation dialog failed')).toEqual([]);
  });
});

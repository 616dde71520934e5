import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deliverOnce, type Claimable } from '../../../src/app/notifications/deliver-once';
import type { PostOutcome } from '../../../src/ports/notifier';
import { FileStateStore } from '../../../src/store';

interface Record_ extends Claimable {
  sent?: number;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliver-once-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function attempt(store: FileStateStore, now: Date, outcome: PostOutcome, sends: number[]) {
  return deliverOnce<Record_, number>({
    store,
    key: 'notifications/x/reminders/k',
    now: () => now,
    staleAfterMs: 60_000,
    due: (record) => (record?.sent ? undefined : 1),
    send: (payload) => {
      sends.push(payload);
      return Promise.resolve(outcome);
    },
    commit: (record) => ({ ...record, sent: 1 }),
  });
}

describe('deliverOnce', () => {
  it('when the post fails, then nothing is recorded and the next attempt posts; after success nothing more is due', async () => {
    const store = new FileStateStore(dir);
    const sends: number[] = [];
    const now = new Date('2025-01-01T00:00:00Z');
    expect(
      (await attempt(store, now, { ok: false, reason: 'failed', status: 502, message: 'x' }, sends))
        .result,
    ).toBe('failed');
    expect((await store.get<Record_>('notifications/x/reminders/k'))?.value).toEqual({});
    expect((await attempt(store, now, { ok: true, activityId: 'a' }, sends)).result).toBe('sent');
    expect((await attempt(store, now, { ok: true, activityId: 'b' }, sends)).result).toBe(
      'not-due',
    );
    expect(sends).toHaveLength(2);
    expect((await store.get<Record_>('notifications/x/reminders/k'))?.value).toEqual({ sent: 1 });
  });

  it('when another sender holds a fresh claim, then this one skips; a claim older than the stale limit is taken over', async () => {
    const store = new FileStateStore(dir);
    const sends: number[] = [];
    await store.put('notifications/x/reminders/k', {
      pending: { token: 't', at: '2025-01-01T00:00:00Z' },
    });
    expect(
      (await attempt(store, new Date('2025-01-01T00:00:30Z'), { ok: true, activityId: 'a' }, sends))
        .result,
    ).toBe('busy');
    expect(
      (await attempt(store, new Date('2025-01-01T00:02:00Z'), { ok: true, activityId: 'a' }, sends))
        .result,
    ).toBe('sent');
    expect(sends).toHaveLength(1);
  });
});

import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileStateStore } from '../../src/store/file-store';
import { exited, runChild, transpileForChild } from './child-process';
import { describeStateStoreContract } from './state-store-contract';

let scratch: string;
/** Another bot process on the same folder, running the real store code (see the fixture). */
let childScript: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'pcemail-file-store-'));
  await transpileForChild(
    ['src/store', 'src/domain', 'test/store/fixtures'],
    path.join(scratch, 'child'),
  );
  childScript = path.join(scratch, 'child/test/store/fixtures/file-store-child.js');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function freshFolder(): Promise<string> {
  return mkdtemp(path.join(scratch, 'store-'));
}

/** Every file under `folder`, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('FileStateStore', () => {
  describeStateStoreContract(() => ({
    freshBacking: async () => {
      const folder = await freshFolder();
      return () => new FileStateStore(folder);
    },
    leaseTtlMs: 300,
  }));

  test('when keys try to climb out of the folder, then every file stays inside it', async () => {
    const outer = await freshFolder();
    const folder = path.join(outer, 'state');
    const store = new FileStateStore(folder);
    const hostile = [
      '../escaped',
      '../../../../../../tmp/escaped',
      '/etc/escaped',
      '..',
      '.',
      'a/../../escaped',
      '..\\..\\escaped',
      'C:\\escaped',
      'nul\u0000/../escaped',
      '%2e%2e/escaped',
    ];

    for (const key of hostile) await store.put(key, { key });

    expect(await readdir(outer)).toEqual(['state']);
    const files = await filesUnder(folder);
    expect(files).toHaveLength(hostile.length);
    expect(files.every((file) => file.startsWith(`items${path.sep}`))).toBe(true);
    expect(files.some((file) => file.includes('..'))).toBe(false);
    for (const key of hostile)
      await expect(store.get(key)).resolves.toMatchObject({ value: { key } });
    await expect(store.list('')).resolves.toEqual([...hostile].sort());
  });

  test('when a key segment is longer than a file name may be, then it is stored and listed', async () => {
    const store = new FileStateStore(await freshFolder());
    const long = `conversations/${'Ab:🙂'.repeat(120)}/refs`;

    await store.put(long, { long: true });

    await expect(store.get(long)).resolves.toMatchObject({ value: { long: true } });
    await expect(store.list('conversations/')).resolves.toEqual([long]);
    await expect(store.list(`conversations/${'Ab:🙂'.repeat(119)}`)).resolves.toEqual([long]);
  });

  test('when a killed writer left a temp file and a lock, then reads ignore them and the next write recovers', async () => {
    const folder = await freshFolder();
    const store = new FileStateStore(folder, { staleLockMs: 200 });
    await store.put('ledger/secret-1', { sent: [30] });
    const leftovers = [
      path.join(folder, 'items/ledger/.secret-1.json.0b7c1a9e.tmp'),
      path.join(folder, 'items/ledger/secret-1.lock'),
    ];
    await writeFile(leftovers[0]!, '{"key":"ledger/secret-1","eTag":"torn","val');
    await writeFile(leftovers[1]!, '4242:dead-writer');
    const longAgo = new Date(Date.now() - 60_000);
    for (const file of leftovers) await utimes(file, longAgo, longAgo);

    await expect(store.get('ledger/secret-1')).resolves.toMatchObject({ value: { sent: [30] } });
    await expect(store.list('')).resolves.toEqual(['ledger/secret-1']);
    const fresh = new FileStateStore(folder, { staleLockMs: 200 });
    await fresh.put('ledger/secret-1', { sent: [30, 14] });

    await expect(store.get('ledger/secret-1')).resolves.toMatchObject({
      value: { sent: [30, 14] },
    });
    expect(await filesUnder(folder)).toEqual([path.join('items', 'ledger', 'secret-1.json')]);
  });

  test('when a live writer holds the lock, then another instance waits for it rather than breaking it', async () => {
    const folder = await freshFolder();
    const store = new FileStateStore(folder, { staleLockMs: 2000 });
    await store.put('ledger/secret-1', { sent: [] });
    const lock = path.join(folder, 'items/ledger/secret-1.lock');
    await writeFile(lock, '4242:live-writer');

    const started = Date.now();
    const write = store.put('ledger/secret-1', { sent: [30] });
    await sleep(300);
    await expect(stat(lock)).resolves.toBeDefined();
    await rm(lock);
    await write;

    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await expect(store.get('ledger/secret-1')).resolves.toMatchObject({ value: { sent: [30] } });
  });

  test('when a writing process is killed with SIGKILL mid-stream, then the value is whole and recent', async () => {
    const folder = await freshFolder();
    for (const run of ['1', '2', '3', '4', '5']) {
      const child = runChild(childScript, {
        MODE: 'write-forever',
        STORE_DIR: folder,
        RUN: run,
        STALE_LOCK_MS: '200',
      });
      const exit = exited(child);
      let reported = 0;
      child.stdout?.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        reported = Number(lines[lines.length - 1]);
      });
      while (reported < 5) {
        await sleep(5);
        if (child.exitCode !== null) throw new Error((await exit).stderr);
      }
      await sleep(Math.random() * 20);
      child.kill('SIGKILL');
      const { code } = await exit;
      const lastReported = reported;

      const stored = await new FileStateStore(folder).get<{
        run: string;
        seq: number;
        pad: string;
      }>('ledger/counter');

      expect(code).toBeNull();
      expect(stored?.value.run).toBe(run);
      expect(stored?.value.seq).toBeGreaterThanOrEqual(lastReported);
      expect(stored?.value.seq).toBeLessThanOrEqual(lastReported + 1);
      expect(stored?.value.pad).toHaveLength(256 * 1024);
    }
    await sleep(250);
    await new FileStateStore(folder, { staleLockMs: 200 }).put('ledger/counter', { seq: 0 });
    expect(await filesUnder(folder)).toEqual([path.join('items', 'ledger', 'counter.json')]);
  });

  test('when two processes increment one counter at once, then no increment is lost', async () => {
    const folder = await freshFolder();
    const children = ['a', 'b'].map(() =>
      exited(runChild(childScript, { MODE: 'increment', STORE_DIR: folder, COUNT: '25' })),
    );

    const results = await Promise.all(children);

    expect(results).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    await expect(new FileStateStore(folder).get('counters/shared')).resolves.toMatchObject({
      value: 50,
    });
  });

  test('when the holder renews a short lease in time, then it outlives its first term', async () => {
    const folder = await freshFolder();
    const holder = await new FileStateStore(folder).acquireLease('jobs/digest', 300);

    for (let i = 0; i < 4; i++) {
      await sleep(150);
      await expect(holder!.renew()).resolves.toBe(true);
    }

    await expect(new FileStateStore(folder).acquireLease('jobs/digest', 300)).resolves.toBe(
      undefined,
    );
  });

  test('when a lease has run out locally, then renew reports it lost even if nobody took it', async () => {
    const holder = await new FileStateStore(await freshFolder()).acquireLease('jobs/digest', 100);

    await sleep(150);

    await expect(holder!.renew()).resolves.toBe(false);
  });

  test('when the folder cannot be written, then ping says so', async () => {
    const blocker = path.join(await freshFolder(), 'a-file');
    await writeFile(blocker, '');

    await expect(new FileStateStore(path.join(blocker, 'state')).ping()).resolves.toBe(false);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeConnector } from '../support/fake-connector';
import { ensureFreshBuild, ROOT } from '../support/fresh-build';

const ENTRY = path.join(ROOT, 'dist', 'index.js');

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

async function startBotProcess(env: Record<string, string>): Promise<Started> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.TENANT_ID;
  delete childEnv.BOT_ID;
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const match = /"port":(\d+)/.exec(output);
    if (match) return { child, port: Number(match[1]), output: () => output, exited };
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let stateDir: string;
let bot: Started | undefined;

beforeAll(() => {
  ensureFreshBuild();
  stateDir = mkdtempSync(path.join(tmpdir(), 'pcemail-proc-'));
}, 120_000);

afterAll(() => {
  if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the built bot as a process (simulated tenant)', () => {
  it('when started and then sent SIGTERM, then it becomes ready, serves a turn, and exits 0 after a graceful stop', async () => {
    const started = Date.now();
    bot = await startBotProcess({
      PORT: '0',
      STATE_DIR: stateDir,
      NODE_ENV: 'production',
      SHUTDOWN_GRACE_MS: '3000',
    });
    const base = `http://127.0.0.1:${bot.port}`;
    for (;;) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready === 200) break;
      if (Date.now() - started > 10_000) throw new Error(`never ready:\n${bot.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const connector = await new FakeConnector().start();
    try {
      const turn = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'p-1',
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:user-1' },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:proc', tenantId: '00000000-0000-0000-0000-0000000000001' },
          text: 'help',
        }),
      });
      expect(turn.status).toBe(200);
      expect(connector.cards()).toHaveLength(1);
    } finally {
      await connector.stop();
    }

    bot.child.kill('SIGTERM');
    const stopping = Date.now();
    expect(await bot.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(3_000);
    expect(bot.output()).toMatch(/shutting down/);
    expect(bot.output()).toMatch(/"msg":"stopped"/);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 30_000);

  it('when whoever reads its stdout has gone (EPIPE) and SIGTERM comes, then it still stops and exits', async () => {
    const orphan = await startBotProcess({
      PORT: '0',
      STATE_DIR: stateDir,
      NODE_ENV: 'production',
      SHUTDOWN_GRACE_MS: '1000',
    });
    orphan.child.stdout?.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    orphan.child.kill('SIGTERM');
    const code = await Promise.race([
      orphan.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 5_000)),
    ]);
    if (code === 'still running') orphan.child.kill('SIGKILL');
    expect(code).toBe(0);
  }, 30_000);
});

describe('the built bot as a process (live tenant, no BOT_ID)', () => {
  it('when TENANT_ID is set and BOT_ID is empty, then it refuses to start, names BOT_ID, and never listens', async () => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      STATE_DIR: stateDir,
      TENANT_ID: '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f',
      GRAPH_CLIENT_ID: '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
      GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
    };
    delete childEnv.BOT_ID;
    delete childEnv.INBOUND_AUTH;
    const child = spawn(process.execPath, [ENTRY], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (exitCode) => resolve(exitCode)),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/cannot start[\s\S]*BOT_ID is empty/);
    expect(output).not.toMatch(/listening/);
  }, 30_000);
});

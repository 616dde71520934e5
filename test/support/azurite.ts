import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** azurite's `azurite-blob` binary: the blob service only, so no queue or table ports are taken. */
const BLOB_MAIN = path.join(__dirname, '../../node_modules/azurite/dist/src/blob/main.js');
const LISTENING = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;

export interface Azurite {
  connectionString: string;
  blobPort: number;
  stop(): Promise<void>;
  /** Stops and starts it again on the same port (with a location, the data survives). */
  restart(): Promise<void>;
}

/**
 * Starts the real Azure Storage emulator's blob service as a child process on 127.0.0.1. In
 * memory by default; with `location`, on disk on a fixed port, so a restart keeps the data.
 */
export async function startAzurite(
  options: { location?: string; blobPort?: number } = {},
): Promise<Azurite> {
  const fixedPort = options.blobPort ?? (options.location ? await findFreePort() : 0);
  const storage = options.location ? ['--location', options.location] : ['--inMemoryPersistence'];
  let child: ChildProcess | undefined;
  const run = async (port: number): Promise<number> => {
    const started = await spawnAzurite([...storage, '--blobPort', String(port)]);
    child = started.child;
    return started.port;
  };
  const blobPort = await run(fixedPort);
  return {
    blobPort,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=http://127.0.0.1:${blobPort}/${ACCOUNT};`,
    stop: async () => {
      await stopChild(child);
      child = undefined;
    },
    restart: async () => {
      await stopChild(child);
      child = undefined;
      await run(blobPort);
    },
  };
}

async function spawnAzurite(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      BLOB_MAIN,
      '--blobHost',
      '127.0.0.1',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
      ...args,
    ],
    // In memory it writes nothing, but its cwd is where it would: keep that out of the repo.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() },
  );
  // A failed or interrupted test run must neither wait for Azurite (unref: jest can still exit)
  // nor leave it holding its port (killed when the test process exits).
  child.unref();
  for (const pipe of [child.stdout, child.stderr]) (pipe as Socket | null)?.unref();
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  let started = false;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Azurite did not start in 15 s:\n${output}`)),
      15_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    // Keeps draining the pipes after start, or Azurite would block once they fill up.
    const collect = (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        started = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      if (!started) fail(new Error(`Azurite exited (${code}) while starting:\n${output}`));
    });
  });
  return { child, port };
}

/** SIGTERM lets Azurite save its database before it exits; SIGKILL if it hangs. */
async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A port nobody listens on now (listen on 0, read it, close), for a restart on the same port. */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

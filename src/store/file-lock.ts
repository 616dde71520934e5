import { randomUUID } from 'node:crypto';
import { link, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isErrorCode, removeIfPresent } from './atomic-file';
import { ErrorCode, ProductError } from '../domain/product-error';

export interface FileLockOptions {
  /** A lock file older than this belongs to a writer that died (holders keep it for milliseconds). */
  staleMs: number;
  /** Give up waiting for the lock after this long. */
  timeoutMs: number;
}

/**
 * Runs `work` while holding `lockFile`, a file created with O_EXCL (`wx`): only one process on the
 * machine (or sharing the folder) can create it, so the check-then-write inside is atomic across
 * processes. A lock left by a killed process is broken once it is older than `staleMs`.
 */
export async function withFileLock<T>(
  lockFile: string,
  options: FileLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const token = await acquire(lockFile, options);
  try {
    return await work();
  } finally {
    await release(lockFile, token);
  }
}

async function acquire(lockFile: string, options: FileLockOptions): Promise<string> {
  const token = `${process.pid}:${randomUUID()}`;
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lockFile, token, { flag: 'wx', mode: 0o600 });
      return token;
    } catch (error) {
      if (!isErrorCode(error, 'EEXIST')) throw error;
    }
    if (await breakIfStale(lockFile, options.staleMs)) continue;
    if (Date.now() > deadline) {
      throw new ProductError({
        code: ErrorCode.StoreUnavailable,
        message: `Waited ${options.timeoutMs} ms for the state lock ${lockFile}; if no bot process is running, delete that file.`,
      });
    }
    await sleep(Math.min(2 + attempt * 2, 25) * (0.5 + Math.random()));
  }
}

async function release(lockFile: string, token: string): Promise<void> {
  try {
    if ((await readFile(lockFile, 'utf8')) === token) await removeIfPresent(lockFile);
  } catch (error) {
    if (!isErrorCode(error, 'ENOENT')) throw error;
  }
}

/** True when the lock is gone (or was stale and is now removed): try to take it again at once. */
async function breakIfStale(lockFile: string, staleMs: number): Promise<boolean> {
  let seen: LockFileState;
  try {
    seen = await readLockFile(lockFile);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return true;
    throw error;
  }
  if (Date.now() - seen.mtimeMs < staleMs) return false;
  // Move it aside before deleting: a rename moves one file once, so two breakers cannot both
  // delete, and we can check that what we moved is the stale lock we looked at, not a fresh one.
  const aside = `${lockFile}.${randomUUID()}.stale`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return true;
    throw error;
  }
  const moved = await readLockFile(aside);
  if (moved.ino !== seen.ino || moved.mtimeMs !== seen.mtimeMs || moved.token !== seen.token) {
    // A live holder's lock: put it back. (If a third process took the name meanwhile, both run;
    // that needs three processes inside a few microseconds after a crash and is accepted.)
    await link(aside, lockFile).catch((error: unknown) => {
      if (!isErrorCode(error, 'EEXIST')) throw error;
    });
  }
  await removeIfPresent(aside);
  return true;
}

interface LockFileState {
  token: string;
  ino: number;
  mtimeMs: number;
}

async function readLockFile(file: string): Promise<LockFileState> {
  const { ino, mtimeMs } = await stat(file);
  return { token: await readFile(file, 'utf8'), ino, mtimeMs };
}

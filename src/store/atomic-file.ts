import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { storeCorrupt } from './state-store';

/** State may hold conversation references and audit records: readable by the bot's user only. */
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
/** A writer's temp file, or a broken lock moved aside (see file-lock.ts). */
const LEFTOVER_FILE = /^\..+\.tmp$|\.lock\.[0-9a-f-]+\.stale$/;

/**
 * Writes `content` so that a crash at any instant leaves either the old file or the new one, never
 * a torn mix: write a temp file in the same folder, fsync it, rename it over the target (atomic on
 * one file system), then fsync the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const folder = path.dirname(file);
  const temp = path.join(folder, `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await removeIfPresent(temp);
    throw error;
  }
  await syncFolder(folder);
}

/** The parsed JSON in `file`, or undefined when there is no such file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw storeCorrupt(
      `The state file ${file} is not valid JSON; restore it from a backup or delete it.`,
    );
  }
}

export async function ensureFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: FOLDER_MODE });
}

export async function removeIfPresent(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Deletes temp files a killed writer left behind; a live writer's temp file is never this old. */
export async function removeLeftoverFiles(folder: string, olderThanMs: number): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return;
    throw error;
  }
  const cutoff = Date.now() - olderThanMs;
  for (const name of names.filter(isLeftoverFileName)) {
    const file = path.join(folder, name);
    try {
      if ((await stat(file)).mtimeMs < cutoff) await removeIfPresent(file);
    } catch (error) {
      if (!isErrorCode(error, 'ENOENT')) throw error;
    }
  }
}

function isLeftoverFileName(name: string): boolean {
  return LEFTOVER_FILE.test(name);
}

export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    // Windows cannot open a folder for fsync; its rename is already durable enough there.
    if (isErrorCode(error, 'EISDIR') || isErrorCode(error, 'EPERM')) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Duck-typed: Node's errors fail `instanceof Error` across realms (jest's sandbox is one). */
export function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

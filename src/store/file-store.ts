import { randomUUID } from 'node:crypto';
import { access, constants, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ensureFolder,
  isErrorCode,
  readJsonFile,
  removeIfPresent,
  removeLeftoverFiles,
  syncFolder,
  writeFileAtomically,
} from './atomic-file';
import { withFileLock, type FileLockOptions } from './file-lock';
import {
  isEncodedFolderName,
  keyToPathParts,
  pathPartsToKey,
  prefixToFolderParts,
} from './key-codec';
import { KeyedMutex } from './keyed-mutex';
import {
  storeConflict,
  storeCorrupt,
  type Lease,
  type StateStore,
  type StoredItem,
  type WriteCondition,
} from './state-store';
import { TrackedLease } from './tracked-lease';

export interface FileStateStoreOptions {
  /** A lock (or temp) file older than this was left by a killed process and is removed. */
  staleLockMs?: number;
  /** How long a write waits for another process's lock before failing. */
  lockTimeoutMs?: number;
}

interface ItemRecord {
  key: string;
  eTag: string;
  value: unknown;
}

interface LeaseRecord {
  name: string;
  holder: string;
  expiresAt: number;
}

const ITEM_FILE = /^([a-z0-9_%~A-F-]+)\.json$/;

/**
 * The default store (one process, or several on one machine): one JSON file per key under
 * `<folder>/items`, leases under `<folder>/leases`. Key segments become percent-encoded folder and
 * file names, so no key can point outside the folder. Writes are atomic (temp file, fsync,
 * rename), and every write holds the key's lock — an in-process mutex, then an O_EXCL lock file —
 * so conditional writes are atomic across callers and across processes sharing the folder.
 */
export class FileStateStore implements StateStore {
  readonly folder: string;
  private readonly itemsFolder: string;
  private readonly leasesFolder: string;
  private readonly lock: FileLockOptions;
  private readonly mutex = new KeyedMutex();
  private readonly tidiedFolders = new Set<string>();

  constructor(folder: string, options: FileStateStoreOptions = {}) {
    this.folder = path.resolve(folder);
    this.itemsFolder = path.join(this.folder, 'items');
    this.leasesFolder = path.join(this.folder, 'leases');
    const staleMs = options.staleLockMs ?? 5000;
    this.lock = { staleMs, timeoutMs: options.lockTimeoutMs ?? staleMs * 3 };
  }

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    const record = await this.readItem(this.fileFor(this.itemsFolder, key));
    return record && { value: record.value as T, eTag: record.eTag };
  }

  async put<T>(key: string, value: T, condition: WriteCondition = {}): Promise<string> {
    const file = this.fileFor(this.itemsFolder, key);
    const eTag = randomUUID();
    const content = serialise({ key, eTag, value }, key);
    await this.exclusive(file, async () => {
      if (condition.ifMatch !== undefined || condition.ifNoneMatch === '*') {
        const current = await this.readItem(file);
        if (condition.ifNoneMatch === '*' && current) throw storeConflict(key);
        if (condition.ifMatch !== undefined && current?.eTag !== condition.ifMatch) {
          throw storeConflict(key);
        }
      }
      await writeFileAtomically(file, content);
    });
    return eTag;
  }

  async delete(key: string, condition: { ifMatch?: string } = {}): Promise<void> {
    const file = this.fileFor(this.itemsFolder, key);
    await this.exclusive(file, async () => {
      if (condition.ifMatch !== undefined) {
        const current = await this.readItem(file);
        if (!current) return;
        if (current.eTag !== condition.ifMatch) throw storeConflict(key);
      }
      if (await removeIfPresent(file)) await syncFolder(path.dirname(file));
    });
  }

  async list(prefix: string): Promise<string[]> {
    const parts = prefixToFolderParts(prefix);
    const keys = await collectKeys(path.join(this.itemsFolder, ...parts), parts);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  /** Any positive `ttlMs` works here (tests use short ones); the blob store needs 15–60 s. */
  async acquireLease(name: string, ttlMs: number): Promise<Lease | undefined> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
      throw new RangeError('A lease needs a positive time to live.');
    }
    const file = this.fileFor(this.leasesFolder, name);
    const holder = randomUUID();
    const startedAt = await this.exclusive(file, async () => {
      const now = Date.now();
      const current = await this.readLease(file);
      if (current && current.expiresAt > now) return undefined;
      await writeFileAtomically(file, serialise({ name, holder, expiresAt: now + ttlMs }, name));
      return now;
    });
    if (startedAt === undefined) return undefined;
    return new TrackedLease(name, ttlMs, startedAt, {
      renew: () =>
        this.exclusive(file, async () => {
          const now = Date.now();
          const current = await this.readLease(file);
          if (current?.holder !== holder || current.expiresAt <= now) return false;
          await writeFileAtomically(file, serialise({ ...current, expiresAt: now + ttlMs }, name));
          return true;
        }),
      release: () =>
        this.exclusive(file, async () => {
          if ((await this.readLease(file))?.holder === holder) await removeIfPresent(file);
        }),
    });
  }

  async ping(): Promise<boolean> {
    try {
      await ensureFolder(this.itemsFolder);
      await access(this.itemsFolder, constants.R_OK | constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  private fileFor(root: string, key: string): string {
    const parts = keyToPathParts(key);
    const base = parts.pop() ?? '';
    return path.join(root, ...parts, `${base}.json`);
  }

  /** Runs `work` holding the key's in-process mutex and its lock file, in an existing folder. */
  private exclusive<T>(file: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(file, async () => {
      const folder = path.dirname(file);
      await ensureFolder(folder);
      if (!this.tidiedFolders.has(folder)) {
        await removeLeftoverFiles(folder, this.lock.staleMs);
        this.tidiedFolders.add(folder);
      }
      return withFileLock(file.replace(/\.json$/, '.lock'), this.lock, work);
    });
  }

  private async readItem(file: string): Promise<ItemRecord | undefined> {
    const record = await readJsonFile(file);
    if (record === undefined) return undefined;
    if (!isRecord(record) || typeof record.eTag !== 'string' || !('value' in record)) {
      throw storeCorrupt(`The state file ${file} is not a stored item; restore or delete it.`);
    }
    return record as unknown as ItemRecord;
  }

  private async readLease(file: string): Promise<LeaseRecord | undefined> {
    const record = await readJsonFile(file);
    if (record === undefined) return undefined;
    if (!isRecord(record) || typeof record.holder !== 'string') return undefined;
    return record as unknown as LeaseRecord;
  }
}

async function collectKeys(folder: string, parts: string[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ENOTDIR')) return [];
    throw error;
  }
  const keys: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && isEncodedFolderName(entry.name)) {
      keys.push(...(await collectKeys(path.join(folder, entry.name), [...parts, entry.name])));
      continue;
    }
    const base = entry.isFile() ? ITEM_FILE.exec(entry.name)?.[1] : undefined;
    const key = base === undefined ? undefined : pathPartsToKey([...parts, base]);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

function serialise(record: ItemRecord | LeaseRecord, key: string): string {
  if ('value' in record && record.value === undefined) {
    throw new RangeError(`The value for "${key}" is undefined; delete the key instead.`);
  }
  return JSON.stringify(record);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

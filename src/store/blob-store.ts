import { randomUUID } from 'node:crypto';
import {
  BlobServiceClient,
  type BlobLeaseClient,
  type BlockBlobClient,
  type ContainerClient,
} from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import { retryTransient, statusOf, storageCodeOf, unavailable } from './blob-errors';
import { blobPathToKey, keyToBlobPath, prefixToBlobPath } from './key-codec';
import {
  storeConflict,
  storeCorrupt,
  type Lease,
  type StateStore,
  type StoredItem,
  type WriteCondition,
} from './state-store';
import { TrackedLease } from './tracked-lease';
import { ErrorCode, ProductError } from '../domain/product-error';

export interface BlobStateStoreOptions {
  /** Account key or SAS connection string (Azurite, tests); or `accountUrl` with `credential`. */
  connectionString?: string;
  /** https://<account>.blob.core.windows.net, reached with `credential` (a managed identity). */
  accountUrl?: string;
  credential?: TokenCredential;
  /** Created on first use when missing. */
  container: string;
  /** Longest one operation may take, all retries included (default 15 s). */
  operationTimeoutMs?: number;
  /** Longest `ping` may take (default 3 s): /readyz must answer quickly. */
  pingTimeoutMs?: number;
}

const ITEMS = 'items/';
const LEASES = 'leases/';
const MAX_BLOB_NAME = 1024;

/**
 * State in Azure Blob Storage, shared by several bot instances: one JSON block blob per key
 * (`items/<encoded key>`), the blob's ETag as the eTag, a blob lease on `leases/<name>` per job.
 * Uses @azure/storage-blob directly: botbuilder-azure-blobs' BlobsStorage has no listing and no
 * leases, and would bring botbuilder types into the store.
 */
export class BlobStateStore implements StateStore {
  private readonly container: ContainerClient;
  private readonly budgetMs: number;
  private readonly pingTimeoutMs: number;
  private containerReady: Promise<void> | undefined;

  constructor(options: BlobStateStoreOptions) {
    if (!isValidContainerName(options.container)) {
      throw new RangeError(
        `STATE_CONTAINER "${options.container}" is not a valid container name: use 3–63 lowercase letters, digits and single hyphens.`,
      );
    }
    // Short SDK retries (ECONNREFUSED/RESET, 500, 503) inside our own time budget.
    const clientOptions = {
      retryOptions: { maxTries: 4, retryDelayInMs: 200, maxRetryDelayInMs: 2000 },
    };
    let service: BlobServiceClient;
    if (options.connectionString) {
      service = BlobServiceClient.fromConnectionString(options.connectionString, clientOptions);
    } else if (options.accountUrl && options.credential) {
      service = new BlobServiceClient(options.accountUrl, options.credential, clientOptions);
    } else {
      const message =
        'BlobStateStore needs a connection string, or an account URL and a credential.';
      throw new ProductError({ code: ErrorCode.StartupFailed, message });
    }
    this.container = service.getContainerClient(options.container);
    this.budgetMs = options.operationTimeoutMs ?? 15_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 3_000;
  }

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    const blob = this.itemBlob(key);
    await this.ensureContainer(key);
    let stored: { text: string; eTag: string };
    try {
      stored = await this.retrying(async (abortSignal) => {
        const response = await blob.download(0, undefined, { abortSignal });
        return { text: await readText(response.readableStreamBody), eTag: response.etag ?? '' };
      });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable('read', key, error);
    }
    try {
      return { value: JSON.parse(stored.text) as T, eTag: stored.eTag };
    } catch {
      throw storeCorrupt(`The value of "${key}" is not valid JSON; restore or delete its blob.`);
    }
  }

  async put<T>(key: string, value: T, condition: WriteCondition = {}): Promise<string> {
    const blob = this.itemBlob(key);
    const body = serialise(value, key);
    // Marks this write, so a retry that fails its condition can tell whether the first try landed.
    const writeId = randomUUID();
    await this.ensureContainer(key);
    try {
      const response = await this.retrying((abortSignal) =>
        blob.upload(body, Buffer.byteLength(body), {
          blobHTTPHeaders: { blobContentType: 'application/json' },
          metadata: { writeid: writeId },
          conditions: {
            ...(condition.ifMatch !== undefined && { ifMatch: condition.ifMatch }),
            ...(condition.ifNoneMatch === '*' && { ifNoneMatch: '*' }),
          },
          abortSignal,
        }),
      );
      return response.etag ?? '';
    } catch (error) {
      if (!isConditionFailure(error)) throw unavailable('write', key, error);
      const landed = await this.eTagIfWrittenBy(blob, writeId);
      if (landed !== undefined) return landed;
      throw storeConflict(key);
    }
  }

  async delete(key: string, condition: { ifMatch?: string } = {}): Promise<void> {
    const blob = this.itemBlob(key);
    await this.ensureContainer(key);
    try {
      await this.retrying((abortSignal) =>
        blob.delete({
          conditions: condition.ifMatch !== undefined ? { ifMatch: condition.ifMatch } : {},
          abortSignal,
        }),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return;
      // Azure answers 412 to If-Match on a missing blob too; absent is what the caller wanted.
      if (status === 412 && !(await this.exists(blob))) return;
      if (status === 412) throw storeConflict(key);
      throw unavailable('delete', key, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    await this.ensureContainer(prefix);
    const names = await this.retrying(async (abortSignal) => {
      const found: string[] = [];
      const prefixPath = ITEMS + prefixToBlobPath(prefix);
      for await (const item of this.container.listBlobsFlat({ prefix: prefixPath, abortSignal })) {
        found.push(item.name);
      }
      return found;
    }).catch((error: unknown) => {
      throw unavailable('list', prefix, error);
    });
    return names
      .map((name) => blobPathToKey(name.slice(ITEMS.length)))
      .filter((key): key is string => key !== undefined && key.startsWith(prefix))
      .sort();
  }

  /** `ttlMs` is rounded to whole seconds, 15–60 (Azure's lease limits). */
  async acquireLease(name: string, ttlMs: number): Promise<Lease | undefined> {
    const seconds = Math.round(ttlMs / 1000);
    if (!(seconds >= 15 && seconds <= 60)) {
      throw new RangeError('A blob lease lasts 15 to 60 seconds.');
    }
    const blob = this.blobFor(LEASES, name);
    const leaseClient = blob.getBlobLeaseClient(randomUUID());
    await this.ensureContainer(name);
    const startedAt = Date.now();
    try {
      await this.acquireOn(blob, leaseClient, seconds);
    } catch (error) {
      if (storageCodeOf(error) === 'LeaseAlreadyPresent') return undefined;
      throw unavailable('take the lease', name, error);
    }
    return new TrackedLease(name, seconds * 1000, startedAt, {
      renew: async () => {
        try {
          await this.retrying((abortSignal) => leaseClient.renewLease({ abortSignal }));
          return true;
        } catch (error) {
          if (statusOf(error) === 409 || statusOf(error) === 404) return false;
          throw unavailable('renew the lease', name, error);
        }
      },
      release: async () => {
        try {
          await this.retrying((abortSignal) => leaseClient.releaseLease({ abortSignal }));
        } catch (error) {
          if (statusOf(error) === 409 || statusOf(error) === 404) return;
          throw unavailable('release the lease', name, error);
        }
      },
    });
  }

  /** The container answers (it is created if missing, as the first write would). */
  async ping(): Promise<boolean> {
    const abortSignal = AbortSignal.timeout(this.pingTimeoutMs);
    try {
      if (!(await this.container.exists({ abortSignal }))) {
        await this.container.createIfNotExists({ abortSignal });
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Acquires the lease (a retry with the same proposed id is accepted), making the blob if new. */
  private async acquireOn(blob: BlockBlobClient, lease: BlobLeaseClient, seconds: number) {
    try {
      await this.retrying((abortSignal) => lease.acquireLease(seconds, { abortSignal }));
    } catch (error) {
      if (storageCodeOf(error) !== 'BlobNotFound') throw error;
      await this.retrying((abortSignal) =>
        blob.upload('', 0, { conditions: { ifNoneMatch: '*' }, abortSignal }),
      ).catch((creation: unknown) => {
        if (!isConditionFailure(creation)) throw creation;
      });
      await this.retrying((abortSignal) => lease.acquireLease(seconds, { abortSignal }));
    }
  }

  private ensureContainer(key: string): Promise<void> {
    this.containerReady ??= this.retrying(async (abortSignal) => {
      await this.container.createIfNotExists({ abortSignal });
    }).catch((error: unknown) => {
      this.containerReady = undefined;
      throw unavailable('create the container for', key, error);
    });
    return this.containerReady;
  }

  private async eTagIfWrittenBy(
    blob: BlockBlobClient,
    writeId: string,
  ): Promise<string | undefined> {
    try {
      const properties = await this.retrying((abortSignal) => blob.getProperties({ abortSignal }));
      return properties.metadata?.writeid === writeId ? properties.etag : undefined;
    } catch {
      return undefined;
    }
  }

  private async exists(blob: BlockBlobClient): Promise<boolean> {
    try {
      return await this.retrying((abortSignal) => blob.exists({ abortSignal }));
    } catch (error) {
      throw unavailable('check', blob.name, error);
    }
  }

  private itemBlob(key: string): BlockBlobClient {
    return this.blobFor(ITEMS, key);
  }

  private blobFor(folder: string, key: string): BlockBlobClient {
    const name = folder + keyToBlobPath(key);
    if (name.length > MAX_BLOB_NAME) {
      throw new RangeError(`A state key must encode to at most ${MAX_BLOB_NAME} characters.`);
    }
    return this.container.getBlockBlobClient(name);
  }

  private retrying<T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return retryTransient(this.budgetMs, work);
  }
}

/** Azure's container naming rule (config validation can use it too). */
function isValidContainerName(name: string): boolean {
  return /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
}

function isConditionFailure(error: unknown): boolean {
  const code = storageCodeOf(error);
  return code === 'ConditionNotMet' || code === 'BlobAlreadyExists';
}

async function readText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function serialise(value: unknown, key: string): string {
  if (value === undefined) {
    throw new RangeError(`The value for "${key}" is undefined; delete the key instead.`);
  }
  return JSON.stringify(value);
}

import type { RecordedRequest } from './simulator-options';

// Bounded, so a simulator left running for days does not grow without limit.
const MAX_ENTRIES = 10_000;
const CREDENTIAL_PARAMS =
  /([?&](?:client_secret|client_assertion|access_token|code|password)=)[^&]*/gi;

/** Never log a credential, even one a client wrongly put in a query string. */
function redactPath(path: string): string {
  return path.replace(CREDENTIAL_PARAMS, '$1[redacted]');
}

/** The log of requests received, for tests to assert on what the product sent. */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  add(entry: RecordedRequest): void {
    this.entries.push({ ...entry, path: redactPath(entry.path) });
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Copies in arrival order (entries are added when answered, so a slow one lands late). */
  list(): RecordedRequest[] {
    return [...this.entries]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ ...e, ...(e.batch ? { batch: e.batch.map((i) => ({ ...i })) } : {}) }));
  }

  clear(): void {
    this.entries = [];
  }
}

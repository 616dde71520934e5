/** Public types of the simulator; the product's composition roots and tests code against these. */

export interface SimulatorOptions {
  /** Scenario to load at start; default 'demo'. */
  scenario?: string;
  /** Port to bind on 127.0.0.1; default 0 (ephemeral). */
  port?: number;
  /** Added to every Entra and Graph response; default 0. */
  latencyMs?: number;
  /** Max items per collection page before @odata.nextLink; default: the scenario's, else 100. */
  pageSize?: number;
  faults?: FaultSettings;
  /** Seeds the fault RNG so runs are reproducible. */
  seed?: number;
  /** Clock for token exp/iat and scenario dates; default real time. */
  now?: () => Date;
}

/** Each probability is 0..1, rolled per Graph request (and per item inside $batch where it fits). */
export interface FaultSettings {
  /** 429 with Retry-After and Graph's TooManyRequests body. */
  throttle?: number;
  /** Retry-After seconds for throttle and unavailable; default 1. */
  retryAfterSeconds?: number;
  /** 503 with Retry-After. */
  unavailable?: number;
  /** Delays the response by slowMs, past the client's timeout. */
  slow?: number;
  /** Default 15000. */
  slowMs?: number;
  /** Destroys the socket without answering. */
  reset?: number;
  /** 200 with a truncated JSON body. */
  malformed?: number;
  /** Apply the same faults to the token endpoint too; default false. */
  entra?: boolean;
  /**
   * Deterministic write failures (POST/PATCH/PUT/DELETE outside `$batch`): after letting
   * `failWritesAfter` writes through (default 0), the next `failWrites` writes answer 503 with
   * Retry-After — a Graph outage in the middle of a series of grants.
   */
  failWrites?: number;
  failWritesAfter?: number;
}

export type FaultKind = 'throttle' | 'unavailable' | 'slow' | 'reset' | 'malformed';

export interface RecordedBatchItem {
  id: string;
  method: string;
  url: string;
  status: number;
  fault?: FaultKind;
}

export interface RecordedRequest {
  /** Arrival order. */
  seq: number;
  method: string;
  /** Path including the query string (credential-bearing query parameters are redacted). */
  path: string;
  area: 'entra' | 'graph' | 'consent' | 'other';
  startMs: number;
  endMs: number;
  /** 0 when the socket was destroyed without an answer. */
  status: number;
  fault?: FaultKind;
  /** Token requests: the client_id sent; Graph requests: the caller's appid from its token. */
  clientId?: string;
  /** For $batch: the items as sent, with the status each got. */
  batch?: RecordedBatchItem[];
}

export interface ScenarioInfo {
  name: string;
  description: string;
  tenantId: string;
  domain: string;
  /** The bot's own Graph identity (GRAPH_CLIENT_ID). */
  inspectorClientId: string;
  /** appIds of the app registrations named PCEmail (none, one, or several). */
  pcemailAppIds: string[];
  mailboxes: string[];
  outOfScopeMailbox?: string;
  /** Page size the scenario asks for when SimulatorOptions.pageSize is not given. */
  pageSize?: number;
  /**
   * What the scenario is built to show, as check id (or `mailbox.access:<address>`) → status.
   * Only the primary findings; checks skipped as a consequence are not listed.
   */
  intent: Record<string, 'warn' | 'fail'>;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:43123; both GRAPH_ENDPOINT and AUTHORITY_HOST point here. */
  readonly url: string;
  /** The scenario currently loaded. */
  readonly scenario: ScenarioInfo;
  /** Env vars that point the product at this tenant. */
  productEnv(): Record<string, string>;
  /** Every Entra, Graph and consent request received (not the /_sim/ control calls). */
  requests(): RecordedRequest[];
  clearRequests(): void;
  setFaults(f: FaultSettings): void;
  setLatency(ms: number): void;
  /** Replace tenant state with a fresh copy of a scenario. */
  load(scenario: string): void;
  close(): Promise<void>;
}

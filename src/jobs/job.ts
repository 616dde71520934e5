/** A scheduled piece of work (secret-expiry reminders, ingestion sweep, consent re-checks). */
export interface Job {
  name: string;
  /** Runs once; the caller holds the job's lease. Returns what it did, for logs and the endpoint. */
  run(): Promise<JobReport>;
}

export interface JobReport {
  /** True when the job ran; false when another instance held its lease. */
  ran: boolean;
  summary: string;
  details?: Record<string, unknown>;
}

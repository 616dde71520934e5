/** A scheduled piece of work (secret-expiry reminders, ingestion sweep, consent re-checks). */
export interface Job {
  name: string;
  /**
   * Runs once; the caller holds the job's lease. Returns what it did, for logs and the endpoint.
   * `trigger.slot`: the scheduled time this run is for, so instances run each slot once.
   */
  run(trigger?: JobTrigger): Promise<JobReport>;
}

export interface JobTrigger {
  /** ISO time of the schedule slot (in-process schedules); absent for external calls. */
  slot?: string;
}

export interface JobReport {
  /** True when the job ran; false when another instance held its lease. */
  ran: boolean;
  summary: string;
  details?: Record<string, unknown>;
}

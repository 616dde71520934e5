/**
 * What the chat commands show and check about notifications (schedules, thresholds, watched apps):
 * facts the notification jobs own, built by `monitor/build-monitor.ts` and read by `bot/`.
 */
export interface NotificationFacts {
  watchedApps: string[];
  reminderDays: number[];
  schedules: { secretExpiry?: string; ingestion?: string; digest?: string; timezone: string };
  mailboxCount: number;
  backlogMinutes: number;
  externalJobs: boolean;
}

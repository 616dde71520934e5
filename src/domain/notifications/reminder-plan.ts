import type { AppRegistration } from '../tenant-snapshot';
import type { CredentialView } from './credential-view';

const DAY_MS = 86_400_000;

/** A client secret or certificate of a watched app with its end date: what reminders are about. */
export interface WatchedCredential {
  appId: string;
  appName: string;
  credential: CredentialView;
  end: number;
}

/** What one channel was told about one credential. */
export interface ReminderRecord {
  /** The most severe threshold (fewest days) posted so far. */
  threshold?: number;
  sentAt?: string;
  activityId?: string;
  pending?: { token: string; at: string };
}

/** Every credential of the apps that has an end date (certificates count like secrets). */
export function watchedCredentials(apps: readonly AppRegistration[]): WatchedCredential[] {
  return apps.flatMap((app) => {
    const all = [
      ...app.passwordCredentials.map((c) => ({ kind: 'secret' as const, ...c })),
      ...app.keyCredentials.map((c) => ({ kind: 'certificate' as const, ...c, hint: null })),
    ];
    return all.flatMap((c) => {
      const end = c.endDateTime ? Date.parse(c.endDateTime) : Number.NaN;
      if (Number.isNaN(end) || !c.endDateTime) return [];
      const credential: CredentialView = {
        kind: c.kind,
        keyId: c.keyId,
        displayName: c.displayName,
        hint: c.hint,
        endDateTime: c.endDateTime,
      };
      return [{ appId: app.appId, appName: app.displayName, credential, end }];
    });
  });
}

/**
 * The most severe threshold crossed (`end - now <= days`), or undefined when none is. A threshold
 * of 0 is "on expiry". Thresholds crossed while nobody looked collapse into the most severe one.
 */
export function crossedThreshold(
  end: number,
  now: number,
  thresholds: readonly number[],
): number | undefined {
  const crossed = thresholds.filter((days) => end - now <= days * DAY_MS);
  return crossed.length === 0 ? undefined : Math.min(...crossed);
}

/** Whole days left, as the checks count them; negative once expired. */
export function daysLeft(end: number, now: number): number {
  return end > now ? Math.floor((end - now) / DAY_MS) : -Math.floor((now - end) / DAY_MS);
}

/** A credential of the same app that ends later (a replacement exists); the latest such one. */
export function newerCredential(
  target: WatchedCredential,
  all: readonly WatchedCredential[],
): WatchedCredential | undefined {
  return all
    .filter(
      (c) =>
        c.appId === target.appId &&
        c.credential.keyId !== target.credential.keyId &&
        c.end > target.end,
    )
    .sort((a, b) => b.end - a.end)[0];
}

/**
 * The threshold to post in one channel now, or undefined: nothing crossed, this threshold (or a more
 * severe one) already posted there, or snoozed there. A channel that subscribed later has no record,
 * so it gets the current threshold once.
 */
export function reminderDue(
  credential: WatchedCredential,
  now: number,
  thresholds: readonly number[],
  record: ReminderRecord | undefined,
  snoozedUntil: string | undefined,
): number | undefined {
  const threshold = crossedThreshold(credential.end, now, thresholds);
  if (threshold === undefined) return undefined;
  if (record?.threshold !== undefined && record.threshold <= threshold) return undefined;
  if (snoozedUntil && Date.parse(snoozedUntil) > now) return undefined;
  return threshold;
}

export function reminderKey(ledgerPrefix: string, credential: WatchedCredential): string {
  return `${ledgerPrefix}reminders/${credential.appId}/${credential.credential.keyId}`;
}

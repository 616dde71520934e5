/** How long Snooze on a secret-expiry reminder silences one credential in one channel. */
export const SNOOZE_DAYS = 7;

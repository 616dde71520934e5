import type { CredentialView } from './credential-view';

/** What one secret-expiry reminder shows (rendered by cards/notifications/secret-reminder-card.ts). */
export interface SecretReminderView {
  appName: string;
  appId: string;
  credential: CredentialView;
  /** Whole days left (negative once expired). */
  daysLeft: number;
  expired: boolean;
  /** A credential of the same app that ends later, when there is one. */
  newer?: CredentialView;
  simulated: boolean;
  /** Set when someone snoozed it in this channel (the card as the Snooze click answers). */
  snoozed?: { until: string; by: string };
  /** A line for the person who clicked (e.g. why Snooze was refused). */
  notice?: string;
  /** "last used …", "not used in the last 30 days", or why that is unknown (sign-in logs). */
  usage?: string;
  /** PCEmail's own secret: the card offers Rotate now (the guided rotation's dialog). */
  rotatable?: boolean;
  /** CONSENT_MODE=delegated: Rotate now signs the approver in (an Action.Execute). */
  rotateWithSignIn?: boolean;
}

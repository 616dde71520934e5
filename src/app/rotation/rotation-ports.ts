import type { ErrorInfo } from '../../domain';
import type { RotationPerson, UsageFacts } from '../../domain/rotation';
import type { Logger } from '../../logger';
import type { StateStore } from '../../store/state-store';

export type PortWrite<T> =
  { ok: true; value: T; requestId?: string } | { ok: false; error: ErrorInfo };

/** Adds and removes client secrets (tenant/password-writer.ts). */
export interface PasswordPort {
  add(
    appId: string,
    input: { displayName: string; endDateTime: string },
  ): Promise<PortWrite<{ keyId: string; hint: string; endDateTime: string; secretText: string }>>;
  remove(appId: string, keyId: string): Promise<PortWrite<{ alreadyGone: boolean }>>;
}

/** Writes the new value where the bot reads PCEmail's secret (tenant/key-vault-writer.ts). */
export interface SecretVaultPort {
  write(value: string): Promise<{ ok: true } | { ok: false; message: string; requestId?: string }>;
}

/** What a rotation needs from the outside world. */
export interface RotationPorts {
  store: StateStore;
  now: () => Date;
  logger: Logger;
  /** Entra object ids of APPROVERS. */
  approvers: readonly string[];
  secretMonths: number;
  quietHours: number;
  /** Last use of each credential from the sign-in logs. */
  usage(appId: string, keyIds: readonly string[]): Promise<UsageFacts>;
  /** The key ids of the app's client secrets now (the re-check after a removal). */
  secretKeyIds(
    appId: string,
  ): Promise<{ ok: true; keyIds: string[] } | { ok: false; message: string }>;
  /** PCEmail's appId (PCEMAIL_APP_ID, or the one registration named PCEMAIL_APP_NAME); only it is rotated. */
  pcemailAppId(): Promise<string | undefined>;
  /** The app's client secrets now, as Entra describes them (never their values). */
  secrets(
    appId: string,
  ): Promise<{ ok: true; secrets: SecretFact[] } | { ok: false; message: string }>;
  /** Days before expiry when reminders start (EXPIRY_REMINDER_DAYS): Rotate now is offered inside. */
  reminderWindowDays: number;
  /** The writer acting with the bot's Application.ReadWrite.OwnedBy. */
  passwords: PasswordPort;
  /**
   * CONSENT_MODE=delegated: the approver's Teams sign-in exchanged on-behalf-of for delegated
   * Application.ReadWrite.All, and a writer acting with it; the bot's own writer is not used then.
   */
  delegated?: {
    exchange(userToken: string): Promise<ApproverRights>;
    writerFor(accessToken: string): PasswordPort;
  };
  /** Set when PCEMAIL_SECRET_KEYVAULT_URL is. */
  vault?: SecretVaultPort;
}

export type ApproverRights =
  | { ok: true; accessToken: string }
  | { ok: false; failure: { kind: string; message: string; correlationId?: string } };

export interface SecretFact {
  keyId: string;
  displayName: string | null;
  hint: string | null;
  endDateTime?: string;
}

export interface RotationActor extends RotationPerson {
  aadObjectId?: string;
}

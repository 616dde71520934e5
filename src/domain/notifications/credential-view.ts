/** A client secret or certificate as a reminder shows it (no secret value, at most a hint). */
export interface CredentialView {
  kind: 'secret' | 'certificate';
  keyId: string;
  displayName: string | null;
  /** First characters of a secret's value (never more); null for certificates. */
  hint: string | null;
  endDateTime: string;
}

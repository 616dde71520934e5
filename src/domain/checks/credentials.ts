import type { AppRegistration } from '../tenant-snapshot';
import { formatDate } from './judge-context';

/** A client secret or a certificate of the app registration; both let PCEmail sign in. */
export interface Credential {
  kind: 'secret' | 'certificate';
  keyId: string;
  displayName: string | null;
  /** First characters of a secret's value, as Entra shows them; null for certificates. */
  hint: string | null;
  start?: number;
  end?: number;
}

export function credentialsOf(app: AppRegistration): Credential[] {
  return [
    ...app.passwordCredentials.map((c) => ({
      kind: 'secret' as const,
      keyId: c.keyId,
      displayName: c.displayName,
      hint: c.hint,
      ...times(c.startDateTime, c.endDateTime),
    })),
    ...app.keyCredentials.map((c) => ({
      kind: 'certificate' as const,
      keyId: c.keyId,
      displayName: c.displayName,
      hint: null,
      ...times(c.startDateTime, c.endDateTime),
    })),
  ];
}

/** `secret "Emplifi" (starts with "abc", ends 2025-03-01)`, as the Certificates & secrets blade lists it. */
export function describeCredential(c: Credential): string {
  const end = c.end === undefined ? 'no end date' : `ends ${formatDate(c.end)}`;
  return nameWith(c, c.hint ? [`starts with "${c.hint}"`, end] : [end]);
}

/** `secret "Emplifi" (starts with "abc")`, for sentences that state the end date themselves. */
export function nameCredential(c: Credential): string {
  return nameWith(c, c.hint ? [`starts with "${c.hint}"`] : []);
}

function nameWith(c: Credential, facts: string[]): string {
  const name = c.displayName ? `"${c.displayName}"` : `with ID ${c.keyId}`;
  return facts.length === 0 ? `${c.kind} ${name}` : `${c.kind} ${name} (${facts.join(', ')})`;
}

function times(start: string | null, end: string | null): { start?: number; end?: number } {
  const s = start === null ? Number.NaN : Date.parse(start);
  const e = end === null ? Number.NaN : Date.parse(end);
  return { ...(Number.isNaN(s) ? {} : { start: s }), ...(Number.isNaN(e) ? {} : { end: e }) };
}

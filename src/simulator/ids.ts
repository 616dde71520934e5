import { createHash } from 'node:crypto';

/*
 * Deterministic identifiers and fake secrets. Everything is derived from a fixed seed plus a label,
 * so a scenario is identical on every run and on every machine, and no real secret is ever stored.
 */
const SEED = 'pcemail-ops-simulator/v1';

function digest(label: string): Buffer {
  return createHash('sha256').update(`${SEED}:${label}`).digest();
}

/** A GUID (version 4 layout) derived from the label. */
export function guidFor(label: string): string {
  const bytes = Buffer.from(digest(label).subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~';
const HINT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A client-secret value shaped like Entra's: 40 characters, three hint characters, a digit, then
 * "Q~" and 34 more characters. Fake by construction (derived from a label), never a real secret.
 */
export function secretFor(label: string): string {
  const bytes = Buffer.concat([digest(`secret:${label}`), digest(`secret2:${label}`)]);
  const pick = (alphabet: string, i: number): string =>
    alphabet.charAt((bytes[i] ?? 0) % alphabet.length);
  let value = '';
  for (let i = 0; i < 3; i++) value += pick(HINT_ALPHABET, i);
  value += String((bytes[3] ?? 0) % 10) + 'Q~';
  for (let i = 0; i < 34; i++) value += pick(SECRET_ALPHABET, i + 4);
  return value;
}

/** An opaque base64url id (appRoleAssignment and oauth2PermissionGrant ids look like this). */
export function opaqueIdFor(label: string, length = 43): string {
  const raw = Buffer.concat([digest(label), digest(`more:${label}`)]);
  return raw.toString('base64url').slice(0, length);
}

/** An Exchange-style item id ("AAMkAG…="), used for mail folders and messages. */
export function exchangeIdFor(label: string): string {
  return `AAMkAG${Buffer.concat([digest(label), digest(`x:${label}`)])
    .toString('base64url')
    .slice(0, 80)}AAA=`;
}

/** A short stable fingerprint, e.g. to tie a skip token to the collection it came from. */
export function fingerprint(text: string): string {
  return digest(`fp:${text}`).toString('base64url').slice(0, 10);
}

/** A number in [0, modulo) derived from the label, for deterministic variety in scenario data. */
export function pickFor(label: string, modulo: number): number {
  return digest(`pick:${label}`).readUInt32BE(0) % modulo;
}

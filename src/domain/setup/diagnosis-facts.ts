import type { CheckResult } from '../check-result';
import { isGuid } from '../guid';
import type { TenantFacts } from './wizard-state';

/** A client secret or certificate as the checks describe it: never its value. */
export interface CredentialSummary {
  kind: 'secret' | 'certificate';
  /** Its description in Entra, or its key ID. */
  name: string;
  /** The first characters of a secret's value, as Entra shows them. */
  hint?: string;
  /** "2026-12-31", or undefined when Entra reports none. */
  expires?: string;
}

/*
 * The checks state these facts in their detail texts (src/domain/checks/registration.ts and
 * credentials.ts word them); the summary reads them back from there rather than asking Graph again.
 * test/domain/setup/diagnosis-facts.test.ts runs diagnose() and reads them, so a rewording shows up.
 */
const APP_ID = /\(appId ([0-9a-f-]{36})\b/i;
const OBJECT_ID = /\(object ID ([0-9a-f-]{36})\)/i;
const CREDENTIAL =
  /\b(secret|certificate) (?:"([^"]*)"|with ID ([0-9a-f-]{36}))(?: \((?:starts with "([^"]*)"(?:, )?)?(?:ends (\d{4}-\d{2}-\d{2})|no end date)?\))?/gi;

/** The App ID, the enterprise application's object ID and the mailboxes a diagnosis shows. */
export function factsFromChecks(checks: readonly CheckResult[]): TenantFacts {
  const registered = checks.find((c) => c.id === 'app.registered' && c.status === 'pass');
  const principal = checks.find((c) => c.id === 'app.service-principal' && c.status !== 'skip');
  const appId = registered ? APP_ID.exec(registered.detail)?.[1] : undefined;
  const servicePrincipalId = principal ? OBJECT_ID.exec(principal.detail)?.[1] : undefined;
  const mailboxes = checks
    .filter((c) => c.id === 'mailbox.access' && c.target !== undefined)
    .map((c) => c.target as string);
  return {
    ...(appId !== undefined && isGuid(appId) ? { appId: appId.toLowerCase() } : {}),
    ...(servicePrincipalId !== undefined && isGuid(servicePrincipalId)
      ? { servicePrincipalId: servicePrincipalId.toLowerCase() }
      : {}),
    ...(mailboxes.length > 0 ? { mailboxes } : {}),
  };
}

/** The credentials `secret.present` lists, with hint and end date. */
export function credentialsFromChecks(checks: readonly CheckResult[]): CredentialSummary[] {
  const present = checks.find((c) => c.id === 'secret.present' && c.status === 'pass');
  if (!present) return [];
  const found: CredentialSummary[] = [];
  for (const m of present.detail.matchAll(CREDENTIAL)) {
    const [, kind, name, keyId, hint, expires] = m;
    found.push({
      kind: kind?.toLowerCase() === 'certificate' ? 'certificate' : 'secret',
      name: name ?? keyId ?? '',
      ...(hint ? { hint } : {}),
      ...(expires ? { expires } : {}),
    });
  }
  return found;
}

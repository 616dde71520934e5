/** How far back the sign-in logs are read for "last used" (Entra keeps them 30 days with P1/P2). */
export const SIGN_IN_WINDOW_DAYS = 30;

/** Per credential: the last sign-in with it, or none within the window. */
export interface CredentialUse {
  keyId: string;
  lastUsed?: string;
}

/** What is known about the use of PCEmail's credentials. */
export type UsageFacts =
  | { known: true; uses: CredentialUse[]; windowDays: number }
  | { known: false; reason: 'no-licence' | 'no-permission' | 'unavailable'; requestId?: string };

/** "last used 2 Dec 2026, 14:00 UTC" or "not used in the last 30 days"; undefined when unknown. */
export function usagePhrase(
  facts: UsageFacts,
  keyId: string,
  format: (iso: string) => string,
): string | undefined {
  if (!facts.known) return undefined;
  const use = facts.uses.find((u) => u.keyId === keyId);
  if (!use) return undefined;
  return use.lastUsed
    ? `last used ${format(use.lastUsed)}`
    : `not used in the last ${facts.windowDays} days`;
}

/** Said once, plainly, when the sign-in logs cannot be read; everything else carries on. */
export function unknownUsageNote(facts: UsageFacts): string | undefined {
  if (facts.known) return undefined;
  const id = facts.requestId ? ` (Graph request id ${facts.requestId})` : '';
  switch (facts.reason) {
    case 'no-licence':
      return `Which secret Emplifi Agent uses is not shown: reading sign-in logs needs a Microsoft Entra ID P1 or P2 licence, and this tenant has none${id}.`;
    case 'no-permission':
      return `Which secret Emplifi Agent uses is not shown: PCEmail Ops may not read sign-in logs (give its app AuditLog.Read.All, see docs/DEPLOYMENT.md)${id}.`;
    default:
      return `Which secret Emplifi Agent uses is not shown: the sign-in logs could not be read just now${id}.`;
  }
}

import type { CredentialSummary, Diagnosis } from '../check-result';
import type { TenantFacts } from './wizard-state';

export type { CredentialSummary } from '../check-result';

/** The App ID, the enterprise application's object ID and the mailboxes a diagnosis used. */
export function factsFromDiagnosis(diagnosis: Diagnosis): TenantFacts {
  const mailboxes = diagnosis.checks
    .filter((c) => c.id === 'mailbox.access' && c.target !== undefined)
    .map((c) => c.target as string);
  return {
    ...(diagnosis.facts?.appId ? { appId: diagnosis.facts.appId } : {}),
    ...(diagnosis.facts?.servicePrincipalId
      ? { servicePrincipalId: diagnosis.facts.servicePrincipalId }
      : {}),
    ...(mailboxes.length > 0 ? { mailboxes } : {}),
  };
}

/** PCEmail's secrets and certificates (hint and end date, never a value). */
export function credentialsFromDiagnosis(diagnosis: Diagnosis): CredentialSummary[] {
  return diagnosis.facts?.credentials ?? [];
}

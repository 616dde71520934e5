import { unknownUsageNote, usagePhrase, type UsageFacts } from '../../domain/rotation';
import { actionSet, column, columnSet, textBlock, type CardElement } from '../adaptive-card';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { rotateNowAction } from './rotation-verbs';

export interface SecretUsageRow {
  keyId: string;
  displayName: string | null;
  hint: string | null;
  endDateTime?: string;
  /** Inside the reminder window: the row offers Rotate now. */
  rotateOffered: boolean;
}

export interface SecretUsageView {
  appId: string;
  secrets: SecretUsageRow[];
  usage: UsageFacts;
  /** CONSENT_MODE=delegated: Rotate now signs the approver in (an Action.Execute). */
  signIn?: boolean;
}

/** The check card's per-secret rows: which secret Emplifi Agent uses, and Rotate now where due. */
export function secretUsageSection(view: SecretUsageView): CardElement[] {
  if (view.secrets.length === 0) return [];
  const note = unknownUsageNote(view.usage);
  const rows = view.secrets.map((secret) => {
    const name = secret.displayName ? `"${plainText(secret.displayName, 80)}"` : 'without a name';
    const hint = secret.hint ? `, starts with "${plainText(secret.hint, 3)}"` : '';
    const ends = secret.endDateTime ? `, ends ${formatUtc(secret.endDateTime)}` : '';
    const used = usagePhrase(view.usage, secret.keyId, formatUtc);
    const items: CardElement[] = [
      textBlock(`Secret ${name}${hint}${ends}`),
      ...(used ? [textBlock(used, { isSubtle: true, size: 'small', spacing: 'none' })] : []),
    ];
    const buttons = secret.rotateOffered
      ? [actionSet([rotateNowAction(view.appId, secret.keyId, 'Rotate now', view.signIn)])]
      : [];
    return columnSet([column([...items, ...buttons], { width: 'stretch' })], { spacing: 'small' });
  });
  return [
    textBlock('Secrets in use', { weight: 'bolder', separator: true, spacing: 'medium' }),
    ...(note ? [textBlock(note, { isSubtle: true, size: 'small', spacing: 'small' })] : []),
    ...rows,
  ];
}

/** The reminder's line for one credential: its last use, or (the same note as the check card) why unknown. */
export function usageLine(usage: UsageFacts, keyId: string): string | undefined {
  return (
    usagePhrase(usage, keyId.toLowerCase(), formatUtc)?.replace(/^./, (c) => c.toUpperCase()) ??
    unknownUsageNote(usage)
  );
}

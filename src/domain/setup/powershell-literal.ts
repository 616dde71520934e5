import { describeUnsafeText } from './unsafe-text';
import { ErrorCode, ProductError } from '../product-error';

/**
 * A PowerShell verbatim (single-quoted) string literal: nothing inside it is expanded, and the only
 * character that ends it is a single quote, written twice to stand for itself. The value must
 * already have passed `describeUnsafeText`: PowerShell also ends the literal at the typographic
 * quotes ‘ ’ ‚ ‛, which that check refuses.
 */
export function quotePowerShell(value: string): string {
  if (describeUnsafeText(value) !== undefined) {
    throw new ProductError({
      code: ErrorCode.Internal,
      message: 'quotePowerShell was given a value that describeUnsafeText refuses',
    });
  }
  return `'${value.replace(/'/g, "''")}'`;
}

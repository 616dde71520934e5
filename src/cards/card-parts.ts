import type { CheckStatus } from '../domain/check-result';
import { textBlock, type CardElement, type TextBlock, type TextColor } from './adaptive-card';
import { plainText } from './plain-text';

export interface TenantView {
  id: string;
  mode: 'live' | 'simulated';
}

const SIMULATED_RESULTS_BANNER =
  'Simulated tenant — these results come from the built-in simulator, not your Microsoft 365 tenant';

export const SIMULATED_BOT_BANNER =
  'Simulated tenant — this bot talks to its built-in simulator, not your Microsoft 365 tenant; ' +
  'a real tenant needs TENANT_ID.';

/** A word, never a colour or icon alone (colour-blind and screen-reader users). */
export const STATUS_WORD: Record<CheckStatus, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: 'SKIP',
};

export const STATUS_COLOR: Record<CheckStatus, TextColor> = {
  pass: 'good',
  warn: 'warning',
  fail: 'attention',
  skip: 'default',
};

/** `text` is ours; outside parts of it must already have gone through `plainText`. */
export function cardTitle(text: string): TextBlock {
  return textBlock(text, { size: 'large', weight: 'bolder' });
}

export function simulatedBanner(text: string): TextBlock {
  return textBlock(text, { color: 'warning', weight: 'bolder' });
}

/** The simulated banner (results wording) when simulated, then the tenant id. */
export function tenantBlocks(tenant: TenantView): CardElement[] {
  const simulated = tenant.mode === 'simulated';
  const line = textBlock(`Tenant: ${plainText(tenant.id, 80)}${simulated ? ' (simulated)' : ''}`, {
    isSubtle: true,
    spacing: 'small',
  });
  return simulated ? [simulatedBanner(SIMULATED_RESULTS_BANNER), line] : [line];
}

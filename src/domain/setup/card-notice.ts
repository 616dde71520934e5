/** A message shown at the top of a wizard card (a refusal, or checks that could not run). */
export interface CardNotice {
  tone: 'info' | 'warning' | 'error';
  lines: string[];
}

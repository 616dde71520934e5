import type { RestrictionPlan } from '../../domain/setup';
import { textBlock, textInput, type CardElement } from '../adaptive-card';
import { plainText } from '../plain-text';

/**
 * The commands sit in read-only-looking multi-line inputs: an input's value is shown as typed, with
 * no markdown, so what the admin copies is exactly what was generated (a TextBlock would need
 * escapes that some Teams clients show literally).
 */
export function restrictionBlocks(plan: RestrictionPlan): CardElement[] {
  if (plan.kind === 'missing') {
    return [textBlock(plainText(plan.reason, 400), { isSubtle: true, spacing: 'medium' })];
  }
  if (plan.kind === 'refused') {
    return [
      textBlock('I did not write the commands, because a value could break out of its argument:', {
        color: 'attention',
        weight: 'bolder',
        spacing: 'medium',
      }),
      ...plan.problems.map((p) =>
        textBlock(plainText(p.message, 400), { color: 'attention', spacing: 'small' }),
      ),
    ];
  }
  const { scripts } = plan;
  return [
    textBlock('Option A, recommended by Microsoft: RBAC for Applications', {
      weight: 'bolder',
      spacing: 'large',
      separator: true,
    }),
    scripts.rbac === undefined
      ? textBlock(plainText(scripts.rbacUnavailable ?? 'Not available yet.', 400), {
          isSubtle: true,
        })
      : scriptInput(
          'script.rbac',
          'RBAC for Applications commands (copy them; edits here change nothing)',
          scripts.rbac,
        ),
    textBlock('Option B, as on the vendor’s page: Application Access Policy', {
      weight: 'bolder',
      spacing: 'large',
    }),
    scriptInput(
      'script.accessPolicy',
      'Application Access Policy commands (copy them; edits here change nothing)',
      scripts.accessPolicy,
    ),
  ];
}

function scriptInput(id: string, label: string, script: string): CardElement {
  return textInput(id, { label, value: script, isMultiline: true, spacing: 'small' });
}

import type { CardNotice } from '../../domain/setup/card-notice';
import type { WizardCardRef } from '../../domain/setup';
import {
  container,
  executeAction,
  textBlock,
  type CardElement,
  type ExecuteAction,
  type TextColor,
} from '../adaptive-card';
import { CARD_VERBS } from '../card-verbs';
import { plainText } from '../plain-text';

export const SETUP_VERBS = CARD_VERBS.setup;

export type SetupVerb = (typeof SETUP_VERBS)[keyof typeof SETUP_VERBS];

export type { CardNotice };

const TONE_COLOR: Record<CardNotice['tone'], TextColor> = {
  info: 'default',
  warning: 'warning',
  error: 'attention',
};

/** Every line may hold outside text (Graph's words, the admin's input), so all go through plainText. */
export function noticeBlock(notice: CardNotice): CardElement {
  return container(
    notice.lines.map((line, i) =>
      textBlock(plainText(line, 600), {
        color: TONE_COLOR[notice.tone],
        ...(i === 0 ? { weight: 'bolder' as const } : { spacing: 'small' as const }),
      }),
    ),
    {
      style:
        notice.tone === 'error' ? 'attention' : notice.tone === 'warning' ? 'warning' : 'emphasis',
      spacing: 'medium',
    },
  );
}

/** An Action.Execute of the wizard: it carries the card's wizard and step, nothing else. */
export function wizardAction(
  title: string,
  verb: SetupVerb,
  ref: WizardCardRef,
  options: Omit<ExecuteAction, 'type' | 'title' | 'verb' | 'data'> = {},
): ExecuteAction {
  return executeAction(title, verb, { wizardId: ref.wizardId, step: ref.step }, options);
}

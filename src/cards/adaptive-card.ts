/**
 * Small builders for the Adaptive Card 1.5 types in `adaptive-card-types.ts` (re-exported here,
 * so cards import one module).
 */

import {
  CARD_SCHEMA,
  CARD_VERSION,
  type TextBlock,
  type Column,
  type ColumnSet,
  type Container,
  type Fact,
  type FactSet,
  type ActionSet,
  type TextInput,
  type TextRun,
  type RichTextBlock,
  type CardElement,
  type ExecuteAction,
  type OpenUrlAction,
  type ShowCardAction,
  type CommandAction,
  type ToggleVisibilityAction,
  type CardAction,
  type NestedCard,
  type AdaptiveCard,
} from './adaptive-card-types';
import { COMMAND_FIELD } from './card-verbs';
import { speakSettings } from './operator-settings';

export * from './adaptive-card-types';

/** Every card: operator settings are named in words, with one footnote saying who sets them. */
export function adaptiveCard(content: {
  body: CardElement[];
  actions?: CardAction[];
  fallbackText?: string;
  refresh?: AdaptiveCard['refresh'];
}): AdaptiveCard {
  return speakSettings({
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: content.body,
    ...(content.actions && content.actions.length > 0 ? { actions: content.actions } : {}),
    ...(content.fallbackText ? { fallbackText: content.fallbackText } : {}),
    ...(content.refresh ? { refresh: content.refresh } : {}),
    // Full width: result rows with a status column are cramped in Teams' default bubble.
    msteams: { width: 'Full' },
  });
}

/** Wraps by default: a truncated detail or fix hides exactly what the admin needs. */
export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function richTextBlock(
  inlines: TextRun[],
  options: Omit<RichTextBlock, 'type' | 'inlines'> = {},
): RichTextBlock {
  return { type: 'RichTextBlock', inlines, ...options };
}

export function textRun(text: string, options: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text, ...options };
}

export function container(
  items: CardElement[],
  options: Omit<Container, 'type' | 'items'> = {},
): Container {
  return { type: 'Container', items, ...options };
}

export function column(items: CardElement[], options: Omit<Column, 'type' | 'items'> = {}): Column {
  return { type: 'Column', items, ...options };
}

export function columnSet(
  columns: Column[],
  options: Omit<ColumnSet, 'type' | 'columns'> = {},
): ColumnSet {
  return { type: 'ColumnSet', columns, ...options };
}

export function factSet(facts: Fact[], options: Omit<FactSet, 'type' | 'facts'> = {}): FactSet {
  return { type: 'FactSet', facts, ...options };
}

export function actionSet(
  actions: CardAction[],
  options: Omit<ActionSet, 'type' | 'actions'> = {},
): ActionSet {
  return { type: 'ActionSet', actions, ...options };
}

export function textInput(id: string, options: Omit<TextInput, 'type' | 'id'> = {}): TextInput {
  return { type: 'Input.Text', id, ...options };
}

export function executeAction(
  title: string,
  verb: string,
  data?: Record<string, unknown>,
  options: Omit<ExecuteAction, 'type' | 'title' | 'verb' | 'data'> = {},
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, ...(data ? { data } : {}), ...options };
}

export function openUrlAction(
  title: string,
  url: string,
  options: Omit<OpenUrlAction, 'type' | 'title' | 'url'> = {},
): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url, ...options };
}

/** A button that has the bot run `command` as if the user had typed it. */
export function commandAction(title: string, command: string): CommandAction {
  return {
    type: 'Action.Submit',
    title,
    data: { [COMMAND_FIELD]: command },
    associatedInputs: 'none',
  };
}

export function toggleVisibilityAction(
  title: string,
  targetElements: string[],
): ToggleVisibilityAction {
  return { type: 'Action.ToggleVisibility', title, targetElements };
}

export function showCardAction(
  title: string,
  card: { body: CardElement[]; actions?: CardAction[] },
  options: Omit<ShowCardAction, 'type' | 'title' | 'card'> = {},
): ShowCardAction {
  const nested: NestedCard = {
    type: 'AdaptiveCard',
    body: card.body,
    ...(card.actions && card.actions.length > 0 ? { actions: card.actions } : {}),
  };
  return { type: 'Action.ShowCard', title, card: nested, ...options };
}

/**
 * The slice of Adaptive Cards 1.5 our cards use, typed, with small builders.
 * Teams renders up to 1.5 (docs/MICROSOFT.md, Teams); anything newer must not appear here.
 */

import { COMMAND_FIELD } from './card-verbs';

import { speakSettings } from './operator-settings';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'lighter' | 'default' | 'bolder';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type HorizontalAlignment = 'left' | 'center' | 'right';
export type VerticalAlignment = 'top' | 'center' | 'bottom';

interface ElementCommon {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

/** Rendered as (a subset of) markdown: pass every outside string through `plainText` first. */
export interface TextBlock extends ElementCommon {
  type: 'TextBlock';
  text: string;
  color?: TextColor;
  size?: TextSize;
  weight?: TextWeight;
  isSubtle?: boolean;
  wrap?: boolean;
  maxLines?: number;
  horizontalAlignment?: HorizontalAlignment;
  fontType?: 'default' | 'monospace';
}

export interface Column extends ElementCommon {
  type: 'Column';
  items: CardElement[];
  /** `auto`, `stretch`, a relative weight, or pixels such as `'60px'`. */
  width?: 'auto' | 'stretch' | number | `${number}px`;
  verticalContentAlignment?: VerticalAlignment;
  style?: ContainerStyle;
}

export interface ColumnSet extends ElementCommon {
  type: 'ColumnSet';
  columns: Column[];
}

export interface Container extends ElementCommon {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementCommon {
  type: 'FactSet';
  facts: Fact[];
}

export interface ActionSet extends ElementCommon {
  type: 'ActionSet';
  actions: CardAction[];
}

interface InputCommon extends ElementCommon {
  id: string;
  /** Teams reads it out and shows it above the input; required inputs need one. */
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputCommon {
  type: 'Input.Text';
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  maxLength?: number;
  regex?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface ChoiceSetInput extends InputCommon {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  style?: 'compact' | 'expanded' | 'filtered';
  isMultiSelect?: boolean;
  value?: string;
  placeholder?: string;
  wrap?: boolean;
}

/** Literal text: a TextRun is never read as markdown, so nothing in it needs escaping. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  fontType?: 'default' | 'monospace';
  weight?: TextWeight;
  isSubtle?: boolean;
  size?: TextSize;
}

export interface RichTextBlock extends ElementCommon {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export type CardElement =
  | TextBlock
  | RichTextBlock
  | ColumnSet
  | Container
  | FactSet
  | ActionSet
  | TextInput
  | ChoiceSetInput;

type ActionStyle = 'default' | 'positive' | 'destructive';

/** Teams sends it to the bot as an `adaptiveCard/action` invoke; the answer replaces the card. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: Record<string, unknown>;
  id?: string;
  style?: ActionStyle;
  associatedInputs?: 'auto' | 'none';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
  id?: string;
  style?: ActionStyle;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: NestedCard;
  id?: string;
  style?: ActionStyle;
}

/**
 * A button that runs a chat command: the client sends a message activity whose `value` is `data`,
 * and the bot runs `data.command` as if it had been typed. Plain Action.Submit data, because the
 * Agents Playground sends nothing for Teams' `msteams` messageBack/imBack data, while Teams and the
 * playground both send an object `data` as the message's value.
 */
export interface CommandAction {
  type: 'Action.Submit';
  title: string;
  data: { command: string };
  associatedInputs?: 'none';
}

/** Shows or hides the elements with these ids on the client; nothing is sent to the bot. */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
  id?: string;
}

/**
 * A plain Action.Submit: Teams posts its data to the bot; with `data.msteams.type` "task/fetch" it opens a dialog instead:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/task-modules/task-modules-bots
 */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data?: Record<string, unknown>;
  id?: string;
  style?: ActionStyle;
}

export type CardAction =
  | ExecuteAction
  | OpenUrlAction
  | ShowCardAction
  | ToggleVisibilityAction
  | CommandAction
  | SubmitAction;

/** The card inside an Action.ShowCard: no schema or version of its own. */
export interface NestedCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  /** Shown where the card cannot be (notification previews, old clients). */
  fallbackText?: string;
  /** Teams refreshes the card for these users (at most 60) by invoking `action`. */
  refresh?: { action: ExecuteAction; userIds?: string[] };
  msteams?: { width: 'Full' };
}

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

export function choiceSetInput(
  id: string,
  choices: Choice[],
  options: Omit<ChoiceSetInput, 'type' | 'id' | 'choices'> = {},
): ChoiceSetInput {
  return { type: 'Input.ChoiceSet', id, choices, ...options };
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

/**
 * The slice of Adaptive Cards 1.5 our cards use, typed. Teams renders up to 1.5
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference);
 * anything newer must not appear here. The builders are in `adaptive-card.ts`.
 */

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

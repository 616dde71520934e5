import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards';
import type { CardVerb } from '../../cards/card-verbs';

/** The data a card sent back, as it arrived: never trusted. */
export type CardData = Readonly<Record<string, unknown>>;

/** A card's data after its verb's parser: the typed value, or why it is refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** What the clicker is told when the card's data is unknown, tampered with or stale. */
export interface Refusal {
  title: string;
  lines: string[];
}

/**
 * One verb of the registry (`registerCardActions`): its parser runs first, and only a parsed value
 * reaches `run`. `execute` answers an Action.Execute (`adaptiveCard/action`) with the card for the
 * clicker (or '' when `run` already answered the invoke itself, e.g. with a sign-in request);
 * `dialog` answers a `task/fetch` and `dialog-submit` a `task/submit` (Action.Submit with
 * `msteams.type`).
 */
export type CardAction =
  | ActionOf<'execute', AdaptiveCard | ''>
  | ActionOf<'dialog', TaskModuleTaskInfo | string>
  | ActionOf<'dialog-submit', TaskModuleTaskInfo | string>;

// `run` takes the value its own parser returned; the registry keeps the pair together.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ActionOf<K, R, T = any> = {
  kind: K;
  verb: CardVerb;
  parse: (data: CardData) => Parsed<T>;
  run: (context: TurnContext, value: T) => Promise<R>;
  /** For a dialog verb: the dialog's title on a refusal. */
  dialogTitle?: string;
};

/** Builds an Action.Execute entry; `T` ties the parser's value to the handler's argument. */
export function execute<T>(
  verb: CardVerb,
  parse: (data: CardData) => Parsed<T>,
  run: (context: TurnContext, value: T) => Promise<AdaptiveCard | ''>,
): CardAction {
  return { kind: 'execute', verb, parse, run };
}

/** Builds a dialog (`task/fetch`) entry. */
export function dialogFetch<T>(
  verb: CardVerb,
  dialogTitle: string,
  parse: (data: CardData) => Parsed<T>,
  run: (context: TurnContext, value: T) => Promise<TaskModuleTaskInfo | string>,
): CardAction {
  return { kind: 'dialog', verb, dialogTitle, parse, run };
}

/** Builds a dialog submit (`task/submit`) entry. */
export function dialogSubmit<T>(
  verb: CardVerb,
  parse: (data: CardData) => Parsed<T>,
  run: (context: TurnContext, value: T) => Promise<TaskModuleTaskInfo | string>,
): CardAction {
  return { kind: 'dialog-submit', verb, parse, run };
}

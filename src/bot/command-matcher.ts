import { COMMAND_FIELD } from '../cards/card-verbs';
import type { CommandDefinition, CommandName } from './command-catalogue';

export type ParsedMessage =
  { kind: 'command'; command: CommandName; rest: string } | { kind: 'text'; text: string };

/**
 * Matches a chat message to a command: case-insensitive, @mentions removed, extra words after the
 * command allowed ("check pcemail permissions please"). Longest command names are tried first.
 */
export function parseMessage(raw: string, commands: readonly CommandDefinition[]): ParsedMessage {
  const text = normalise(raw);
  const byLength = [...commands].sort((a, b) => b.name.length - a.name.length);
  for (const command of byLength) {
    if (text === command.name || text.startsWith(`${command.name} `)) {
      return {
        kind: 'command',
        command: command.name,
        rest: text.slice(command.name.length).trim(),
      };
    }
  }
  return { kind: 'text', text: raw };
}

/**
 * The command a card button sent (Action.Submit data `{ command }`, arriving as the message's value).
 * Untrusted: only an exact command name counts.
 */
export function commandFromCardSubmit(
  value: unknown,
  commands: readonly CommandDefinition[],
): CommandName | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const command = (value as Record<string, unknown>)[COMMAND_FIELD];
  if (typeof command !== 'string') return undefined;
  return commands.find((c) => c.name === command)?.name;
}

/** Strips Teams' <at>…</at> mention markup and folds case and white space. */
function normalise(raw: string): string {
  return raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

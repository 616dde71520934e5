/**
 * The chat commands, declared once: the matcher, `help` and the Teams manifest's command list all
 * follow from this list. Plain data, so the manifest builder can read it without the bot's SDKs.
 */
export interface CommandDefinition {
  name: CommandName;
  description: string;
}

export type CommandName = 'check pcemail permissions' | 'help';

export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: 'check pcemail permissions',
    description: 'Check PCEmail’s app registration, secret, permissions, consent and mailbox access',
  },
  { name: 'help', description: 'List what I can do' },
];

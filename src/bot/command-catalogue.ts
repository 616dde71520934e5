/**
 * The chat commands, declared once: the matcher, `help` and the Teams manifest's command list all
 * follow from this list. Plain data, so the manifest builder can read it without the bot's SDKs.
 */
export interface CommandDefinition {
  name: CommandName;
  description: string;
}

export type CommandName =
  | 'check pcemail permissions'
  | 'setup pcemail'
  | 'continue setup'
  | 'troubleshoot'
  | 'help'
  | 'consent history'
  | 'notify here'
  | 'stop notifications'
  | 'notifications'
  | 'whoami';

export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: 'check pcemail permissions',
    description:
      'Check PCEmail’s app registration, secret, permissions, consent and mailbox access',
  },
  {
    name: 'setup pcemail',
    description:
      'Walk through setting up PCEmail step by step, verifying each step against your tenant',
  },
  { name: 'continue setup', description: 'Continue your setup where you left it' },
  {
    name: 'troubleshoot',
    description: 'Find the cause and fix of a PCEmail problem, or explain an error message',
  },
  { name: 'help', description: 'List what I can do' },
  {
    name: 'consent history',
    description: 'Show recent admin consent requests, approvals, rejections and grants',
  },
  {
    name: 'notify here',
    description:
      'Post secret-expiry reminders and mailbox-ingestion status in this channel (approvers)',
  },
  {
    name: 'stop notifications',
    description: 'Stop posting notifications in this channel (approvers)',
  },
  { name: 'notifications', description: 'Show which channels get which notifications, and when' },
  {
    name: 'whoami',
    description: 'Show your name, Entra object id and tenant (what the approvers list needs)',
  },
];

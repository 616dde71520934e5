import type { Application, TurnState } from '@microsoft/teams-ai';

/** The teams-ai application type, named once so other files need not repeat its generics. */
export type Bot = Application<TurnState>;

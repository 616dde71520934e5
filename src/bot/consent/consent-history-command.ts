import type { TurnContext } from 'botbuilder';
import { renderConsentHistoryCard } from '../../cards/consent';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';

/** `consent history`: the recent consent requests, decisions and grants, newest first. */
export async function handleConsentHistory(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, renderConsentHistoryCard(await deps.consent.history()));
}

import type { TurnContext } from 'botbuilder';
import { renderHelpCard, type AdaptiveCard } from '../../cards';
import type { BotDeps } from '../bot-deps';
import { COMMANDS } from '../command-catalogue';
import { sendCard } from '../send-card';

/** The help card depends only on the tenant mode: rendered once, not on every `help` (bench/load). */
const renderedHelp = new Map<boolean, AdaptiveCard>();

export async function handleHelp(context: TurnContext, deps: BotDeps): Promise<void> {
  const simulated = deps.tenant.mode === 'simulated';
  let card = renderedHelp.get(simulated);
  if (!card) {
    card = renderHelpCard({ commands: [...COMMANDS], simulated });
    renderedHelp.set(simulated, card);
  }
  await sendCard(context, card);
}

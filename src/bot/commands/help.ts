import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../../cards';
import type { BotDeps } from '../bot-deps';
import { COMMANDS } from '../command-catalogue';
import { sendCard } from '../send-card';

export async function handleHelp(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(
    context,
    renderHelpCard({ commands: [...COMMANDS], simulated: deps.tenant.mode === 'simulated' }),
  );
}

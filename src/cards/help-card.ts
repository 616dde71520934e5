import {
  actionSet,
  adaptiveCard,
  container,
  commandAction,
  textBlock,
  type AdaptiveCard,
} from './adaptive-card';
import { cardTitle, SIMULATED_BOT_BANNER, simulatedBanner } from './card-parts';
import { plainText } from './plain-text';

export interface CommandView {
  name: string;
  description: string;
}

export interface HelpCardView {
  /** From the bot's command registry, in the order to show. */
  commands: CommandView[];
  simulated: boolean;
}

export function renderHelpCard(view: HelpCardView): AdaptiveCard {
  return adaptiveCard({
    body: [
      cardTitle('PCEmail Ops commands'),
      ...(view.simulated ? [simulatedBanner(SIMULATED_BOT_BANNER)] : []),
      textBlock('Choose a command, or type it (with or without @mentioning me):', {
        spacing: 'medium',
      }),
      ...view.commands.map((command) =>
        container(
          [
            // A button title is plain text, not markdown; the click runs the command as if typed.
            actionSet([commandAction(command.name.slice(0, 80), command.name)]),
            textBlock(plainText(command.description), { isSubtle: true, spacing: 'none' }),
          ],
          { spacing: 'medium' },
        ),
      ),
      textBlock('Or paste an error message (an AADSTS code or a Graph error) and I explain it.', {
        spacing: 'large',
      }),
    ],
    fallbackText: `PCEmail Ops commands: ${view.commands.map((c) => plainText(c.name, 80)).join(', ')}`,
  });
}

import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptive-card';
import { cardTitle, SIMULATED_BOT_BANNER, simulatedBanner } from './card-parts';
import type { CommandView } from './help-card';
import { plainText } from './plain-text';

export interface WelcomeCardView {
  simulated: boolean;
  tenantId: string;
  /** From the bot's command registry; the card lists their names. */
  commands: CommandView[];
}

const WHAT_I_DO = [
  'I check the Microsoft Graph setup of the PCEmail app registration that connects Emplifi Agent ' +
    'to your mailboxes: its secret, API permissions, admin consent and mailbox access.',
  'I guide you through setting it up and through fixing what a check finds.',
  'I remind a channel before the PCEmail secret expires and tell it when a mailbox stops being read.',
];

export function renderWelcomeCard(view: WelcomeCardView): AdaptiveCard {
  const names = view.commands.map((c) => plainText(c.name, 80));
  return adaptiveCard({
    body: [
      cardTitle('Hi, I am PCEmail Ops'),
      ...(view.simulated ? [simulatedBanner(SIMULATED_BOT_BANNER)] : []),
      ...WHAT_I_DO.map((line, i) => textBlock(line, { spacing: i === 0 ? 'medium' : 'small' })),
      textBlock('Try: check pcemail permissions', { weight: 'bolder', spacing: 'medium' }),
      ...(names.length > 0
        ? [textBlock(`Commands: ${names.join(', ')}`, { isSubtle: true, spacing: 'small' })]
        : []),
      textBlock(`Tenant: ${plainText(view.tenantId, 80)}${view.simulated ? ' (simulated)' : ''}`, {
        isSubtle: true,
        size: 'small',
        spacing: 'medium',
      }),
    ],
    fallbackText: 'PCEmail Ops checks the Graph setup of PCEmail. Try: check pcemail permissions',
  });
}

import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptive-card';
import { cardTitle, tenantBlocks, type TenantView } from './card-parts';
import { plainText } from './plain-text';

export interface CheckingCardView {
  appName: string;
  tenant: TenantView;
}

/** Sent first and replaced by the diagnosis card when the checks finish. */
export function renderCheckingCard(view: CheckingCardView): AdaptiveCard {
  const appName = plainText(view.appName, 60);
  return adaptiveCard({
    body: [
      cardTitle(`Checking ${appName} permissions…`),
      ...tenantBlocks(view.tenant),
      textBlock(
        'Reading the app registration, its secret, Graph permissions, admin consent and mailbox ' +
          'access. This card updates with the results in a few seconds.',
        { spacing: 'medium' },
      ),
    ],
    fallbackText: `Checking ${appName} permissions…`,
  });
}

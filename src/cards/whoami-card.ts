import { adaptiveCard, factSet, textBlock, type AdaptiveCard } from './adaptive-card';
import { cardTitle } from './card-parts';
import { plainText } from './plain-text';

export interface WhoamiCardView {
  /** As Teams sent them; undefined when Teams did not say. */
  name?: string;
  objectId?: string;
  tenantId?: string;
  isApprover: boolean;
}

/** `whoami`: the caller's own name, Entra object id and tenant, which is what the approvers list holds. */
export function renderWhoamiCard(view: WhoamiCardView): AdaptiveCard {
  const unknown = 'not sent by Teams';
  return adaptiveCard({
    body: [
      cardTitle('Who you are to PCEmail Ops'),
      factSet(
        [
          { title: 'Name', value: view.name ? plainText(view.name, 120) : unknown },
          {
            title: 'Entra object id',
            value: view.objectId ? plainText(view.objectId, 60) : unknown,
          },
          { title: 'Tenant', value: view.tenantId ? plainText(view.tenantId, 60) : unknown },
          { title: 'Approver', value: view.isApprover ? 'yes' : 'no' },
        ],
        { spacing: 'medium' },
      ),
      textBlock(
        view.isApprover
          ? 'You can approve admin consent and manage notifications.'
          : 'To make you an approver, the person who runs the bot adds this object id to its list of approvers (the APPROVERS setting).',
        { spacing: 'medium', isSubtle: true },
      ),
    ],
    fallbackText: 'Who you are to PCEmail Ops',
  });
}

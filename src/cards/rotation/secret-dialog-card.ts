import { adaptiveCard, factSet, textBlock, type AdaptiveCard } from '../adaptive-card';
import { cardTitle } from '../card-parts';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { ROTATION_VERBS } from './rotation-verbs';

export interface SecretDialogView {
  appName: string;
  appId: string;
  rotationId: string;
  keyId: string;
  displayName: string;
  endDateTime: string;
  /** The new secret's value: this card goes into the one dialog of the approver, nowhere else. */
  secretText: string;
  keyVault: 'written' | 'failed' | 'not-configured';
  keyVaultProblem?: string;
}

/**
 * The only place the new value is ever shown: the dialog (task module) of the approver who chose
 * Rotate now. Closing it loses the value; the rotation card then offers to start over.
 */
export function renderSecretDialogCard(view: SecretDialogView): AdaptiveCard {
  const app = plainText(view.appName, 60);
  const bot =
    view.keyVault === 'written'
      ? 'PCEmail Ops: the new value was written to its Key Vault secret (PCEMAIL_SECRET_KEYVAULT_URL); nothing to do.'
      : view.keyVault === 'failed'
        ? `PCEmail Ops: writing the Key Vault secret failed (${plainText(view.keyVaultProblem ?? 'unknown', 200)}). Whoever runs PCEmail Ops must put the new value into PCEMAIL_CLIENT_SECRET (or the Key Vault secret) themselves.`
        : 'PCEmail Ops: whoever runs PCEmail Ops must put the new value into its PCEMAIL_CLIENT_SECRET setting (it keeps no copy in Key Vault).';
  return adaptiveCard({
    body: [
      cardTitle(`New ${app} client secret`),
      textBlock(
        'Copy the value now. It is shown this once: PCEmail Ops keeps no copy, and closing this dialog loses it.',
        {
          color: 'attention',
          weight: 'bolder',
        },
      ),
      {
        type: 'RichTextBlock',
        id: 'new-secret-value',
        spacing: 'medium',
        inlines: [
          { type: 'TextRun', text: view.secretText, fontType: 'monospace', size: 'medium' },
        ],
      },
      factSet([
        { title: 'Secret ID', value: plainText(view.keyId, 40) },
        { title: 'Description', value: plainText(view.displayName, 90) },
        { title: 'Expires', value: formatUtc(view.endDateTime) },
      ]),
      textBlock('Where the value goes:', { weight: 'bolder', spacing: 'medium' }),
      textBlock(
        '1\\. Emplifi Agent: External Mailbox Connection settings → paste the new secret value.',
      ),
      textBlock(`2\\. ${bot}`),
      textBlock(
        'The rotation card then watches for Emplifi Agent’s first sign-in with the new secret; the old one is removed only after it has been quiet.',
        { isSubtle: true, spacing: 'medium' },
      ),
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: 'I have saved it',
        style: 'positive',
        data: { verb: ROTATION_VERBS.saved, appId: view.appId, rotationId: view.rotationId },
      },
    ],
    fallbackText: `New ${app} client secret`,
  });
}

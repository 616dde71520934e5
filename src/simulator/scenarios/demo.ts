import { address, PCEMAIL_APP_ID, PCEMAIL_SECRET_LABEL, PCEMAIL_SP_ID } from './healthy-tenant';
import type { ScenarioDefinition } from './scenario';
import {
  appByAppId,
  passwordCredential,
  removeFromScopeGroup,
  revokeGraphRole,
} from './tenant-edits';

/** The default tenant shows the product at work on three typical problems. */
export const demoScenario: ScenarioDefinition = {
  name: 'demo',
  description: `Mail.Send requested but not consented, the PCEmail secret expiring in 12 days, ${address('billing')} outside the scope group; the rest healthy.`,
  intent: {
    'consent.mail-send': 'fail',
    'token.roles': 'fail',
    'secret.expiry': 'warn',
    [`mailbox.access:${address('billing')}`]: 'fail',
  },
  apply: (d) => {
    revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.Send');
    const credential = passwordCredential(
      PCEMAIL_SECRET_LABEL,
      'PCEmail for Emplifi Agent',
      // Half a day of slack so the card reads "12 days" for the whole day the demo runs.
      717.5,
      730,
      d.now,
    );
    appByAppId(d.state, PCEMAIL_APP_ID).passwordCredentials = [credential];
    d.product.pcemailSecret = credential.secretValue;
    removeFromScopeGroup(d, address('billing'));
  },
};

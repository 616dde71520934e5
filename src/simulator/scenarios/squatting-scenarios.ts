import { guidFor } from '../ids';
import { buildUser } from './mailbox-content';
import { DOMAIN, PCEMAIL_APP_ID, TENANT_ID } from './healthy-tenant';
import { permissionScenarios } from './permission-scenarios';
import type { ScenarioDefinition } from './scenario';
import { daysFrom, graphAccess, spByAppId } from './tenant-edits';

/** The look-alike's owner: an ordinary member of the tenant (no admin role). */
const SQUATTER_ADDRESS = `mallory@${DOMAIN}`;
export const SQUATTER_APP_ID = guidFor('appid:pcemail-squatter');

const grantReady = permissionScenarios.find((s) => s.name === 'grant-ready');

/**
 * Name squatting: any member may register an app (Entra's default "Users can register
 * applications"), so an ordinary user made one named "PCEmail". Found by display name, the two
 * cannot be told apart; PCEMAIL_APP_ID, owners and creation date can.
 */
export const squattingScenarios: ScenarioDefinition[] = [
  {
    name: 'name-squatting',
    description:
      'Grant-ready, and an ordinary user registered a look-alike app also named "PCEmail" yesterday; PCEMAIL_APP_ID is not set.',
    intent: { ...grantReady?.intent, 'app.registered': 'warn' },
    apply: (d) => {
      grantReady?.apply?.(d);
      delete d.product.pcemailAppId;
      const owner = buildUser(SQUATTER_ADDRESS, 'Mallory Member', d.now, { mailbox: false });
      d.state.users.push(owner);
      d.state.applications.push({
        id: guidFor('app:pcemail-squatter'),
        appId: SQUATTER_APP_ID,
        displayName: 'PCEmail',
        signInAudience: 'AzureADMyOrg',
        createdDateTime: daysFrom(d.now, -1),
        publisherDomain: DOMAIN,
        ownerIds: [owner.id],
        passwordCredentials: [],
        keyCredentials: [],
        requiredResourceAccess: graphAccess([
          ['User.Read', 'Scope'],
          ['Mail.ReadWrite', 'Role'],
          ['Mail.Send', 'Role'],
        ]),
        web: { redirectUris: [] },
      });
      d.state.servicePrincipals.push({
        ...spByAppId(d.state, PCEMAIL_APP_ID),
        id: guidFor('sp:pcemail-squatter'),
        appId: SQUATTER_APP_ID,
        servicePrincipalNames: [SQUATTER_APP_ID],
        appOwnerOrganizationId: TENANT_ID,
      });
    },
  },
];

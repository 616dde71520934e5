import { guidFor } from '../ids';
import { DOMAIN, PCEMAIL_APP_ID, PCEMAIL_SP_ID, TENANT_ID } from './healthy-tenant';
import type { ScenarioDefinition } from './scenario';
import {
  appByAppId,
  daysFrom,
  deleteApp,
  deleteServicePrincipal,
  graphAccess,
  passwordCredential,
  spByAppId,
} from './tenant-edits';

/** The app registration and its service principal. */
export const appScenarios: ScenarioDefinition[] = [
  {
    name: 'healthy',
    description: 'PCEmail set up exactly as the vendor documents it; every check passes.',
  },
  {
    name: 'pcemail-app-id',
    description:
      'Healthy, and the product is given PCEMAIL_APP_ID instead of finding the app by name.',
    apply: (d) => {
      d.product.pcemailAppId = PCEMAIL_APP_ID;
    },
  },
  {
    name: 'app-missing',
    description:
      'No app registration named PCEmail (it was deleted); the configured secret belongs to nothing.',
    intent: { 'app.registered': 'fail' },
    apply: (d) => deleteApp(d.state, PCEMAIL_APP_ID),
  },
  {
    name: 'app-duplicate',
    description:
      'Two app registrations are named PCEmail (a second one made during a retry); PCEMAIL_APP_ID is not set.',
    intent: { 'app.registered': 'warn' },
    apply: (d) => {
      const appId = guidFor('appid:pcemail-copy');
      d.state.applications.push({
        id: guidFor('app:pcemail-copy'),
        appId,
        displayName: 'PCEmail',
        signInAudience: 'AzureADMyOrg',
        createdDateTime: daysFrom(d.now, -20),
        publisherDomain: DOMAIN,
        passwordCredentials: [passwordCredential('pcemail-copy', 'test', 20, 180, d.now)],
        keyCredentials: [],
        requiredResourceAccess: graphAccess([['User.Read', 'Scope']]),
        web: { redirectUris: [] },
      });
      d.state.servicePrincipals.push({
        ...spByAppId(d.state, PCEMAIL_APP_ID),
        id: guidFor('sp:pcemail-copy'),
        appId,
        servicePrincipalNames: [appId],
        appOwnerOrganizationId: TENANT_ID,
      });
    },
  },
  {
    name: 'app-multi-tenant',
    description:
      'PCEmail is registered for accounts in any organizational directory (AzureADMultipleOrgs).',
    intent: { 'app.single-tenant': 'warn' },
    apply: (d) => {
      appByAppId(d.state, PCEMAIL_APP_ID).signInAudience = 'AzureADMultipleOrgs';
    },
  },
  {
    name: 'sp-missing',
    description:
      'PCEmail has no service principal (enterprise app) in the tenant, so nothing can be consented and sign-in fails (AADSTS7000229).',
    intent: { 'app.service-principal': 'fail' },
    apply: (d) => deleteServicePrincipal(d.state, PCEMAIL_SP_ID),
  },
  {
    name: 'sp-disabled',
    description:
      "PCEmail's enterprise app is disabled (accountEnabled false); sign-in fails with AADSTS7000112.",
    intent: { 'app.service-principal': 'fail' },
    apply: (d) => {
      spByAppId(d.state, PCEMAIL_APP_ID).accountEnabled = false;
    },
  },
];

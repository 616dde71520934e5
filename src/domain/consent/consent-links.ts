/**
 * Where an approver consents by hand (DESIGN §8): the app's "API permissions" page in the Entra
 * admin center (its "Grant admin consent" button), and the admin-consent endpoint
 * `{authority}/{tenant}/v2.0/adminconsent?client_id=…&scope=<graph>/.default`. Microsoft's docs:
 * with a static `/.default` scope the endpoint "request[s] consent for all scopes found in the
 * required permissions" of the app — so it grants what PCEmail requests, nothing more.
 */
export interface ConsentLinks {
  adminConsentUrl: string;
  apiPermissionsUrl: string;
}

export function consentLinks(input: {
  authorityHost: string;
  tenantId: string;
  appId: string;
  /** The configured cloud's Graph `/.default` scope (https://graph.microsoft.com/.default globally). */
  graphScope: string;
}): ConsentLinks {
  const authority = input.authorityHost.replace(/\/+$/, '');
  const query = new URLSearchParams({ client_id: input.appId, scope: input.graphScope }).toString();
  return {
    adminConsentUrl: `${authority}/${encodeURIComponent(input.tenantId)}/v2.0/adminconsent?${query}`,
    apiPermissionsUrl:
      `${adminCenterFor(authority)}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/` +
      `${encodeURIComponent(input.appId)}/isMSAApp~/false`,
  };
}

/** The Entra admin center globally; national clouds keep app registrations in their Azure portal. */
function adminCenterFor(authority: string): string {
  const host = new URL(authority).hostname.toLowerCase();
  if (host.endsWith('microsoftonline.us')) return 'https://portal.azure.us';
  if (host.endsWith('chinacloudapi.cn') || host.endsWith('microsoftonline.cn'))
    return 'https://portal.azure.cn';
  return 'https://entra.microsoft.com';
}

/**
 * Where an approver consents by hand: the app's "API permissions" page in the Entra admin center
 * (its "Grant admin consent" button), and — only when the app has a registered redirect URI — the
 * admin-consent endpoint `{authority}/{tenant}/v2.0/adminconsent?client_id=…&scope=<graph>/.default
 * &redirect_uri=…`. Microsoft's docs (https://learn.microsoft.com/entra/identity-platform/v2-admin-consent):
 * `redirect_uri` is required and "must exactly match one of the redirect URIs" registered on the app
 * (else AADSTS50011; none registered: AADSTS500113); with a static `/.default` scope the endpoint
 * requests consent for the permissions the app requires — what PCEmail requests, nothing more.
 */
export interface ConsentLinks {
  /** Undefined when PCEmail registers no redirect URI: Entra would refuse the link. */
  adminConsentUrl?: string;
  apiPermissionsUrl: string;
}

export function consentLinks(input: {
  authorityHost: string;
  tenantId: string;
  appId: string;
  /** The configured cloud's Graph `/.default` scope (https://graph.microsoft.com/.default globally). */
  graphScope: string;
  /** A redirect URI registered on PCEmail (its web.redirectUris). */
  redirectUri?: string;
}): ConsentLinks {
  const authority = input.authorityHost.replace(/\/+$/, '');
  const apiPermissionsUrl =
    `${adminCenterFor(authority)}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/` +
    `${encodeURIComponent(input.appId)}/isMSAApp~/false`;
  if (input.redirectUri === undefined) return { apiPermissionsUrl };
  const query = new URLSearchParams({
    client_id: input.appId,
    scope: input.graphScope,
    redirect_uri: input.redirectUri,
  }).toString();
  return {
    adminConsentUrl: `${authority}/${encodeURIComponent(input.tenantId)}/v2.0/adminconsent?${query}`,
    apiPermissionsUrl,
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

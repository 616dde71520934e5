import { consentLinks } from '../../../src/domain/consent';

const base = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  appId: '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8',
};
const REDIRECT = 'https://agent.example.com/pcemail/consented';

describe('consentLinks', () => {
  it('when the app registers a redirect URI, then the admin-consent URL carries it with Graph’s .default and the Entra admin center opens API permissions', () => {
    const links = consentLinks({
      ...base,
      authorityHost: 'https://login.microsoftonline.com/',
      graphScope: 'https://graph.microsoft.com/.default',
      redirectUri: REDIRECT,
    });
    expect(links.adminConsentUrl).toBe(
      `https://login.microsoftonline.com/${base.tenantId}/v2.0/adminconsent?client_id=${base.appId}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(links.apiPermissionsUrl).toBe(
      `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${base.appId}/isMSAApp~/false`,
    );
  });

  it('when the app registers no redirect URI, then no admin-consent URL is offered (Entra would answer AADSTS500113), only the API permissions page', () => {
    const links = consentLinks({
      ...base,
      authorityHost: 'https://login.microsoftonline.com',
      graphScope: 'https://graph.microsoft.com/.default',
    });
    expect(links.adminConsentUrl).toBeUndefined();
    expect(links.apiPermissionsUrl).toContain('/CallAnAPI/appId/');
  });

  it.each([
    [
      'https://login.microsoftonline.us',
      'https://graph.microsoft.us/.default',
      'https://portal.azure.us/',
    ],
    [
      'https://login.chinacloudapi.cn',
      'https://microsoftgraph.chinacloudapi.cn/.default',
      'https://portal.azure.cn/',
    ],
  ])(
    'when the authority is %s, then its Graph scope and portal are used',
    (authorityHost, graphScope, portal) => {
      const links = consentLinks({ ...base, authorityHost, graphScope, redirectUri: REDIRECT });
      const url = links.adminConsentUrl ?? '';
      expect(url).toContain(`${authorityHost}/${base.tenantId}/v2.0/adminconsent?`);
      expect(new URL(url).searchParams.get('scope')).toBe(graphScope);
      expect(new URL(url).searchParams.get('redirect_uri')).toBe(REDIRECT);
      expect(links.apiPermissionsUrl.startsWith(portal)).toBe(true);
    },
  );
});

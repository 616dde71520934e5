import { readCommittedManifest, readRepoFile } from './repo';

/** Teams' desktop/mobile and web clients (Microsoft's Teams SSO docs: "Pre-authorize Teams clients"). */
const TEAMS_CLIENTS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
];

interface AadManifest {
  identifierUris: string[];
  oauth2Permissions: { value: string; type: string; id: string }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  requiredResourceAccess: {
    resourceAppId: string;
    resourceAccess: { id: string; type: string }[];
  }[];
}

describe('Teams single sign-on for approvers (CONSENT_MODE=delegated)', () => {
  const aad = JSON.parse(readRepoFile('aad.manifest.json')) as AadManifest;

  it('when the Teams manifest is read, then webApplicationInfo names the SSO app and its api://botid- resource', () => {
    expect(readCommittedManifest().webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://botid-${{BOT_ID}}',
    });
  });

  it('when aad.manifest.json is read, then it exposes access_as_user on that resource to the Teams clients only', () => {
    expect(aad.identifierUris).toEqual(['api://botid-${{BOT_ID}}']);
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user');
    expect(scope?.type).toBe('User');
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(
      [...TEAMS_CLIENTS].sort(),
    );
    for (const client of aad.preAuthorizedApplications)
      expect(client.permissionIds).toEqual([scope!.id]);
  });

  it('when aad.manifest.json is read, then it asks Graph for delegated scopes only, never an application permission', () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph');
    expect(graph?.resourceAccess).toEqual(
      expect.arrayContaining([
        { id: 'AppRoleAssignment.ReadWrite.All', type: 'Scope' },
        { id: 'DelegatedPermissionGrant.ReadWrite.All', type: 'Scope' },
      ]),
    );
    expect(
      aad.requiredResourceAccess.flatMap((r) => r.resourceAccess).filter((a) => a.type !== 'Scope'),
    ).toEqual([]);
  });
});

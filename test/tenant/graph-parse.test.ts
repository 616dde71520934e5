import { ErrorCode, failed, succeeded } from '../../src/domain';
import {
  parseAppRoleAssignment,
  parseApplication,
  parseCollectionBody,
  parsed,
  parseInboxSummary,
  parseList,
  parsePasswordCredential,
  parsePermissionGrant,
  parseResourceServicePrincipal,
  parseServicePrincipal,
} from '../../src/tenant/graph-parse';

const APP_ID = '5f1c2a8e-0c57-4d59-9a8c-3c0d0f2b7a11';
const GRAPH = '00000003-0000-0000-c000-000000000000';

const malformed = (message: RegExp) => ({
  name: 'ProductError',
  info: {
    code: ErrorCode.GraphResponseMalformed,
    message: expect.stringMatching(message) as unknown,
  },
});

/** What `parse` threw (the test fails when it threw nothing). */
function thrown(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('parse functions at the Graph boundary', () => {
  it('when an application is well formed, then it becomes the domain type with only the fields the product reads', () => {
    const app = parseApplication({
      '@odata.id': 'ignored',
      id: 'obj-1',
      appId: APP_ID,
      displayName: 'PCEmail',
      signInAudience: 'AzureADMyOrg',
      createdDateTime: '2026-01-02T03:04:05Z',
      web: { redirectUris: ['https://pcemail.example/consent'], implicitGrantSettings: {} },
      passwordCredentials: [
        {
          keyId: 'k1',
          displayName: null,
          hint: 'abc',
          startDateTime: null,
          endDateTime: '2027-01-01T00:00:00Z',
          secretText: null,
        },
      ],
      requiredResourceAccess: [
        { resourceAppId: GRAPH, resourceAccess: [{ id: 'r1', type: 'Role' }] },
      ],
    });

    expect(app).toEqual({
      id: 'obj-1',
      appId: APP_ID,
      displayName: 'PCEmail',
      signInAudience: 'AzureADMyOrg',
      createdDateTime: '2026-01-02T03:04:05Z',
      web: { redirectUris: ['https://pcemail.example/consent'] },
      passwordCredentials: [
        {
          keyId: 'k1',
          displayName: null,
          hint: 'abc',
          startDateTime: null,
          endDateTime: '2027-01-01T00:00:00Z',
        },
      ],
      keyCredentials: [], // left out by Graph: empty
      requiredResourceAccess: [
        { resourceAppId: GRAPH, resourceAccess: [{ id: 'r1', type: 'Role' }] },
      ],
    });
  });

  it.each([
    ['not an object', 'PCEmail', /application.*not an object/],
    ['a list', [], /not an object/],
    ['null', null, /not an object/],
    ['no appId', { id: 'obj-1' }, /application.*no appId/],
    ['a numeric appId', { id: 'obj-1', appId: 42 }, /no appId/],
    [
      'a displayName that is not text',
      { id: 'o', appId: APP_ID, displayName: {} },
      /displayName is not text/,
    ],
    [
      'credentials that are not a list',
      { id: 'o', appId: APP_ID, passwordCredentials: 'k1' },
      /passwordCredentials is not a list/,
    ],
    [
      'a credential without keyId',
      { id: 'o', appId: APP_ID, passwordCredentials: [{ hint: 'x' }] },
      /password credential.*no keyId/,
    ],
    [
      'an unknown access type',
      {
        id: 'o',
        appId: APP_ID,
        requiredResourceAccess: [
          { resourceAppId: GRAPH, resourceAccess: [{ id: 'r', type: 'Both' }] },
        ],
      },
      /type "Both"/,
    ],
    [
      'a redirect URI that is not text',
      { id: 'o', appId: APP_ID, web: { redirectUris: [7] } },
      /redirect URI/,
    ],
  ])(
    'when an application is %s, then a coded GraphResponseMalformed error names what is wrong',
    (_case, json, message) => {
      expect(thrown(() => parseApplication(json))).toMatchObject(malformed(message));
    },
  );

  it('when a password credential has a date that is not text, then it is refused', () => {
    expect(() => parsePasswordCredential({ keyId: 'k', endDateTime: 1700000000 })).toThrow(
      /endDateTime is not text/,
    );
  });

  it('when a service principal omits accountEnabled, then it is enabled (Graph’s default); a non-boolean is refused', () => {
    expect(parseServicePrincipal({ id: 's', appId: APP_ID, displayName: 'PCEmail' })).toEqual({
      id: 's',
      appId: APP_ID,
      displayName: 'PCEmail',
      accountEnabled: true,
    });
    expect(
      parseServicePrincipal({ id: 's', appId: APP_ID, accountEnabled: false }).accountEnabled,
    ).toBe(false);
    expect(() => parseServicePrincipal({ id: 's', appId: APP_ID, accountEnabled: 'yes' })).toThrow(
      /accountEnabled/,
    );
  });

  it('when Graph’s principal lists roles and scopes, then both are read; a role without id is refused', () => {
    expect(
      parseResourceServicePrincipal({
        id: 'g',
        appId: GRAPH,
        appRoles: [{ id: 'r1', value: 'Mail.Read', description: 'x' }],
        oauth2PermissionScopes: null,
      }),
    ).toEqual({
      id: 'g',
      appId: GRAPH,
      appRoles: [{ id: 'r1', value: 'Mail.Read' }],
      oauth2PermissionScopes: [],
    });
    expect(() =>
      parseResourceServicePrincipal({ id: 'g', appId: GRAPH, appRoles: [{ value: 'Mail.Read' }] }),
    ).toThrow(/no id/);
  });

  it('when an app role assignment or a permission grant misses a field the checks use, then it is refused', () => {
    const assignment = { id: 'a', appRoleId: 'r1', principalId: 'p', resourceId: 'g' };
    expect(parseAppRoleAssignment(assignment)).toEqual(assignment);
    expect(
      thrown(() => parseAppRoleAssignment({ ...assignment, appRoleId: undefined })),
    ).toMatchObject(malformed(/app role assignment.*no appRoleId/));

    const grant = {
      id: 'g1',
      clientId: 'c',
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: 'g',
      scope: 'User.Read',
    };
    expect(parsePermissionGrant(grant)).toEqual(grant);
    expect(parsePermissionGrant({ ...grant, scope: undefined }).scope).toBe('');
    expect(() => parsePermissionGrant({ ...grant, scope: ['User.Read'] })).toThrow(
      /scope is not text/,
    );
    expect(() => parsePermissionGrant({ ...grant, clientId: null })).toThrow(/no clientId/);
  });

  it('when a collection body or list is not a list, then it is refused', () => {
    expect(() => parseList({ value: [] }, 'application', parseApplication)).toThrow(
      /application list: not a list/,
    );
    expect(() => parseCollectionBody({ value: 'x' }, 'grant', parsePermissionGrant)).toThrow(
      /not a list/,
    );
    expect(() => parseCollectionBody('<html>', 'grant', parsePermissionGrant)).toThrow(
      /not an object/,
    );
    expect(parseCollectionBody({ value: [] }, 'grant', parsePermissionGrant)).toEqual([]);
  });

  it('when a mail folder is not an object, then it is refused; missing counts read as 0', () => {
    expect(parseInboxSummary({ id: 'inbox', totalItemCount: 3 })).toEqual({
      totalItemCount: 3,
      unreadItemCount: 0,
    });
    expect(() => parseInboxSummary(null)).toThrow(/mail folder: not an object/);
  });

  it('when a parse fails inside a read, then the read becomes a failed outcome with the code (one skip, not a crash)', () => {
    const outcome = parsed(succeeded<unknown>([{ id: 'x' }]), (v) =>
      parseList(v, 'application', parseApplication),
    );
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({ code: ErrorCode.GraphResponseMalformed }) as unknown,
    });
    const earlier = failed({ code: ErrorCode.ServiceUnavailable, message: 'down' });
    expect(parsed(earlier, () => 1)).toBe(earlier);
  });
});

import { failed, succeeded, ErrorCode } from '../../../src/domain';
import { findConsentGap } from '../../../src/domain/consent';
import {
  APP_ID,
  GRAPH_SP_ID,
  healthyApp,
  ROLE,
  SCOPE,
  SP_ID,
  snapshot,
  withApplications,
  withFact,
  withGraphPermissions,
} from '../snapshot-builder';

const noConsent = [
  withFact('appRoleAssignments', succeeded([])),
  withFact('permissionGrants', succeeded([])),
];

describe('findConsentGap', () => {
  it('when every permission is consented, then nothing is missing and the target names both service principals', () => {
    const gap = findConsentGap(snapshot());
    expect(gap).toEqual({
      ok: true,
      target: {
        appId: APP_ID,
        appName: 'PCEmail',
        servicePrincipalId: SP_ID,
        graphServicePrincipalId: GRAPH_SP_ID,
      },
      missing: [],
      notRequested: [],
      organizationGrant: { id: expect.any(String), scope: 'User.Read' },
    });
  });

  it('when nothing is consented, then all three are missing with the tenant’s ids, in catalogue order', () => {
    const gap = findConsentGap(snapshot(...noConsent));
    expect(gap.ok && gap.missing).toEqual([
      { name: 'User.Read', type: 'Scope', id: SCOPE.userRead },
      { name: 'Mail.ReadWrite', type: 'Role', id: ROLE.mailReadWrite },
      { name: 'Mail.Send', type: 'Role', id: ROLE.mailSend },
    ]);
    expect(gap.ok && gap.organizationGrant).toBeUndefined();
  });

  it('when the organization grant lacks User.Read or only one user consented, then User.Read is missing', () => {
    const other = findConsentGap(
      snapshot(
        withFact(
          'permissionGrants',
          succeeded([
            {
              id: 'g1',
              clientId: SP_ID,
              consentType: 'AllPrincipals',
              principalId: null,
              resourceId: GRAPH_SP_ID,
              scope: 'openid',
            },
            {
              id: 'g2',
              clientId: SP_ID,
              consentType: 'Principal',
              principalId: 'u1',
              resourceId: GRAPH_SP_ID,
              scope: 'User.Read',
            },
          ]),
        ),
      ),
    );
    expect(other.ok && other.missing.map((p) => p.name)).toEqual(['User.Read']);
    expect(other.ok && other.organizationGrant).toEqual({ id: 'g1', scope: 'openid' });
  });

  it('when an assignment is to another resource, then it does not count; ids in upper case do', () => {
    const gap = findConsentGap(
      snapshot(
        withFact(
          'appRoleAssignments',
          succeeded([
            { id: 'a1', appRoleId: ROLE.mailSend, principalId: SP_ID, resourceId: 'another-api' },
            {
              id: 'a2',
              appRoleId: ROLE.mailReadWrite.toUpperCase(),
              principalId: SP_ID.toUpperCase(),
              resourceId: GRAPH_SP_ID,
            },
          ]),
        ),
      ),
    );
    expect(gap.ok && gap.missing.map((p) => p.name)).toEqual(['Mail.Send']);
  });

  it('when a missing permission is not requested by the app, then it is listed apart and not asked for', () => {
    const gap = findConsentGap(
      snapshot(
        ...noConsent,
        withGraphPermissions(
          { id: SCOPE.userRead, type: 'Scope' },
          { id: ROLE.mailReadWrite, type: 'Role' },
        ),
      ),
    );
    expect(gap.ok && gap.missing.map((p) => p.name)).toEqual(['User.Read', 'Mail.ReadWrite']);
    expect(gap.ok && gap.notRequested).toEqual([{ name: 'Mail.Send', type: 'Role' }]);
  });

  it.each([
    ['no registration', withApplications(succeeded([])), /No app registration named PCEmail/],
    [
      'several registrations',
      withApplications(succeeded([healthyApp(), { ...healthyApp(), appId: 'x' }])),
      /Several app registrations .* PCEMAIL_APP_ID/,
    ],
    [
      'no service principal',
      withFact('servicePrincipal', succeeded(null)),
      /no enterprise application/,
    ],
    [
      'grants unreadable',
      withFact(
        'appRoleAssignments',
        failed({ code: ErrorCode.GraphRequestFailed, message: 'Forbidden.', status: 403 }),
      ),
      /grants could not be read: Forbidden/,
    ],
  ])('when there is %s, then the gap says why it cannot be judged', (_what, modifier, reason) => {
    const gap = findConsentGap(snapshot(modifier));
    expect(gap.ok).toBe(false);
    expect(!gap.ok && gap.reason).toMatch(reason);
  });
});

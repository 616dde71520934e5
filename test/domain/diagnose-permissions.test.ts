import { diagnose, failed, GRAPH_APP_ID, succeeded } from '../../src/domain';
import {
  ROLE,
  SCOPE,
  assignment,
  grant,
  graphError,
  row,
  snapshot,
  unavailable,
  withApp,
  withFact,
  withGraphPermissions,
} from './snapshot-builder';

const userRead = { id: SCOPE.userRead, type: 'Scope' } as const;
const mailReadWrite = { id: ROLE.mailReadWrite, type: 'Role' } as const;
const mailSend = { id: ROLE.mailSend, type: 'Role' } as const;

describe('permission.user-read / mail-readwrite / mail-send', () => {
  test('when User.Read is not requested, then permission.user-read fails with the portal path', () => {
    const r = row(
      diagnose(snapshot(withGraphPermissions(mailReadWrite, mailSend))),
      'permission.user-read',
    );
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('Mail.ReadWrite (application) and Mail.Send (application)');
    expect(r.fix).toBe(
      'Entra admin center → App registrations → PCEmail → API permissions → Add a permission → Microsoft Graph → Delegated permissions → User.Read, then Grant admin consent.',
    );
  });

  test('when Mail.Send is not requested, then permission.mail-send fails with the application permission path', () => {
    const r = row(
      diagnose(snapshot(withGraphPermissions(userRead, mailReadWrite))),
      'permission.mail-send',
    );
    expect(r.status).toBe('fail');
    expect(r.fix).toContain(
      'Entra admin center → App registrations → PCEmail → API permissions → Add a permission → Microsoft Graph → Application permissions → Mail.Send, then Grant admin consent',
    );
  });

  test('when Mail.ReadWrite is requested only as delegated, then it fails saying PCEmail needs the application one', () => {
    const d = diagnose(
      snapshot(
        withGraphPermissions(userRead, { id: SCOPE.mailReadWrite, type: 'Scope' }, mailSend),
      ),
    );
    const r = row(d, 'permission.mail-readwrite');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('requested as delegated, PCEmail needs the application permission');
    expect(r.fix).toContain('Application permissions → Mail.ReadWrite');
    expect(row(d, 'permission.least-privilege').detail).toContain('Mail.ReadWrite (delegated)');
  });

  test('when Mail.Send is requested from another API, then it does not count', () => {
    const exchange = '00000002-0000-0ff1-ce00-000000000000';
    const d = diagnose(
      snapshot(
        withApp({
          requiredResourceAccess: [
            { resourceAppId: GRAPH_APP_ID, resourceAccess: [userRead, mailReadWrite] },
            { resourceAppId: exchange, resourceAccess: [mailSend] },
          ],
        }),
      ),
    );
    expect(row(d, 'permission.mail-send').status).toBe('fail');
  });

  test("when Graph's service principal cannot be read, then the well-known ids still name the permissions", () => {
    const d = diagnose(snapshot(withFact('graphServicePrincipal', failed(unavailable()))));
    expect(row(d, 'permission.user-read').status).toBe('pass');
    expect(row(d, 'permission.mail-readwrite').status).toBe('pass');
    expect(row(d, 'permission.mail-send').status).toBe('pass');
    expect(row(d, 'consent.mail-send').status).toBe('pass');
    expect(row(d, 'consent.user-read')).toMatchObject({
      status: 'skip',
      detail: 'Graph was unavailable — try again',
    });
    expect(row(d, 'permission.least-privilege')).toMatchObject({
      status: 'skip',
      detail: 'Graph was unavailable — try again',
    });
  });
});

describe('permission.least-privilege', () => {
  test('when extra permissions are requested, then it warns listing each with its type', () => {
    const d = diagnose(
      snapshot(
        withGraphPermissions(
          userRead,
          mailReadWrite,
          mailSend,
          { id: ROLE.userReadAll, type: 'Role' },
          {
            id: SCOPE.mailReadWrite,
            type: 'Scope',
          },
        ),
      ),
    );
    const r = row(d, 'permission.least-privilege');
    expect(r.status).toBe('warn');
    expect(r.title).toBe('PCEmail has 2 extra Graph permissions');
    expect(r.detail).toContain(
      'Requested beyond those: User.Read.All (application) and Mail.ReadWrite (delegated).',
    );
    expect(r.fix).toContain('Remove permission');
  });

  test('when an extra application permission is granted but not requested, then it warns and says how to revoke', () => {
    const d = diagnose(
      snapshot(
        withFact(
          'appRoleAssignments',
          succeeded([
            assignment(ROLE.mailReadWrite),
            assignment(ROLE.mailSend),
            assignment(ROLE.mailRead),
          ]),
        ),
      ),
    );
    const r = row(d, 'permission.least-privilege');
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('Granted beyond those: Mail.Read (application).');
    expect(r.fix).toContain('Enterprise applications → PCEmail → Permissions');
  });

  test('when delegated grants hold extra scopes, then they are listed but OpenID sign-in scopes are not', () => {
    const d = diagnose(
      snapshot(
        withFact(
          'permissionGrants',
          succeeded([grant('AllPrincipals', 'User.Read openid offline_access Mail.Send')]),
        ),
      ),
    );
    const r = row(d, 'permission.least-privilege');
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('Granted beyond those: Mail.Send (delegated).');
    expect(r.detail).not.toContain('openid (delegated)');
    expect(r.detail).toContain('OpenID Connect sign-in scopes');
  });

  test('when only OpenID sign-in scopes are added, then it passes and says they are not counted', () => {
    const d = diagnose(
      snapshot(
        withGraphPermissions(userRead, mailReadWrite, mailSend, {
          id: SCOPE.openid,
          type: 'Scope',
        }),
      ),
    );
    const r = row(d, 'permission.least-privilege');
    expect(r.status).toBe('pass');
    expect(r.detail).toContain('are not counted');
  });

  test('when a requested Graph permission id is unknown, then it is listed by id', () => {
    const strange = '12345678-aaaa-4bbb-8ccc-1234567890ab';
    const d = diagnose(
      snapshot(
        withGraphPermissions(userRead, mailReadWrite, mailSend, { id: strange, type: 'Role' }),
      ),
    );
    expect(row(d, 'permission.least-privilege').detail).toContain(
      `unknown permission ${strange} (application)`,
    );
  });

  test('when grants to other APIs exist, then they are not counted', () => {
    const other = 'aaaa0000-0000-4000-8000-00000000beef';
    const d = diagnose(
      snapshot(
        withFact(
          'appRoleAssignments',
          succeeded([
            assignment(ROLE.mailReadWrite),
            assignment(ROLE.mailSend),
            assignment('1111aaaa-0000-4000-8000-000000000000', other),
          ]),
        ),
        withFact(
          'permissionGrants',
          succeeded([
            grant('AllPrincipals', 'User.Read'),
            grant('AllPrincipals', 'Sites.FullControl.All', other),
          ]),
        ),
      ),
    );
    expect(row(d, 'permission.least-privilege').status).toBe('pass');
  });

  test('when the grants could not be read for lack of permission, then it skips and asks for the inspector permission', () => {
    const denied = graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    const d = diagnose(snapshot(withFact('permissionGrants', failed(denied))));
    const r = row(d, 'permission.least-privilege');
    expect(r.status).toBe('skip');
    expect(r.fix).toContain('Directory.Read.All');
    expect(row(d, 'consent.user-read').fix).toContain('Directory.Read.All');
    expect(row(d, 'consent.user-read').fix).not.toContain('DelegatedPermissionGrant.Read.All');
  });

  test('when grants could not be read but extras are requested, then it still warns', () => {
    const d = diagnose(
      snapshot(
        withGraphPermissions(userRead, mailReadWrite, mailSend, {
          id: ROLE.userReadAll,
          type: 'Role',
        }),
        withFact('appRoleAssignments', failed(unavailable())),
      ),
    );
    const r = row(d, 'permission.least-privilege');
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('Some grants could not be read');
  });
});

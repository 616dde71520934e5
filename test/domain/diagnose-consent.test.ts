import { diagnose, failed, succeeded } from '../../src/domain';
import {
  ROLE,
  SCOPE,
  assignment,
  grant,
  graphError,
  row,
  signInFailure,
  snapshot,
  unavailable,
  withFact,
  withGraphPermissions,
  withSignInFailure,
  withoutSecret,
} from './snapshot-builder';

describe('consent.user-read', () => {
  test('when no organization-wide grant includes User.Read, then it fails with Grant admin consent', () => {
    const r = row(
      diagnose(snapshot(withFact('permissionGrants', succeeded([])))),
      'consent.user-read',
    );
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('AllPrincipals');
    expect(r.fix).toContain('API permissions → Grant admin consent');
    expect(r.fix).toContain('Privileged Role Administrator or Global Administrator');
  });

  test('when only single users consented, then it fails and says so', () => {
    const d = diagnose(
      snapshot(withFact('permissionGrants', succeeded([grant('Principal', 'User.Read')]))),
    );
    const r = row(d, 'consent.user-read');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('Only 1 user consented');
  });

  test('when the grant spells user.read in lower case among other scopes, then it passes', () => {
    const d = diagnose(
      snapshot(
        withFact(
          'permissionGrants',
          succeeded([grant('AllPrincipals', 'openid  user.read profile')]),
        ),
      ),
    );
    expect(row(d, 'consent.user-read').status).toBe('pass');
  });

  test('when User.Read is granted to another API, then it does not count', () => {
    const aadGraph = 'dddd0000-0000-4000-8000-000000000000';
    const d = diagnose(
      snapshot(
        withFact('permissionGrants', succeeded([grant('AllPrincipals', 'User.Read', aadGraph)])),
      ),
    );
    expect(row(d, 'consent.user-read').status).toBe('fail');
  });

  test('when User.Read is not even requested, then the fix says to add it first', () => {
    const d = diagnose(
      snapshot(
        withGraphPermissions(
          { id: ROLE.mailReadWrite, type: 'Role' },
          { id: ROLE.mailSend, type: 'Role' },
        ),
        withFact('permissionGrants', succeeded([])),
      ),
    );
    expect(row(d, 'consent.user-read').fix).toContain(
      'First add User.Read as a delegated permission',
    );
  });
});

describe('consent.mail-readwrite / consent.mail-send', () => {
  test('when Mail.Send is requested but not consented, then consent.mail-send fails', () => {
    const d = diagnose(
      snapshot(withFact('appRoleAssignments', succeeded([assignment(ROLE.mailReadWrite)]))),
    );
    const r = row(d, 'consent.mail-send');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('Mail.Send');
    expect(r.fix).toContain('Grant admin consent');
    expect(r.fix).not.toContain('First add');
    expect(row(d, 'consent.mail-readwrite').status).toBe('pass');
  });

  test('when Mail.ReadWrite is neither requested nor consented, then the fix says to add it first', () => {
    const d = diagnose(
      snapshot(
        withGraphPermissions(
          { id: SCOPE.userRead, type: 'Scope' },
          { id: ROLE.mailSend, type: 'Role' },
        ),
        withFact('appRoleAssignments', succeeded([assignment(ROLE.mailSend)])),
      ),
    );
    expect(row(d, 'consent.mail-readwrite').fix).toContain(
      'First add Mail.ReadWrite as an application permission (see permission.mail-readwrite)',
    );
  });

  test('when the assignment is to another API with the same role id, then it does not count', () => {
    const d = diagnose(
      snapshot(
        withFact(
          'appRoleAssignments',
          succeeded([
            assignment(ROLE.mailReadWrite),
            assignment(ROLE.mailSend, 'ffff0000-0000-4000-8000-000000000000'),
          ]),
        ),
      ),
    );
    expect(row(d, 'consent.mail-send').status).toBe('fail');
  });

  test('when the assignments cannot be read for lack of permission, then they skip asking for Application.Read.All', () => {
    const denied = graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    const d = diagnose(snapshot(withFact('appRoleAssignments', failed(denied))));
    for (const id of ['consent.mail-readwrite', 'consent.mail-send'] as const) {
      expect(row(d, id).status).toBe('skip');
      expect(row(d, id).detail).toContain('Insufficient privileges');
      expect(row(d, id).fix).toContain('Application.Read.All');
    }
  });

  test('when the assignments could not be read because Graph was unavailable, then they skip', () => {
    const d = diagnose(snapshot(withFact('appRoleAssignments', failed(unavailable()))));
    expect(row(d, 'consent.mail-send')).toMatchObject({
      status: 'skip',
      detail: 'Graph was unavailable — try again',
    });
  });
});

describe('token.roles', () => {
  test('when the token lacks Mail.Send, then it fails naming it and says to wait after consenting', () => {
    const d = diagnose(
      snapshot(withFact('pcemailSignIn', succeeded({ roles: ['Mail.ReadWrite'] }))),
    );
    const r = row(d, 'token.roles');
    expect(r.status).toBe('fail');
    expect(r.title).toBe('Token lacks Mail.Send');
    expect(r.detail).toContain('missing: Mail.Send');
    expect(r.fix).toContain('Grant admin consent');
    expect(r.fix).toContain('wait a few minutes');
  });

  // With the mailboxes still readable, auto would recognise RBAC for Applications; the
  // access-policy model is the one where a token without roles lacks them.
  test('when the model is the access policy and the token has no roles at all, then both are named', () => {
    const r = row(
      diagnose(
        snapshot(
          withFact('pcemailSignIn', succeeded({ roles: [] })),
          (s) => (s.settings = { ...s.settings, restrictionModel: 'access-policy' }),
        ),
      ),
      'token.roles',
    );
    expect(r.title).toBe('Token lacks Mail.ReadWrite and Mail.Send');
    expect(r.detail).toContain('holds no roles');
  });

  test('when no secret is configured, then it skips saying no PCEmail token could be had', () => {
    const r = row(diagnose(snapshot(withoutSecret)), 'token.roles');
    expect(r.status).toBe('skip');
    expect(r.detail).toBe('no PCEmail token: no client secret configured (PCEMAIL_CLIENT_SECRET)');
  });

  test('when the sign-in failed, then it skips saying why', () => {
    const r = row(diagnose(snapshot(withSignInFailure(signInFailure(7000215)))), 'token.roles');
    expect(r.status).toBe('skip');
    expect(r.detail).toContain('sign-in failed (AADSTS7000215)');
    expect(r.fix).toContain('secret.works');
  });
});

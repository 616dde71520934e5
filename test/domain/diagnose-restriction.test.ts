import { diagnose, failed, succeeded } from '../../src/domain';
import {
  MAILBOXES,
  OUT_OF_SCOPE,
  RAOP_MESSAGE,
  ROLE,
  assignment,
  graphError,
  inbox,
  row,
  snapshot,
  withFact,
  withOutOfScope,
  withSettings,
  type Modifier,
} from './snapshot-builder';

const PLAIN_DENIAL = graphError(
  403,
  'ErrorAccessDenied',
  'Access is denied. Check credentials and try again.',
);

/** RBAC for Applications done right: no Mail roles consented or in the token, in-scope mailboxes readable. */
const rbacTenant: Modifier = (s) => {
  withFact('appRoleAssignments', succeeded([]))(s);
  withFact('pcemailSignIn', succeeded({ roles: [], readable: true }))(s);
  withOutOfScope(failed(PLAIN_DENIAL))(s);
};

describe('restriction models', () => {
  test('when the token holds no Mail role and still reads the mailboxes, then auto judges RBAC and every row passes', () => {
    const d = diagnose(snapshot(rbacTenant));
    expect(d.restriction).toBe('rbac');
    expect(d.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(row(d, 'consent.mail-send').detail).toMatch(/Test-ServicePrincipalAuthorization/);
  });

  test('when the model is rbac but no mailbox could be read, then the Mail consent rows skip saying why', () => {
    const d = diagnose(
      snapshot(
        rbacTenant,
        withSettings({ restrictionModel: 'rbac' }),
        withFact(
          'mailboxes',
          MAILBOXES.map((address) => ({ address, inbox: failed(PLAIN_DENIAL) })),
        ),
      ),
    );
    expect(row(d, 'consent.mail-readwrite').status).toBe('skip');
    expect(row(d, 'consent.mail-send').status).toBe('skip');
    const access = row(d, 'mailbox.access', MAILBOXES[0]);
    expect(access.status).toBe('fail');
    expect(access.title).toMatch(/outside the RBAC management scope/);
    expect(access.fix).toMatch(/Test-ServicePrincipalAuthorization/);
  });

  test('when the model is rbac and Mail roles are consented tenant-wide, then consent, token and restriction fail and say to revoke', () => {
    const d = diagnose(
      snapshot(withSettings({ restrictionModel: 'rbac' }), withOutOfScope(succeeded(inbox(5, 1)))),
    );
    for (const id of ['consent.mail-readwrite', 'consent.mail-send', 'token.roles'] as const) {
      expect(row(d, id).status).toBe('fail');
      expect(row(d, id).fix).toMatch(/Revoke/);
    }
    expect(row(d, 'mailbox.restricted').fix).toMatch(/revoke the tenant-wide Entra admin consent/);
  });

  test('when the access policy refuses the out-of-scope mailbox, then the access-policy model still passes', () => {
    const d = diagnose(
      snapshot(withOutOfScope(failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE)))),
    );
    expect(d.restriction).toBe('access-policy');
    expect(row(d, 'mailbox.restricted').status).toBe('pass');
    expect(row(d, 'consent.mail-readwrite').status).toBe('pass');
  });

  test('when the token lacks Mail roles and no mailbox is readable, then auto stays with the access policy and consent fails', () => {
    const d = diagnose(
      snapshot(
        rbacTenant,
        withFact(
          'mailboxes',
          MAILBOXES.map((address) => ({ address, inbox: failed(PLAIN_DENIAL) })),
        ),
      ),
    );
    expect(d.restriction).toBe('access-policy');
    expect(row(d, 'consent.mail-readwrite').status).toBe('fail');
    expect(row(d, 'token.roles').status).toBe('fail');
  });

  test('when the out-of-scope mailbox is readable, then the fix names both models', () => {
    const d = diagnose(snapshot(withOutOfScope(succeeded(inbox(3, 0)))));
    const fix = row(d, 'mailbox.restricted').fix ?? '';
    expect(fix).toMatch(/New-ApplicationAccessPolicy/);
    expect(fix).toMatch(/RBAC for Applications/);
    expect(fix).toMatch(/New-ManagementRoleAssignment -App b7c8d9e0-/);
    expect(fix).toContain(OUT_OF_SCOPE);
  });
});

describe('token.roles when the token cannot be read', () => {
  test('when the access token is not a readable JWT, then token.roles skips saying why instead of "lacks"', () => {
    const d = diagnose(
      snapshot(
        withFact('pcemailSignIn', succeeded({ roles: [], readable: false })),
        withFact(
          'appRoleAssignments',
          succeeded([assignment(ROLE.mailReadWrite), assignment(ROLE.mailSend)]),
        ),
      ),
    );
    const r = row(d, 'token.roles');
    expect(r.status).toBe('skip');
    expect(r.detail).toMatch(/could not be decoded/);
    expect(r.title).not.toMatch(/lacks/);
  });
});

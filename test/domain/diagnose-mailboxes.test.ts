import { diagnose, ErrorCode, failed, succeeded } from '../../src/domain';
import {
  APP_ID,
  MAILBOXES,
  OUT_OF_SCOPE,
  RAOP_MESSAGE,
  graphError,
  inbox,
  row,
  signInFailure,
  snapshot,
  unavailable,
  withFact,
  withOutOfScope,
  withProbe,
  withSettings,
  withSignInFailure,
  withoutSecret,
  withoutSetting,
} from './snapshot-builder';

const [SUPPORT, SALES] = MAILBOXES as [string, string];

describe('mailbox.access', () => {
  test('when a mailbox is outside the policy scope group, then its row fails and names Add-DistributionGroupMember', () => {
    const d = diagnose(
      snapshot(withProbe(SALES, failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE)))),
    );
    expect(row(d, 'mailbox.access', SUPPORT).status).toBe('pass');
    const r = row(d, 'mailbox.access', SALES);
    expect(r.status).toBe('fail');
    expect(r.detail).toContain(
      'not in the policy scope group (or the policy is still propagating, up to 1 h+)',
    );
    expect(r.fix).toContain(
      `Add-DistributionGroupMember -Identity "pcemail-mailboxes@contoso.com" -Member ${SALES}`,
    );
    expect(r.fix).toContain('after an hour');
    expect(r.fix).toContain(`Test-ApplicationAccessPolicy -Identity ${SALES} -AppId ${APP_ID}`);
  });

  test('when the scope group is not known, then the fix shows a placeholder for it', () => {
    const d = diagnose(
      snapshot(
        withoutSetting('scopeGroup'),
        withProbe(SALES, failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE))),
      ),
    );
    expect(row(d, 'mailbox.access', SALES).fix).toContain('-Identity "<scope group>"');
  });

  test('when Graph answers a plain 403, then the row fails with "role missing"', () => {
    const denied = graphError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
    const d = diagnose(
      snapshot(
        withFact('pcemailSignIn', succeeded({ roles: ['Mail.Send'] })),
        withProbe(SUPPORT, failed(denied)),
      ),
    );
    const r = row(d, 'mailbox.access', SUPPORT);
    expect(r.status).toBe('fail');
    expect(r.title).toContain('role missing');
    expect(r.detail).toContain('lacks the Mail.ReadWrite application role');
    expect(r.fix).toContain('Mail.ReadWrite (application) with admin consent');
  });

  test('when the address is no user (404 ErrorInvalidUser), then the row fails with "no such user"', () => {
    const missing = graphError(
      404,
      'ErrorInvalidUser',
      "The requested user 'sales@contoso.com' is invalid.",
    );
    const r = row(diagnose(snapshot(withProbe(SALES, failed(missing)))), 'mailbox.access', SALES);
    expect(r.status).toBe('fail');
    expect(r.title).toBe('No such user');
    expect(r.fix).toContain('Recipients → Mailboxes');
  });

  test('when the mailbox is not in Exchange Online (MailboxNotEnabledForRESTAPI), then the row fails saying so', () => {
    const onPrem = graphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
    const r = row(diagnose(snapshot(withProbe(SALES, failed(onPrem)))), 'mailbox.access', SALES);
    expect(r.status).toBe('fail');
    expect(r.title).toBe('Not an Exchange Online mailbox');
    expect(r.fix).toContain('Exchange Online license');
  });

  test('when Graph was unavailable for one mailbox, then only that row skips', () => {
    const d = diagnose(snapshot(withProbe(SALES, failed(unavailable()))));
    expect(row(d, 'mailbox.access', SALES)).toMatchObject({
      status: 'skip',
      detail: 'Graph was unavailable — try again',
    });
    expect(row(d, 'mailbox.access', SUPPORT).status).toBe('pass');
  });

  test('when Graph refuses the mailbox read with another known code, then the row explains it from the knowledge base', () => {
    const notFound = graphError(
      400,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
    const r = row(diagnose(snapshot(withProbe(SALES, failed(notFound)))), 'mailbox.access', SALES);
    expect(r.status).toBe('fail');
    expect(r.title).toContain('Mailbox item not found');
    expect(r.fix).toContain('https://learn.microsoft.com/graph/errors');
  });

  test('when the inbox has one item, then the count reads in the singular', () => {
    const r = row(
      diagnose(snapshot(withProbe(SUPPORT, succeeded(inbox(1, 0))))),
      'mailbox.access',
      SUPPORT,
    );
    expect(r.detail).toBe('Inbox readable: 1 item, 0 unread.');
  });

  test('when no mailboxes are configured, then one mailbox.access row warns without a target', () => {
    const d = diagnose(snapshot(withSettings({ mailboxes: [] }), withFact('mailboxes', [])));
    const rows = d.checks.filter((c) => c.id === 'mailbox.access');
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toHaveProperty('target');
    expect(rows[0]?.status).toBe('warn');
    expect(rows[0]?.fix).toContain('PCEMAIL_MAILBOXES');
  });

  test('when no secret is configured, then each mailbox row skips with its target', () => {
    const d = diagnose(snapshot(withoutSecret));
    for (const address of MAILBOXES) {
      const r = row(d, 'mailbox.access', address);
      expect(r.status).toBe('skip');
      expect(r.detail).toContain('no client secret configured (PCEMAIL_CLIENT_SECRET)');
    }
  });

  test('when the PCEmail sign-in failed, then each mailbox row skips saying the sign-in failed', () => {
    const d = diagnose(snapshot(withSignInFailure(signInFailure(7000222))));
    for (const address of MAILBOXES) {
      expect(row(d, 'mailbox.access', address).detail).toContain('sign-in failed (AADSTS7000222)');
    }
  });
});

describe('mailbox.restricted', () => {
  test('when the out-of-scope mailbox is denied by the policy, then it passes', () => {
    expect(row(diagnose(snapshot()), 'mailbox.restricted').status).toBe('pass');
  });

  test('when the out-of-scope mailbox is readable, then it fails: PCEmail can read every mailbox', () => {
    const r = row(
      diagnose(snapshot(withOutOfScope(succeeded(inbox(10, 1))))),
      'mailbox.restricted',
    );
    expect(r.status).toBe('fail');
    expect(r.title).toBe('PCEmail can read every mailbox');
    expect(r.detail).toContain(OUT_OF_SCOPE);
    expect(r.fix).toContain(`New-ApplicationAccessPolicy -AppId ${APP_ID}`);
    expect(r.fix).toContain('-AccessRight RestrictAccess');
    expect(r.fix).toContain('Test-ApplicationAccessPolicy');
  });

  test('when no secret is configured, then it skips', () => {
    const r = row(diagnose(snapshot(withoutSecret)), 'mailbox.restricted');
    expect(r.status).toBe('skip');
    expect(r.detail).toContain('PCEMAIL_CLIENT_SECRET');
  });

  test('when no out-of-scope mailbox is configured, then it warns asking for one', () => {
    const d = diagnose(snapshot(withoutSetting('outOfScopeMailbox'), (s) => delete s.outOfScope));
    const r = row(d, 'mailbox.restricted');
    expect(r.status).toBe('warn');
    expect(r.fix).toContain('PCEMAIL_OUT_OF_SCOPE_MAILBOX');
    expect(r.fix).toContain('outside the policy scope group');
  });

  test('when the out-of-scope address is not a mailbox (404), then it warns asking for an existing mailbox', () => {
    const missing = graphError(
      404,
      'ErrorInvalidUser',
      "The requested user 'ceo@contoso.com' is invalid.",
    );
    const r = row(diagnose(snapshot(withOutOfScope(failed(missing)))), 'mailbox.restricted');
    expect(r.status).toBe('warn');
    expect(r.fix).toContain('existing mailbox outside the policy scope group');
  });

  test('when the token lacks Mail.ReadWrite and the read is a plain 403, then it skips', () => {
    const denied = graphError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
    const d = diagnose(
      snapshot(
        withFact('pcemailSignIn', succeeded({ roles: ['Mail.Send'] })),
        withOutOfScope(failed(denied)),
      ),
    );
    const r = row(d, 'mailbox.restricted');
    expect(r.status).toBe('skip');
    expect(r.detail).toContain('lacks Mail.ReadWrite');
  });

  test('when the token has Mail.ReadWrite but the read is a plain 403, then it skips pointing at Test-ServicePrincipalAuthorization', () => {
    const denied = graphError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
    const r = row(diagnose(snapshot(withOutOfScope(failed(denied)))), 'mailbox.restricted');
    expect(r.status).toBe('skip');
    expect(r.fix).toContain('Test-ServicePrincipalAuthorization');
  });

  test('when the out-of-scope mailbox is also one of PCEmail’s, then it warns', () => {
    const r = row(
      diagnose(snapshot(withSettings({ outOfScopeMailbox: SUPPORT.toUpperCase() }))),
      'mailbox.restricted',
    );
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('PCEMAIL_MAILBOXES');
  });

  test('when Graph was unavailable, then it skips rather than guessing', () => {
    const r = row(diagnose(snapshot(withOutOfScope(failed(unavailable())))), 'mailbox.restricted');
    expect(r).toMatchObject({ status: 'skip', detail: 'Graph was unavailable — try again' });
  });

  test('when the sign-in failed, then it skips saying so', () => {
    const r = row(
      diagnose(
        snapshot(withSignInFailure({ code: ErrorCode.SignInFailed, message: 'invalid_client' })),
      ),
      'mailbox.restricted',
    );
    expect(r.status).toBe('skip');
    expect(r.detail).toContain('sign-in failed (invalid_client)');
  });
});

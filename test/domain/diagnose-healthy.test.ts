import { CHECK_IDS, diagnose } from '../../src/domain';
import {
  MAILBOXES,
  OUT_OF_SCOPE,
  TAKEN_AT,
  TENANT_ID,
  healthySnapshot,
  row,
} from './snapshot-builder';

describe('diagnose on a healthy tenant', () => {
  const diagnosis = diagnose(healthySnapshot());

  test('when everything is set up, then every check passes', () => {
    expect(diagnosis.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  test('when everything is set up, then the rows follow the catalogue with one mailbox row per mailbox', () => {
    const expected = CHECK_IDS.flatMap((id) =>
      id === 'mailbox.access' ? MAILBOXES.map(() => id) : [id],
    );
    expect(diagnosis.checks.map((c) => c.id)).toEqual(expected);
    expect(diagnosis.checks.filter((c) => c.id === 'mailbox.access').map((c) => c.target)).toEqual(
      MAILBOXES,
    );
  });

  test('when a row passes, then it has no fix, and only mailbox.access rows carry a target', () => {
    for (const c of diagnosis.checks) {
      expect(c).not.toHaveProperty('fix');
      if (c.id !== 'mailbox.access') expect(c).not.toHaveProperty('target');
    }
  });

  test('when diagnosed, then the tenant and the snapshot time are reported', () => {
    expect(diagnosis.tenant).toEqual({ id: TENANT_ID, mode: 'simulated' });
    expect(diagnosis.checkedAt).toBe(TAKEN_AT);
  });

  test('when diagnosed, then the details say what was found', () => {
    expect(row(diagnosis, 'app.registered').detail).toContain('PCEmail');
    expect(row(diagnosis, 'secret.expiry').detail).toMatch(/2026-12-31.*577 days left/);
    expect(row(diagnosis, 'secret.works').detail).toBe(
      'PCEmail signed in with the configured secret (PCEMAIL_CLIENT_SECRET).',
    );
    expect(row(diagnosis, 'mailbox.access', MAILBOXES[0]).detail).toBe(
      'Inbox readable: 42 items, 3 unread.',
    );
    expect(row(diagnosis, 'mailbox.restricted').detail).toContain(OUT_OF_SCOPE);
    expect(row(diagnosis, 'mailbox.restricted').detail).toContain('Access to OData is disabled');
  });

  test('when rows are printed as JSON, then keys come in the CLI order', () => {
    expect(Object.keys(row(diagnosis, 'mailbox.access', MAILBOXES[0]))).toEqual([
      'id',
      'target',
      'status',
      'title',
      'detail',
    ]);
  });
});

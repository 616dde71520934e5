import { CHECK_IDS, diagnose, failed, succeeded, type TenantSnapshot } from '../../src/domain';
import {
  RAOP_MESSAGE,
  graphError,
  healthyApp,
  signInFailure,
  snapshot,
  unavailable,
  withApp,
  withApplications,
  withFact,
  withOutOfScope,
  withProbe,
  withSettings,
  withSignInFailure,
  withoutSecret,
} from './snapshot-builder';

const SCENARIOS: Record<string, TenantSnapshot> = {
  healthy: snapshot(),
  'no app': snapshot(withApplications(succeeded([]))),
  'two apps': snapshot(
    withApplications(succeeded([healthyApp(), { ...healthyApp(), appId: 'other' }])),
  ),
  'apps unavailable': snapshot(withApplications(failed(unavailable()))),
  'no secret': snapshot(withoutSecret),
  'sign-in failed': snapshot(withSignInFailure(signInFailure(7000215))),
  'no credentials': snapshot(withApp({ passwordCredentials: [], keyCredentials: [] })),
  'multi-tenant': snapshot(withApp({ signInAudience: 'AzureADMultipleOrgs' })),
  'no permissions': snapshot(withApp({ requiredResourceAccess: [] })),
  'no consent': snapshot(
    withFact('appRoleAssignments', succeeded([])),
    withFact('permissionGrants', succeeded([])),
  ),
  'no service principal': snapshot(withFact('servicePrincipal', succeeded(null))),
  'graph sp unavailable': snapshot(withFact('graphServicePrincipal', failed(unavailable()))),
  'mailbox outside scope': snapshot(
    withProbe('sales@contoso.com', failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE))),
  ),
  unrestricted: snapshot(withOutOfScope(succeeded({ totalItemCount: 1, unreadItemCount: 1 }))),
  'no mailboxes': snapshot(withSettings({ mailboxes: [] })),
};

describe.each(Object.entries(SCENARIOS))('diagnose invariants: %s', (_name, s) => {
  const { checks } = diagnose(s);

  test('when diagnosed, then rows follow the catalogue order', () => {
    const order = checks.map((c) => CHECK_IDS.indexOf(c.id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(checks.map((c) => c.id))).toEqual(new Set(CHECK_IDS));
  });

  test('when diagnosed, then a fix is present exactly when the row does not pass', () => {
    for (const c of checks)
      expect(c.fix !== undefined && c.fix.length > 0).toBe(c.status !== 'pass');
  });

  test('when diagnosed, then only mailbox rows carry a target, and titles are one line', () => {
    for (const c of checks) {
      if (c.id !== 'mailbox.access') expect(c.target).toBeUndefined();
      expect(c.title).not.toMatch(/\n/);
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.detail.length).toBeGreaterThan(0);
    }
  });

  test('when diagnosed, then the snapshot is not changed', () => {
    const before = JSON.stringify(s);
    diagnose(s);
    expect(JSON.stringify(s)).toBe(before);
  });
});

import { CHECK_IDS, diagnose, failed, succeeded } from '../../src/domain';
import {
  APP_ID,
  MAILBOXES,
  graphError,
  healthyApp,
  row,
  snapshot,
  text,
  unavailable,
  withApp,
  withApplications,
  withFact,
  withSettings,
} from './snapshot-builder';

const LATER = CHECK_IDS.filter((id) => id !== 'app.registered');

describe('app.registered', () => {
  test('when no registration is named PCEmail, then it fails and says how to register one', () => {
    const d = diagnose(snapshot(withApplications(succeeded([]))));
    const r = row(d, 'app.registered');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('No app registration is named "PCEmail"');
    expect(r.fix).toContain('App registrations → New registration');
    expect(r.fix).toContain('PCEMAIL_APP_ID');
  });

  test('when no registration is found, then every later row skips with "app registration not found"', () => {
    const d = diagnose(snapshot(withApplications(succeeded([]))));
    const later = d.checks.filter((c) => c.id !== 'app.registered');
    expect(later.map((c) => c.id)).toEqual(
      LATER.flatMap((id) => (id === 'mailbox.access' ? MAILBOXES.map(() => id) : [id])),
    );
    for (const c of later) {
      expect(c.status).toBe('skip');
      expect(c.detail).toContain('app registration not found');
      expect(c.fix).toBeTruthy();
    }
    expect(later.filter((c) => c.id === 'mailbox.access').map((c) => c.target)).toEqual(MAILBOXES);
  });

  test('when PCEMAIL_APP_ID matches nothing and is a character short, then the fail says so', () => {
    const shortId = APP_ID.slice(0, -1);
    const d = diagnose(snapshot(withSettings({ appId: shortId }), withApplications(succeeded([]))));
    const r = row(d, 'app.registered');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain(shortId);
    expect(r.detail).toContain('has 35 characters, a GUID has 36');
    expect(r.fix).toContain('Application (client) ID (not the Object ID)');
  });

  test('when several registrations are named PCEmail, then it warns naming each, and the rest skip', () => {
    const other = {
      ...healthyApp(),
      id: 'f0f0f0f0-0000-4000-8000-000000000002',
      appId: '5e5e5e5e-0000-4000-8000-000000000003',
      createdDateTime: '2023-02-03T10:00:00Z',
    };
    const d = diagnose(snapshot(withApplications(succeeded([healthyApp(), other]))));
    const r = row(d, 'app.registered');
    expect(r.status).toBe('warn');
    expect(r.title).toBe('2 app registrations named PCEmail');
    expect(r.detail).toContain(APP_ID);
    expect(r.detail).toContain('5e5e5e5e-0000-4000-8000-000000000003');
    expect(r.detail).toContain('created 2023-02-03');
    expect(r.fix).toContain('PCEMAIL_APP_ID');
    for (const c of d.checks.filter((x) => x.id !== 'app.registered')) {
      expect(c.status).toBe('skip');
      expect(c.detail).toBe('several registrations named PCEmail — set PCEMAIL_APP_ID');
    }
  });

  test('when the inspector may not read applications, then it skips and asks for Application.Read.All', () => {
    const denied = graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    const d = diagnose(snapshot(withApplications(failed(denied))));
    const r = row(d, 'app.registered');
    expect(r.status).toBe('skip');
    expect(r.detail).toContain('Authorization_RequestDenied');
    expect(r.fix).toContain('Application.Read.All');
    expect(row(d, 'secret.present').status).toBe('skip');
    expect(row(d, 'secret.present').fix).toContain('Application.Read.All');
  });

  test('when Graph is unavailable, then every row skips with "Graph was unavailable — try again"', () => {
    const d = diagnose(snapshot(withApplications(failed(unavailable()))));
    for (const c of d.checks) {
      expect(c.status).toBe('skip');
      expect(c.detail).toBe('Graph was unavailable — try again');
    }
  });
});

describe('app.single-tenant', () => {
  test('when the app accepts other organizations, then it warns with the portal path', () => {
    const r = row(
      diagnose(snapshot(withApp({ signInAudience: 'AzureADMultipleOrgs' }))),
      'app.single-tenant',
    );
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('AzureADMultipleOrgs');
    expect(r.fix).toContain('Authentication → Supported account types');
    expect(r.fix).toContain('Accounts in this organizational directory only');
  });
});

describe('app.service-principal', () => {
  test('when there is no service principal, then it fails and consent rows skip', () => {
    const d = diagnose(
      snapshot(withFact('servicePrincipal', succeeded(null)), (s) => {
        delete s.appRoleAssignments;
        delete s.permissionGrants;
      }),
    );
    const r = row(d, 'app.service-principal');
    expect(r.status).toBe('fail');
    expect(r.fix).toContain(`New-MgServicePrincipal -AppId ${APP_ID}`);
    for (const id of [
      'consent.user-read',
      'consent.mail-readwrite',
      'consent.mail-send',
    ] as const) {
      expect(row(d, id).status).toBe('skip');
      expect(row(d, id).detail).toContain('no enterprise application');
    }
    expect(row(d, 'permission.least-privilege').status).toBe('pass');
  });

  test('when the service principal is disabled, then it fails and consent is still judged', () => {
    const d = diagnose(
      snapshot(
        withFact(
          'servicePrincipal',
          succeeded({
            id: 'b7c8d9e0-f1a2-4b3c-9d4e-5f60718293a4',
            appId: APP_ID,
            displayName: 'PCEmail',
            accountEnabled: false,
          }),
        ),
      ),
    );
    const r = row(d, 'app.service-principal');
    expect(r.status).toBe('fail');
    expect(text(r)).toContain('disabled');
    expect(r.fix).toContain('Enabled for users to sign-in?');
    expect(row(d, 'consent.mail-send').status).toBe('pass');
  });

  test('when the service principal could not be read because Graph was unavailable, then it skips', () => {
    const d = diagnose(snapshot(withFact('servicePrincipal', failed(unavailable()))));
    expect(row(d, 'app.service-principal')).toMatchObject({
      status: 'skip',
      detail: 'Graph was unavailable — try again',
    });
    expect(row(d, 'consent.mail-readwrite').detail).toBe('Graph was unavailable — try again');
  });
});

import { diagnose, failed, succeeded } from '../../../src/domain';
import type { CheckResult } from '../../../src/domain/check-result';
import {
  checksForStep,
  credentialsFromDiagnosis,
  factsFromDiagnosis,
  firstToFix,
  mayBePropagating,
  notPassingElsewhere,
  verificationOf,
} from '../../../src/domain/setup';
import {
  APP_ID,
  healthyApp,
  MAILBOXES,
  RAOP_MESSAGE,
  SP_ID,
  graphError,
  snapshot,
  withApp,
  withApplications,
  withFact,
  withProbe,
} from '../snapshot-builder';

describe('factsFromDiagnosis and credentialsFromDiagnosis (the facts diagnose() found)', () => {
  it('when the tenant is healthy, then the App ID, the enterprise app’s object ID and the mailboxes are found', () => {
    expect(factsFromDiagnosis(diagnose(snapshot()))).toEqual({
      appId: APP_ID,
      servicePrincipalId: SP_ID,
      mailboxes: MAILBOXES,
    });
  });

  it('when the enterprise app is disabled, then its object ID is still found', () => {
    const d = diagnose(
      snapshot(
        withFact(
          'servicePrincipal',
          succeeded({ id: SP_ID, appId: APP_ID, displayName: 'PCEmail', accountEnabled: false }),
        ),
      ),
    );
    expect(factsFromDiagnosis(d).servicePrincipalId).toBe(SP_ID);
  });

  it('when there is no enterprise app or no registration, then no object ID (or App ID) is invented', () => {
    expect(
      factsFromDiagnosis(diagnose(snapshot(withFact('servicePrincipal', succeeded(null))))),
    ).toEqual({
      appId: APP_ID,
      mailboxes: MAILBOXES,
    });
    const none = diagnose(snapshot(withApplications(succeeded([]))));
    expect(factsFromDiagnosis(none).appId).toBeUndefined();
    expect(factsFromDiagnosis(none).servicePrincipalId).toBeUndefined();
  });

  it('when the app has a secret and a certificate, then both are listed with hint and end date, never more', () => {
    const d = diagnose(
      snapshot(
        withApp({
          passwordCredentials: [
            ...healthyApp().passwordCredentials,
            {
              keyId: '11111111-2222-4333-8444-555555555555',
              displayName: null,
              hint: 'zz9',
              startDateTime: null,
              endDateTime: null,
            },
          ],
          keyCredentials: [
            {
              keyId: '66666666-7777-4888-9999-000000000000',
              displayName: 'CN=pcemail',
              type: 'AsymmetricX509Cert',
              usage: 'Verify',
              startDateTime: '2025-01-01T00:00:00Z',
              endDateTime: '2026-01-01T00:00:00Z',
            },
          ],
        }),
      ),
    );
    expect(credentialsFromDiagnosis(d)).toEqual([
      { kind: 'secret', name: 'Emplifi Agent', hint: 'k8Q', expires: '2026-12-31' },
      { kind: 'secret', name: '11111111-2222-4333-8444-555555555555', hint: 'zz9' },
      { kind: 'certificate', name: 'CN=pcemail', expires: '2026-01-01' },
    ]);
  });

  it('when there is no secret, then no credential is listed', () => {
    const d = diagnose(snapshot(withApp({ passwordCredentials: [], keyCredentials: [] })));
    expect(credentialsFromDiagnosis(d)).toEqual([]);
  });
});

describe('step reports', () => {
  const blocked = diagnose(
    snapshot(withProbe(MAILBOXES[1]!, failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE)))),
  );

  it('when a step is verified, then only its checks are kept and the others’ failures are counted', () => {
    const report = verificationOf('restrict', blocked.checks, blocked.checkedAt);
    expect(report.checks.map((c) => c.id)).toEqual([
      'mailbox.access',
      'mailbox.access',
      'mailbox.restricted',
    ]);
    expect(report.otherNotPassing).toBe(0);
    expect(checksForStep('consent', blocked.checks).map((c) => c.id)).toEqual([
      'consent.user-read',
      'consent.mail-readwrite',
      'consent.mail-send',
      'token.roles',
    ]);
    // The failing mailbox belongs to a later step: it cannot block consent.
    expect(notPassingElsewhere('consent', blocked.checks)).toBe(0);
    expect(notPassingElsewhere('register', blocked.checks)).toBe(0);
    const unregistered = blocked.checks.map((c) =>
      c.id === 'app.registered' ? { ...c, status: 'fail' as const } : c,
    );
    expect(notPassingElsewhere('register', unregistered)).toBe(0); // step 1 has no earlier step
    expect(notPassingElsewhere('secret', unregistered)).toBe(1);
    expect(verificationOf('finish', blocked.checks, blocked.checkedAt).checks).toHaveLength(
      blocked.checks.length,
    );
  });

  it('when a mailbox is blocked by the policy, then the result may be propagation and is the first to fix', () => {
    expect(mayBePropagating(blocked.checks)).toBe(true);
    expect(mayBePropagating(diagnose(snapshot()).checks)).toBe(false);
    expect(firstToFix(blocked.checks)).toMatchObject({
      id: 'mailbox.access',
      target: MAILBOXES[1],
      status: 'fail',
    });
    expect(firstToFix(diagnose(snapshot()).checks)).toBeUndefined();
  });

  it('when the typed scope group is known, then the fixes name it instead of "<scope group>"', () => {
    const blocked = withProbe(
      MAILBOXES[1]!,
      failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE)),
    );
    const row = (checks: CheckResult[]) => checks.find((c) => c.status === 'fail')!;
    const unknownGroup = diagnose(snapshot((s) => delete s.settings.scopeGroup, blocked));
    expect(row(unknownGroup.checks).fix).toContain('"<scope group>"');
    const typed = diagnose(
      snapshot((s) => (s.settings.scopeGroup = 'pcemail@contoso.com'), blocked),
    );
    expect(row(typed.checks).fix).toContain('-Identity "pcemail@contoso.com"');
    expect(row(typed.checks).fix).not.toContain('<scope group>');
  });

  it('when checks could not be judged, then nothing is "to fix"', () => {
    const skipped: CheckResult[] = [
      { id: 'secret.works', status: 'skip', title: 't', detail: 'd', fix: 'f' },
    ];
    expect(firstToFix(skipped)).toBeUndefined();
  });
});

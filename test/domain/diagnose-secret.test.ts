import { diagnose, type PasswordCredential } from '../../src/domain';
import {
  SECRET_KEY_ID,
  row,
  signInFailure,
  snapshot,
  text,
  unavailable,
  withApp,
  withSettings,
  withSignInFailure,
  withoutSecret,
} from './snapshot-builder';

function secret(patch: Partial<PasswordCredential>): PasswordCredential {
  return {
    keyId: '1b2c3d4e-0000-4000-8000-00000000000a',
    displayName: 'Emplifi Agent',
    hint: 'k8Q',
    startDateTime: '2025-01-01T00:00:00Z',
    endDateTime: '2026-12-31T00:00:00Z',
    ...patch,
  };
}

describe('secret.present', () => {
  test('when the app has no secret and no certificate, then it fails and says where to create one', () => {
    const d = diagnose(snapshot(withApp({ passwordCredentials: [], keyCredentials: [] })));
    const r = row(d, 'secret.present');
    expect(r.status).toBe('fail');
    expect(r.fix).toContain('Certificates & secrets → New client secret');
    expect(r.fix).toContain('Value (not the Secret ID)');
    expect(row(d, 'secret.expiry').status).toBe('skip');
  });

  test('when the app has only a certificate, then it passes', () => {
    const cert = {
      keyId: 'c3c3c3c3-0000-4000-8000-000000000001',
      displayName: 'CN=PCEmail',
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      startDateTime: '2025-01-01T00:00:00Z',
      endDateTime: '2026-06-01T00:00:00Z',
    };
    const d = diagnose(snapshot(withApp({ passwordCredentials: [], keyCredentials: [cert] })));
    expect(row(d, 'secret.present').status).toBe('pass');
    expect(row(d, 'secret.expiry').status).toBe('pass');
  });
});

describe('secret.expiry', () => {
  test('when every credential has expired, then it fails naming the latest and its date', () => {
    const d = diagnose(
      snapshot(
        withApp({
          passwordCredentials: [
            secret({ displayName: 'old', hint: 'aaa', endDateTime: '2024-01-01T00:00:00Z' }),
            secret({
              displayName: 'Emplifi 2024',
              hint: 'bbb',
              endDateTime: '2025-05-20T00:00:00Z',
            }),
          ],
        }),
      ),
    );
    const r = row(d, 'secret.expiry');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('All 2 credentials expired');
    expect(r.detail).toContain('"Emplifi 2024"');
    expect(r.detail).toContain('bbb');
    expect(r.detail).toContain('2025-05-20');
    expect(r.detail).toContain('12 days ago');
  });

  test('when the latest secret ends in 12.5 days, then it warns with 12 whole days left and the date', () => {
    const d = diagnose(
      snapshot(withApp({ passwordCredentials: [secret({ endDateTime: '2025-06-14T00:00:00Z' })] })),
    );
    const r = row(d, 'secret.expiry');
    expect(r.status).toBe('warn');
    expect(r.title).toBe('Secret expires in 12 days');
    expect(r.detail).toContain('2025-06-14');
    expect(r.detail).toContain('12 days left');
    expect(r.detail).toContain('"Emplifi Agent"');
    expect(r.fix).toContain('New client secret');
  });

  test('when one secret is expiring but a newer one lasts, then only the latest counts and it passes', () => {
    const d = diagnose(
      snapshot(
        withApp({
          passwordCredentials: [
            secret({ endDateTime: '2025-06-05T00:00:00Z' }),
            secret({ displayName: 'new', endDateTime: '2026-06-05T00:00:00Z' }),
          ],
        }),
      ),
    );
    expect(row(d, 'secret.expiry').status).toBe('pass');
  });

  test('when the latest secret ends in exactly 30 days, then it warns; at 31 days it passes', () => {
    const at30 = diagnose(
      snapshot(withApp({ passwordCredentials: [secret({ endDateTime: '2025-07-01T12:00:00Z' })] })),
    );
    const at31 = diagnose(
      snapshot(withApp({ passwordCredentials: [secret({ endDateTime: '2025-07-02T12:00:00Z' })] })),
    );
    expect(row(at30, 'secret.expiry').status).toBe('warn');
    expect(row(at31, 'secret.expiry').status).toBe('pass');
  });

  test('when an unexpired secret lives longer than 2 years, then it warns naming it', () => {
    const longLived = secret({
      displayName: 'forever',
      hint: 'zz9',
      startDateTime: '2024-01-01T00:00:00Z',
      endDateTime: '2099-12-31T00:00:00Z',
    });
    const r = row(
      diagnose(snapshot(withApp({ passwordCredentials: [longLived] }))),
      'secret.expiry',
    );
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('"forever"');
    expect(r.detail).toContain('longer than the 2 years allowed');
    expect(r.fix).toContain('at most 24 months');
  });

  test('when a secret lives exactly 2 years across a leap day, then it is not called long-lived', () => {
    const twoYears = secret({
      startDateTime: '2024-03-01T00:00:00Z',
      endDateTime: '2026-03-01T00:00:00Z',
    });
    expect(
      row(diagnose(snapshot(withApp({ passwordCredentials: [twoYears] }))), 'secret.expiry').status,
    ).toBe('pass');
  });

  test('when an expired secret was long-lived, then it does not warn about it', () => {
    const d = diagnose(
      snapshot(
        withApp({
          passwordCredentials: [
            secret({ startDateTime: '2020-01-01T00:00:00Z', endDateTime: '2025-01-01T00:00:00Z' }),
            secret({}),
          ],
        }),
      ),
    );
    expect(row(d, 'secret.expiry').status).toBe('pass');
  });
});

describe('secret.works', () => {
  test('when no secret is configured, then it skips naming PCEMAIL_CLIENT_SECRET', () => {
    const r = row(diagnose(snapshot(withoutSecret)), 'secret.works');
    expect(r.status).toBe('skip');
    expect(r.detail).toBe('no client secret configured (PCEMAIL_CLIENT_SECRET)');
    expect(r.fix).toContain('PCEMAIL_CLIENT_SECRET');
  });

  test('when Entra answers 7000215 and the secret starts like no hint, then it fails saying the Secret ID may have been pasted', () => {
    const d = diagnose(
      snapshot(withSettings({ secretHint: 'Zz1' }), withSignInFailure(signInFailure(7000215))),
    );
    const r = row(d, 'secret.works');
    expect(r.status).toBe('fail');
    expect(r.title).toBe('Secret rejected: Invalid client secret provided');
    expect(r.detail).toContain('AADSTS7000215');
    expect(r.detail).toContain('Secret ID (a GUID) was pasted instead of the secret Value');
    expect(r.detail).toContain('does not begin with the characters Entra shows');
    expect(r.detail).toContain('"k8Q"');
    expect(r.detail).not.toContain('Zz1');
    expect(r.fix).toContain('copy the Value column');
    expect(r.fix).toContain('https://learn.microsoft.com/');
  });

  test('when the configured secret begins like a Secret ID, then it says the ID was pasted instead of the value', () => {
    const d = diagnose(
      snapshot(
        withSettings({ secretHint: SECRET_KEY_ID.slice(0, 3), secretLooksLikeGuid: true }),
        withSignInFailure(signInFailure(7000215)),
      ),
    );
    const r = row(d, 'secret.works');
    expect(r.detail).toContain('shape of a GUID');
    expect(r.detail).toContain('begins like the Secret ID of secret "Emplifi Agent"');
  });

  test('when the configured secret begins like the hint, then it says it is probably mistyped', () => {
    const r = row(diagnose(snapshot(withSignInFailure(signInFailure(7000215)))), 'secret.works');
    expect(r.detail).toContain('probably that secret with a character missing, added or mistyped');
  });

  test('when the secret has expired (7000222), then it fails saying so', () => {
    const r = row(diagnose(snapshot(withSignInFailure(signInFailure(7000222)))), 'secret.works');
    expect(r.status).toBe('fail');
    expect(text(r)).toContain('expired');
    expect(r.fix).toContain('New client secret');
  });

  test('when the app or tenant is wrong (700016), then it fails pointing at the IDs', () => {
    const r = row(diagnose(snapshot(withSignInFailure(signInFailure(700016)))), 'secret.works');
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('App ID or the Tenant ID is wrong');
    expect(r.fix).toContain('Application (client) ID');
  });

  test('when the tenant is not found (90002), then it fails asking for the Tenant ID', () => {
    const r = row(diagnose(snapshot(withSignInFailure(signInFailure(90002)))), 'secret.works');
    expect(r.status).toBe('fail');
    expect(r.title).toContain('Tenant not found');
  });

  test('when Entra answers an unknown AADSTS code, then it fails honestly with generic steps', () => {
    const r = row(diagnose(snapshot(withSignInFailure(signInFailure(123456)))), 'secret.works');
    expect(r.status).toBe('fail');
    expect(r.title).toBe('Secret rejected: AADSTS123456');
    expect(r.fix).toContain('Sign-in logs');
  });

  test('when Entra was unavailable, then it skips rather than fails', () => {
    const d = diagnose(snapshot(withSignInFailure(unavailable())));
    expect(row(d, 'secret.works')).toMatchObject({
      status: 'skip',
      detail: 'Graph was unavailable — try again',
    });
    expect(row(d, 'token.roles').detail).toBe('Graph was unavailable — try again');
  });
});

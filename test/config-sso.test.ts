import { readConfig, secretValues } from '../src/config';

const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';
const BOT = '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f';
const SSO = '7c6b5a49-3827-4615-9d4c-3b2a1f0e9d8c';
const base = {
  TENANT_ID: TENANT,
  BOT_ID: BOT,
  BOT_PASSWORD: 'bot-password-value',
  PCEMAIL_APP_ID: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
};

describe('readConfig: CONSENT_MODE=delegated and Teams single sign-on', () => {
  it('when delegated mode is chosen without SSO settings, then the bot’s own app signs approvers in', () => {
    const result = readConfig({ ...base, CONSENT_MODE: 'delegated' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.consentMode).toBe('delegated');
    expect(result.config.sso).toEqual({
      clientId: BOT,
      clientSecret: 'bot-password-value',
      resource: `api://botid-${BOT}`,
    });
  });

  it('when the toolkit’s SSO app is configured, then it is used, and its secret is redacted from logs', () => {
    const env = {
      ...base,
      CONSENT_MODE: 'delegated',
      SSO_CLIENT_ID: SSO,
      SSO_CLIENT_SECRET: 'sso-secret-value-1234',
      SSO_RESOURCE: `api://botid-${BOT}`,
      SSO_CONNECTION_NAME: 'approver-sso',
    };
    const result = readConfig(env);
    expect(result.ok && result.config.sso).toEqual({
      clientId: SSO,
      clientSecret: 'sso-secret-value-1234',
      resource: `api://botid-${BOT}`,
      connectionName: 'approver-sso',
    });
    expect(secretValues(env)).toContain('sso-secret-value-1234');
  });

  it('when the SSO settings or the mode are wrong, then each problem names its variable', () => {
    const result = readConfig({
      ...base,
      CONSENT_MODE: 'delegate',
      SSO_CLIENT_ID: 'not-a-guid',
      SSO_RESOURCE: 'https://example.com',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('CONSENT_MODE is "delegate": use delegated, grant or link.'),
        expect.stringContaining('SSO_CLIENT_ID'),
        expect.stringContaining('SSO_RESOURCE'),
      ]),
    );
  });
});

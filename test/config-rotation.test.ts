import { readConfig } from '../src/config';

const base = {
  TENANT_ID: '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f',
  BOT_ID: '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
  BOT_PASSWORD: 'bot-password-value',
};

describe('readConfig: the guided secret rotation', () => {
  it('when nothing is set, then new secrets live 12 months, the old one must be quiet 24 hours, and no Key Vault is written', () => {
    const result = readConfig(base);
    expect(result.ok && result.config.rotation).toEqual({ secretMonths: 12, quietHours: 24 });
  });

  it('when the settings are given, then they are used (a trailing slash on the vault URL is dropped)', () => {
    const result = readConfig({
      ...base,
      ROTATION_SECRET_MONTHS: '24',
      ROTATION_QUIET_HOURS: '48',
      PCEMAIL_SECRET_KEYVAULT_URL:
        'https://kv-pcemail.vault.azure.net/secrets/pcemail-client-secret/',
    });
    expect(result.ok && result.config.rotation).toEqual({
      secretMonths: 24,
      quietHours: 48,
      keyVaultSecretUrl: 'https://kv-pcemail.vault.azure.net/secrets/pcemail-client-secret',
    });
  });

  it('when a lifetime over 24 months, a quiet time of 0 or a vault URL that is not a secret is given, then each problem names its variable', () => {
    const result = readConfig({
      ...base,
      ROTATION_SECRET_MONTHS: '36',
      ROTATION_QUIET_HOURS: '0',
      PCEMAIL_SECRET_KEYVAULT_URL: 'http://kv-pcemail.vault.azure.net/keys/x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ROTATION_SECRET_MONTHS is "36": use a whole number from 1 to 24/),
        expect.stringMatching(/^ROTATION_QUIET_HOURS is "0"/),
        expect.stringMatching(/^PCEMAIL_SECRET_KEYVAULT_URL is .*secrets\/<name>/),
      ]),
    );
  });
});

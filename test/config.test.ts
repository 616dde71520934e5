import { readConfig, isAllowedEndpoint, PLAYGROUND_TENANT_ID } from '../src/config';

const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';
const INSPECTOR = '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f';
const valid = {
  TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: INSPECTOR,
  GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
  INBOUND_AUTH: 'off',
};

describe('readConfig', () => {
  it('when only the tenant and inspector are set, then the documented defaults apply', () => {
    const result = readConfig(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const config = result.config;
    expect(config.port).toBe(3978);
    expect(config.tenant).toEqual({ id: TENANT, mode: 'live' });
    expect(config.pcemail).toEqual({
      appId: undefined,
      appName: 'PCEmail',
      clientSecret: undefined,
      mailboxes: [],
      outOfScopeMailbox: undefined,
      restrictionModel: 'auto',
    });
    expect(config.endpoints).toEqual({
      graph: 'https://graph.microsoft.com',
      authority: 'https://login.microsoftonline.com',
    });
    expect(config.consentMode).toBe('link');
    expect(config.expiryReminderDays).toEqual([30, 14, 7, 3, 1, 0]);
    expect(config.state).toEqual({
      store: 'file',
      dir: '.data',
      connectionString: undefined,
      container: 'pcemail-ops',
    });
    expect(config.allowedTenants).toEqual([TENANT]);
    expect(config.approvers).toEqual([]);
    expect(config.bot.localMode).toBe(true);
  });

  it('when GRAPH_CLIENT_ID is unset, then the bot identity is the inspector', () => {
    const result = readConfig({
      TENANT_ID: TENANT,
      BOT_ID: INSPECTOR,
      BOT_PASSWORD: 'bot-password-value',
    });
    expect(result.ok && result.config.inspector).toEqual({
      clientId: INSPECTOR,
      clientSecret: 'bot-password-value',
    });
    expect(result.ok && result.config.bot.localMode).toBe(false);
  });

  it('when several settings are wrong, then every problem is listed at once with its fix', () => {
    const result = readConfig({
      TENANT_ID: '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7', // one character short
      PCEMAIL_APP_ID: 'not-a-guid',
      GRAPH_ENDPOINT: 'http://graph.example.com',
      AUTHORITY_HOST: 'ftp://login',
      CONSENT_MODE: 'always',
      PCEMAIL_MAILBOXES: 'support@contoso.com, not a mailbox',
      EXPIRY_REMINDER_DAYS: '30,soon',
      STATE_STORE: 'blob',
      PORT: '99999',
      APPROVERS: 'alice',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/TENANT_ID .* not a valid GUID .*35 characters/);
    expect(text).toMatch(/PCEMAIL_APP_ID "not-a-guid" is not a valid GUID/);
    expect(text).toMatch(/GRAPH_CLIENT_ID is empty/);
    expect(text).toMatch(/GRAPH_CLIENT_SECRET is empty/);
    expect(text).toMatch(/GRAPH_ENDPOINT .*https:\/\/ URL \(http:\/\/ only for 127\.0\.0\.1/);
    expect(text).toMatch(/AUTHORITY_HOST/);
    expect(text).toMatch(/CONSENT_MODE is "always": use delegated, grant or link/);
    expect(text).toMatch(/PCEMAIL_MAILBOXES has "not a mailbox"/);
    expect(text).toMatch(/EXPIRY_REMINDER_DAYS must be whole numbers/);
    expect(text).toMatch(/AZURE_STORAGE_CONNECTION_STRING is empty/);
    expect(text).toMatch(/PORT is "99999"/);
    expect(text).toMatch(/APPROVERS "alice" is not a valid GUID/);
    expect(text).toMatch(/BOT_ID is empty/);
    expect(result.problems).toHaveLength(13);
  });

  it('when secrets are set, then no problem text ever echoes them', () => {
    const result = readConfig({
      TENANT_ID: 'bad',
      BOT_ID: INSPECTOR,
      BOT_PASSWORD: 'Sup3r~Secret.Value_xyz',
      PCEMAIL_CLIENT_SECRET: 'Pcemail~Secret.Value_abc',
      JOBS_KEY: 'short-key',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).not.toContain('Sup3r~Secret');
    expect(text).not.toContain('Pcemail~Secret');
    expect(text).not.toContain('short-key');
    expect(text).toMatch(/JOBS_KEY is shorter than 16 characters/);
  });

  it('when the tenant is simulated, then the Agents Playground tenant is allowed too', () => {
    const result = readConfig(valid, { simulated: true });
    expect(result.ok && result.config.tenant.mode).toBe('simulated');
    expect(result.ok && result.config.allowedTenants).toEqual([TENANT, PLAYGROUND_TENANT_ID]);
  });

  it('when EXPIRY_REMINDER_DAYS is given in any order, then thresholds are deduplicated, most distant first', () => {
    const result = readConfig({ ...valid, EXPIRY_REMINDER_DAYS: '1, 7,30,7,0' });
    expect(result.ok && result.config.expiryReminderDays).toEqual([30, 7, 1, 0]);
  });

  it('when a hostile value is echoed, then control characters are neutralised', () => {
    const result = readConfig({ ...valid, CONSENT_MODE: 'grant\u001b[31m\nlink' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...result.problems.join('')].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });
});

describe('isAllowedEndpoint', () => {
  it.each([
    ['https://graph.microsoft.com', true],
    ['https://graph.microsoft.us', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.9.9.9', true],
    ['http://localhost:3000', true],
    ['http://[::1]:3000', true],
    ['http://10.0.0.5', false],
    ['http://graph.microsoft.com', false],
    ['http://127.0.0.1.evil.example', false],
    ['https://user:pass@graph.microsoft.com', false],
    ['not a url', false],
  ])('when the endpoint is %s, then allowed is %s', (url, allowed) => {
    expect(isAllowedEndpoint(url)).toBe(allowed);
  });
});

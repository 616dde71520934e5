import { ManagedIdentityServiceClientCredentialsFactory } from 'botframework-connector';
import { readConfig } from '../src/config';
import { createAdapter } from '../src/bot/create-adapter';
import { createBotCredentials } from '../src/bot/inbound-auth/bot-credentials';
import { createLogger } from '../src/logger';
import { BlobStateStore } from '../src/store/blob-store';
import { createStateStore } from '../src/store/create-store';
import { realSleep } from '../src/tenant/transport-policy';

const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';
const INSPECTOR = '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f';
const IDENTITY = '8c1d2e3f-4a5b-4c6d-9e8f-7a6b5c4d3e2f';
const msi = {
  TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: INSPECTOR,
  GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
  BOT_ID: IDENTITY,
  BOT_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: TENANT,
  STATE_STORE: 'blob',
  AZURE_STORAGE_ACCOUNT_URL: 'https://pcemailops.blob.core.windows.net/',
  AZURE_CLIENT_ID: IDENTITY,
};
const problemsOf = (env: Record<string, string>): string[] => {
  const result = readConfig(env);
  return result.ok ? [] : result.problems;
};

describe('the Azure identity settings', () => {
  it('when the bot is a user-assigned managed identity with no secret, then the configuration is valid and the adapter uses the managed identity', () => {
    const result = readConfig(msi);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.bot).toMatchObject({
      id: IDENTITY,
      password: '',
      type: 'UserAssignedMSI',
      tenantId: TENANT,
      localMode: false,
    });
    const policy = { timeoutMs: 1000, maxRetries: 0, retryAfterCapSeconds: 1, sleep: realSleep };
    const credentials = createBotCredentials(result.config.bot, policy) as unknown as {
      inner: unknown;
    };
    expect(credentials.inner).toBeInstanceOf(ManagedIdentityServiceClientCredentialsFactory);
    const logger = createLogger({ level: 'silent', pretty: false, secrets: [] });
    expect(() => createAdapter(result.config.bot, logger)).not.toThrow();
  });

  it('when BOT_TYPE is SingleTenant but BOT_ID is empty (local mode), then the adapter still starts', () => {
    const result = readConfig({
      TENANT_ID: TENANT,
      GRAPH_CLIENT_ID: INSPECTOR,
      GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
      BOT_TYPE: 'SingleTenant',
      INBOUND_AUTH: 'off',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.bot.localMode).toBe(true);
    const logger = createLogger({ level: 'silent', pretty: false, secrets: [] });
    expect(() => createAdapter(result.config.bot, logger)).not.toThrow();
  });

  it('when UserAssignedMSI lacks its tenant or carries a secret, then each problem is named', () => {
    const { BOT_TENANT_ID: _tenant, ...withoutTenant } = msi;
    expect(problemsOf({ ...withoutTenant, BOT_PASSWORD: 'a-secret-value' })).toEqual([
      expect.stringContaining('BOT_TENANT_ID is empty'),
      expect.stringContaining('leave BOT_PASSWORD empty'),
    ]);
  });

  it('when BOT_TYPE is not a Bot Framework app type, then it is refused', () => {
    expect(problemsOf({ ...msi, BOT_TYPE: 'Managed', BOT_PASSWORD: 'a-secret-value' })).toEqual([
      expect.stringContaining('BOT_TYPE is "Managed"'),
    ]);
  });

  it('when the state account is given by URL, then the blob store signs in with the managed identity, no key', () => {
    const result = readConfig(msi);
    expect(result.ok && result.config.state).toEqual({
      store: 'blob',
      dir: '.data',
      connectionString: undefined,
      accountUrl: 'https://pcemailops.blob.core.windows.net',
      managedIdentityClientId: IDENTITY,
      container: 'pcemail-ops',
    });
    if (!result.ok) return;
    const store = createStateStore(result.config.state) as unknown as {
      container: { url: string; credential: { constructor: { name: string } } };
    };
    expect(store).toBeInstanceOf(BlobStateStore);
    expect(store.container.url).toBe('https://pcemailops.blob.core.windows.net/pcemail-ops');
    expect(store.container.credential.constructor.name).toBe('DefaultAzureCredential');
  });

  it('when the account URL is http, both ways are set, or neither, then each is refused', () => {
    expect(problemsOf({ ...msi, AZURE_STORAGE_ACCOUNT_URL: 'http://evil.example' })).toEqual([
      expect.stringContaining('AZURE_STORAGE_ACCOUNT_URL is "http://evil.example"'),
    ]);
    expect(
      problemsOf({ ...msi, AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    ).toEqual([expect.stringContaining('are both set')]);
    const { AZURE_STORAGE_ACCOUNT_URL: _url, ...neither } = msi;
    expect(problemsOf(neither)).toEqual([
      expect.stringContaining('STATE_STORE is blob but AZURE_STORAGE_CONNECTION_STRING is empty'),
    ]);
    expect(problemsOf({ ...msi, AZURE_CLIENT_ID: 'not-a-guid' })).toEqual([
      expect.stringContaining('AZURE_CLIENT_ID "not-a-guid" is not a valid GUID'),
    ]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../../src/config';
import { isServiceUrlAllowed, TEAMS_SERVICE_URLS } from '../../src/domain';

const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';
const BOT = '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f';
const APP = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const live = {
  TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: BOT,
  GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
};
const withBot = { ...live, BOT_ID: BOT, BOT_PASSWORD: 'bot-password-value' };

function problems(env: Record<string, string>, options = {}): string {
  const result = readConfig(env, options);
  return result.ok ? '' : result.problems.join('\n');
}

describe('inbound settings', () => {
  it('when BOT_ID is empty on a live tenant, then only INBOUND_AUTH=off starts it, on 127.0.0.1', () => {
    expect(problems(live)).toMatch(/BOT_ID is empty: set it to the Microsoft App ID/);
    const result = readConfig({ ...live, INBOUND_AUTH: 'off' });
    expect(result.ok && result.config.inbound).toMatchObject({
      auth: false,
      listenHost: '127.0.0.1',
    });
  });

  it('when no server is started (the CLI), then BOT_ID is not needed', () => {
    expect(readConfig(live, { serves: false }).ok).toBe(true);
  });

  it('when BOT_ID is set, then authentication is on, every interface listens, and loopback is no default address', () => {
    const result = readConfig(withBot);
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.inbound).toEqual({
      auth: true,
      listenHost: '0.0.0.0',
      allowedServiceUrls: [...TEAMS_SERVICE_URLS],
    });
  });

  it('when INBOUND_AUTH=off comes with BOT_ID, or has another value, then the configuration is refused', () => {
    expect(problems({ ...withBot, INBOUND_AUTH: 'off' })).toMatch(
      /INBOUND_AUTH is off but BOT_ID is set/,
    );
    expect(problems({ ...live, INBOUND_AUTH: 'maybe' })).toMatch(/INBOUND_AUTH is "maybe"/);
  });

  it('when ALLOWED_SERVICE_URLS is set, then it replaces the defaults; plain http away from loopback is refused', () => {
    const result = readConfig({
      ...withBot,
      ALLOWED_SERVICE_URLS: 'https://smba.example.net/teams/',
    });
    expect(result.ok && result.config.inbound.allowedServiceUrls).toEqual([
      'https://smba.example.net/teams/',
    ]);
    expect(problems({ ...withBot, ALLOWED_SERVICE_URLS: 'http://smba.example.net/' })).toMatch(
      /ALLOWED_SERVICE_URLS has "http:\/\/smba.example.net\/"/,
    );
  });

  it('when CONSENT_MODE is grant without PCEMAIL_APP_ID, then the configuration is refused naming PCEMAIL_APP_ID', () => {
    expect(problems({ ...withBot, CONSENT_MODE: 'grant' })).toMatch(
      /CONSENT_MODE is grant but PCEMAIL_APP_ID is empty/,
    );
    expect(readConfig({ ...withBot, CONSENT_MODE: 'grant', PCEMAIL_APP_ID: APP }).ok).toBe(true);
  });

  it('when CONSENT_MODE is delegated without PCEMAIL_APP_ID, then the configuration is refused naming PCEMAIL_APP_ID', () => {
    expect(problems({ ...withBot, CONSENT_MODE: 'delegated' })).toMatch(
      /CONSENT_MODE is delegated but PCEMAIL_APP_ID is empty/,
    );
  });
});

describe('isServiceUrlAllowed', () => {
  it.each([
    ['https://smba.trafficmanager.net/amer/', true],
    ['https://SMBA.trafficmanager.net/emea/', true],
    ['https://smba.infra.gcc.teams.microsoft.com/teams', true],
    ['https://smba.infra.gov.teams.microsoft.us/teams/', true],
    ['https://smba.infra.dod.teams.microsoft.us/teams/', true],
    ['https://smba.trafficmanager.net.evil.example/amer/', false],
    ['https://evil.example/smba.trafficmanager.net/', false],
    ['http://smba.trafficmanager.net/amer/', false],
    ['https://smba.trafficmanager.net:8443/amer/', false],
    ['https://user@smba.trafficmanager.net/amer/', false],
    ['http://127.0.0.1:3978/', false],
    [`https://smba.trafficmanager.net/${'a'.repeat(30_000)}`, false],
  ])('%s against the Teams defaults → %s', (url, allowed) => {
    expect(isServiceUrlAllowed(url, TEAMS_SERVICE_URLS)).toBe(allowed);
  });

  it('when a loopback entry has no port, then any port matches; with a port, only that one', () => {
    expect(isServiceUrlAllowed('http://127.0.0.1:5000/', ['http://127.0.0.1/'])).toBe(true);
    expect(isServiceUrlAllowed('http://127.0.0.1:5000/', ['http://127.0.0.1:4000/'])).toBe(false);
    expect(isServiceUrlAllowed('http://127.0.0.1:4000/', ['http://127.0.0.1:4000/'])).toBe(true);
  });

  it('when an entry has a path, then only addresses under it match', () => {
    const allowed = ['https://smba.example.net/teams/'];
    expect(isServiceUrlAllowed('https://smba.example.net/teams/x', allowed)).toBe(true);
    expect(isServiceUrlAllowed('https://smba.example.net/teamsx/', allowed)).toBe(false);
    expect(isServiceUrlAllowed(42, allowed)).toBe(false);
  });
});

describe('deployment files', () => {
  it('when infra/, env/ and the toolkit files are read, then none turns inbound authentication off', () => {
    const root = path.join(__dirname, '..', '..');
    const files = [
      ...['infra', 'env'].flatMap((dir) =>
        readdirSync(path.join(root, dir)).map((name) => path.join(dir, name)),
      ),
      'm365agents.yml',
      'm365agents.local.yml',
    ];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      expect({
        file,
        off: /INBOUND_AUTH["']?\s*[:=,]?\s*(?:value:\s*)?["']?off/i.test(text),
      }).toEqual({
        file,
        off: false,
      });
    }
  });
});

import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/app-package/env-file';
import { SETTING_NAMES } from '../../src/config';
import { listPlaceholders } from '../../scripts/app-package/placeholders';
import { readCommittedManifest, readRepoFile } from './repo';

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  provision: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const readProject = (file: string): Project => parse(readRepoFile(file)) as Project;
const uses = (steps: Step[] = []): string[] => steps.map((step) => step.uses);
const bicep = readRepoFile('infra/azure.bicep');
const parameterFile = JSON.parse(readRepoFile('infra/azure.parameters.json')) as {
  parameters: Record<string, { value: string }>;
};

/** The bicep parameters: name, whether @secure(), whether it has a default. */
function bicepParameters(): { name: string; secure: boolean; optional: boolean }[] {
  return [...bicep.matchAll(/((?:@[^\n]+\n)*)param (\w+) \w+( = .+)?/g)].map((match) => ({
    name: match[2]!,
    secure: (match[1] ?? '').includes('@secure()'),
    optional: match[3] !== undefined,
  }));
}

/** The App Service settings the bicep gives the bot. */
function appSettingNames(): string[] {
  return [...bicep.matchAll(/name: '([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]!);
}

/**
 * Walks a project's steps in order and returns the placeholders used before anything defines them:
 * the env file, toolkit built-ins, each step's outputs and the bicep outputs define variables.
 */
function unresolvedPlaceholders(projectFile: string, envName: string): string[] {
  const defined = new Set([
    'TEAMSFX_ENV',
    ...parseEnvFile(readRepoFile(path.join('env', `.env.${envName}`))).keys(),
  ]);
  const missing = new Set<string>();
  const need = (value: unknown): void => {
    for (const name of listPlaceholders(value)) if (!defined.has(name)) missing.add(name);
  };
  const project = readProject(projectFile);
  for (const step of [
    ...project.provision,
    ...(project.deploy ?? []),
    ...(project.publish ?? []),
  ]) {
    need(step.with);
    if (step.uses === 'arm/deploy') {
      need(parameterFile);
      for (const match of bicep.matchAll(/^output (\w+) /gm)) defined.add(match[1]!);
    }
    if (step.uses === 'teamsApp/zipAppPackage') need(readCommittedManifest());
    if (step.uses === 'teamsApp/create') defined.add('TEAMS_APP_TENANT_ID');
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) defined.add(name);
  }
  return [...missing];
}

describe('the Microsoft 365 Agents Toolkit project files', () => {
  const schema = JSON.parse(readRepoFile('schemas/m365agents-yaml-v1.11.schema.json')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it.each(['m365agents.yml', 'm365agents.local.yml'])(
    'when %s is checked against the official v1.11 schema, then it is valid',
    (file) => {
      const text = readRepoFile(file);
      expect(text.split('\n')[0]).toBe(
        '# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json',
      );
      expect(readProject(file).version).toBe('v1.11');
      validate(parse(text));
      expect(validate.errors ?? []).toEqual([]);
    },
  );

  it('when the schema meets a wrong step, then it says so (the check can fail)', () => {
    const project = parse(readRepoFile('m365agents.yml')) as Project;
    project.provision[1] = {
      uses: 'aadApp/create',
      with: { name: 'x', generateClientSecret: 'yes' },
    };
    expect(validate(project)).toBe(false);
  });

  it('when the old teamsapp*.yml files are looked for, then they are gone', () => {
    expect(() => readRepoFile('teamsapp.yml')).toThrow();
    expect(() => readRepoFile('teamsapp.local.yml')).toThrow();
  });

  it('when m365agents.yml provisions, then it creates the Teams app, the single-tenant inspector and the Azure resources, then zips, validates and updates the app', () => {
    const project = readProject('m365agents.yml');
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(project.provision[1]!.with).toMatchObject({
      generateServicePrincipal: true,
      signInAudience: 'AzureADMyOrg',
    });
    expect(project.provision[1]!.writeToEnvironmentFile).toMatchObject({
      clientId: 'GRAPH_CLIENT_ID',
      clientSecret: 'SECRET_GRAPH_CLIENT_SECRET',
    });
    expect(project.provision[2]!.writeToEnvironmentFile).toMatchObject({
      clientId: 'AAD_APP_CLIENT_ID',
      clientSecret: 'SECRET_AAD_APP_CLIENT_SECRET',
    });
    expect(project.provision[4]!.with!.manifestPath).toBe('./aad.manifest.json');
    expect(project.provision[3]!.with!.templates).toEqual([
      expect.objectContaining({
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
      }),
    ]);
  });

  it('when m365agents.yml deploys, then it builds the production artifact once and zip-deploys only that', () => {
    const project = readProject('m365agents.yml');
    expect(uses(project.deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(project.deploy!.map((step) => step.with!.args as string | undefined)).toEqual([
      expect.stringMatching(/^ci\b/),
      'run build:artifact',
      undefined,
    ]);
    const zip = project.deploy![2]!.with!;
    expect(zip.artifactFolder).toBe('./artifact');
    expect(zip.resourceId).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    const ignored = readRepoFile(zip.ignoreFile as string).split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.env*', '.localConfigs']));
  });

  it('when m365agents.yml publishes, then it zips, validates, updates and submits the app package', () => {
    expect(uses(readProject('m365agents.yml').publish)).toEqual([
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
  });

  it('when m365agents.local.yml provisions, then a single-tenant bot with a service principal is registered on the tunnel and its identity written to .localConfigs', () => {
    const project = readProject('m365agents.local.yml');
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'aadApp/update',
      'botFramework/create',
      'file/createOrUpdateEnvironmentFile',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(project.provision[1]!.writeToEnvironmentFile).toMatchObject({
      clientId: 'AAD_APP_CLIENT_ID',
      clientSecret: 'SECRET_AAD_APP_CLIENT_SECRET',
    });
    expect(project.provision[2]!.with).toMatchObject({
      generateServicePrincipal: true,
      generateClientSecret: true,
      signInAudience: 'AzureADMyOrg',
    });
    expect(project.provision[2]!.writeToEnvironmentFile).toMatchObject({ clientId: 'BOT_ID' });
    expect(project.provision[3]!.with!.manifestPath).toBe('./aad.manifest.json');
    const bot = project.provision[4]!.with!;
    expect(bot.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    expect(bot.botId).toBe('${{BOT_ID}}');
    expect(bot.channels).toEqual([{ name: 'msteams' }]);
    const envFile = project.provision[5]!.with!;
    expect(envFile.target).toBe('./.localConfigs');
    expect(envFile.envs).toMatchObject({
      BOT_ID: '${{BOT_ID}}',
      BOT_PASSWORD: '${{SECRET_BOT_PASSWORD}}',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: '${{BOT_TENANT_ID}}',
      SSO_CLIENT_ID: '${{AAD_APP_CLIENT_ID}}',
    });
  });

  it.each(['m365agents.yml', 'm365agents.local.yml'])(
    'when %s is read, then a comment line says what each step does',
    (file) => {
      const lines = readRepoFile(file).split('\n');
      lines.forEach((line, i) => {
        if (/^\s*- uses: /.test(line))
          expect([file, i, lines[i - 1]!.trim()]).toEqual([
            file,
            i,
            expect.stringMatching(/^# \S/),
          ]);
      });
    },
  );

  it.each([
    ['m365agents.yml', 'dev'],
    ['m365agents.local.yml', 'local'],
  ])(
    'when %s runs with env/.env.%s, then every ${{VAR}} it uses is defined by then',
    (file, envName) => {
      expect(unresolvedPlaceholders(file, envName)).toEqual([]);
    },
  );

  it('when azure.parameters.json is read, then it gives every required bicep parameter and only known ones', () => {
    const params = bicepParameters();
    expect(params.length).toBeGreaterThan(20);
    const given = Object.keys(parameterFile.parameters);
    expect(given.filter((name) => !params.some((p) => p.name === name))).toEqual([]);
    expect(params.filter((p) => !p.optional && !given.includes(p.name)).map((p) => p.name)).toEqual(
      [],
    );
  });

  it('when a parameter is a secret, then it is @secure() and filled only from a SECRET_ variable', () => {
    for (const { name, secure } of bicepParameters()) {
      const value = parameterFile.parameters[name]?.value;
      if (value === undefined) continue;
      // SECRET_EXPIRY_SCHEDULE is a setting that happens to start with SECRET_, not a secret.
      expect([name, secure]).toEqual([name, /\$\{\{SECRET_(?!EXPIRY_SCHEDULE\})/.test(value)]);
      if (secure)
        expect([name, value]).toEqual([name, expect.stringMatching(/^\$\{\{SECRET_\w+\}\}$/)]);
    }
    expect(
      bicepParameters()
        .filter((p) => p.secure)
        .map((p) => p.name),
    ).toEqual(expect.arrayContaining(['graphClientSecret', 'pcemailClientSecret', 'jobsKey']));
  });

  it('when the bicep is read, then it builds a Node 24 Linux Web App, an Azure Bot on Teams as a managed identity, keyless blob state and Key Vault secrets', () => {
    expect(bicep).toContain("resource webApp 'Microsoft.Web/sites@");
    expect(bicep).toContain("param linuxFxVersion string = 'NODE|24-lts'");
    expect(bicep).toContain('linuxFxVersion: linuxFxVersion');
    expect(bicep).toContain("'Microsoft.ManagedIdentity/userAssignedIdentities@");
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bicep).toContain('msaAppMSIResourceId: identity.id');
    expect(bicep).toMatch(/name: 'BOT_TYPE'\s+value: 'UserAssignedMSI'/);
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).toContain("param stateContainerName string = 'pcemail-ops'");
    expect(bicep).toMatch(/name: 'STATE_STORE'\s+value: 'blob'/);
    expect(bicep).toContain('allowSharedKeyAccess: false');
    expect(bicep).not.toContain('listKeys(');
    expect(bicep).not.toContain('AZURE_STORAGE_CONNECTION_STRING');
    expect(bicep).toMatch(
      /name: 'AZURE_STORAGE_ACCOUNT_URL'\s+value: storageAccount\.properties\.primaryEndpoints\.blob/,
    );
    expect(bicep).toContain('keyVaultReferenceIdentity: identity.id');
    for (const secret of ['GRAPH_CLIENT_SECRET', 'PCEMAIL_CLIENT_SECRET', 'JOBS_KEY']) {
      expect([secret, new RegExp(`name: '${secret}'\\s+value: \\w+Reference`).test(bicep)]).toEqual(
        [secret, true],
      );
    }
    expect(bicep).not.toMatch(/BOT_PASSWORD/);
    expect(bicep).toContain(
      "endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'",
    );
  });

  it('when azure.parameters.json is read, then every setting the bot reads (except secrets and local-only ones) can be set through infra', () => {
    const settings = new Set(appSettingNames());
    const readByConfig = SETTING_NAMES;
    // Local runs, tests and the inbound-auth overrides only; Azure sets the identity itself.
    const notInAzure = new Set([
      'PORT',
      'BOT_PASSWORD',
      'STATE_DIR',
      'AZURE_STORAGE_CONNECTION_STRING',
      'SIMULATED_SCENARIO',
      // The CLI's, not the bot's.
      'NO_COLOR',
      'BOT_OPENID_METADATA_URL',
      'BOT_TOKEN_ISSUER',
      'BOT_EMULATOR_OPENID_METADATA_URL',
      'BOT_AUTHORITY_HOST',
      'BOT_TOKEN_SERVICE_URL',
      // A developer's machine only: inbound auth is never off in Azure (test/security/inbound-settings).
      'INBOUND_AUTH',
      'BOT_AUTH_TIMEOUT_MS',
      'MAX_BODY_BYTES',
      'SHUTDOWN_GRACE_MS',
      'INGESTION_BATCHES_IN_FLIGHT',
      'NOTIFY_RETRY_AFTER_CAP_SECONDS',
      'NOTIFY_MAX_ATTEMPTS',
    ]);
    const required = [
      'WATCHED_APP_IDS',
      'SCHEDULE_TIMEZONE',
      'INGESTION_BACKLOG_MINUTES',
      'CONSENT_REQUEST_TTL_DAYS',
      'SECRET_EXPIRY_SCHEDULE',
      'INGESTION_SCHEDULE',
      'INGESTION_DIGEST_SCHEDULE',
      'GRAPH_ENDPOINT',
      'GRAPH_TIMEOUT_MS',
      'GRAPH_MAX_RETRIES',
    ];
    expect(required.filter((name) => !settings.has(name))).toEqual([]);
    expect(
      [...new Set(readByConfig)].filter((name) => !notInAzure.has(name) && !settings.has(name)),
    ).toEqual([]);
  });

  it("when the bicep sets the bot's settings, then each is a variable the bot reads", () => {
    const documented = new Set(parseEnvFile(readRepoFile('env/.env.example')).keys());
    const platform = /^(WEBSITE_|SCM_)/;
    expect(
      appSettingNames().filter((name) => !platform.test(name) && !documented.has(name)),
    ).toEqual([]);
  });
});

describe('the env folder', () => {
  const checkedIn = ['.env.local', '.env.dev', '.env.example'];
  const secrets = [
    'BOT_PASSWORD',
    'GRAPH_CLIENT_SECRET',
    'PCEMAIL_CLIENT_SECRET',
    'JOBS_KEY',
    'AZURE_STORAGE_CONNECTION_STRING',
  ];

  it.each(checkedIn)('when env/%s is read, then it holds no secret value', (file) => {
    const env = parseEnvFile(readRepoFile(path.join('env', file)));
    for (const [name, value] of env) {
      if (name.startsWith('SECRET_') || secrets.includes(name))
        expect([name, value]).toEqual([name, '']);
    }
  });

  it('when env/.env.example is read, then it documents every variable of the configuration contract', () => {
    const documented = new Set(parseEnvFile(readRepoFile('env/.env.example')).keys());
    const contract = [
      'PORT',
      'BOT_ID',
      'BOT_PASSWORD',
      'BOT_TYPE',
      'BOT_TENANT_ID',
      'TENANT_ID',
      'GRAPH_CLIENT_ID',
      'GRAPH_CLIENT_SECRET',
      'PCEMAIL_APP_ID',
      'PCEMAIL_APP_NAME',
      'PCEMAIL_CLIENT_SECRET',
      'PCEMAIL_MAILBOXES',
      'PCEMAIL_OUT_OF_SCOPE_MAILBOX',
      'GRAPH_ENDPOINT',
      'AUTHORITY_HOST',
      'APPROVERS',
      'CONSENT_MODE',
      'EXPIRY_REMINDER_DAYS',
      'JOBS_KEY',
      'STATE_STORE',
      'STATE_DIR',
      'AZURE_STORAGE_CONNECTION_STRING',
      'STATE_CONTAINER',
      'ALLOWED_TENANTS',
      'SIMULATED_SCENARIO',
      'LOG_LEVEL',
      'GRAPH_TIMEOUT_MS',
      'GRAPH_MAX_RETRIES',
      'GRAPH_RETRY_AFTER_CAP_SECONDS',
    ];
    // Every setting of src/config/ (the one reader of the environment) must be documented too.
    const readByConfig = SETTING_NAMES;
    expect(
      [...new Set([...contract, ...readByConfig])].filter((name) => !documented.has(name)),
    ).toEqual([]);
  });

  it('when env/.env.example is read, then every variable has a comment above its group', () => {
    const lines = readRepoFile('env/.env.example').split('\n');
    lines.forEach((line, i) => {
      if (!/^[A-Z_]+=/.test(line)) return;
      let above = i - 1;
      while (above >= 0 && /^[A-Z_]+=/.test(lines[above]!)) above--;
      expect([line, lines[above]]).toEqual([line, expect.stringMatching(/^# /)]);
    });
  });
});

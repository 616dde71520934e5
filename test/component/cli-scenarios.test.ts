import { runCli } from '../../src/cli';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { CASCADING_SCENARIOS, SCENARIO_EXPECTATIONS } from './scenario-expectations';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, env, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

interface JsonRow {
  id: string;
  target?: string;
  status: string;
  title: string;
  detail: string;
  fix?: string;
}

function parse(run: CliRun): { tenant: { id: string; mode: string }; checks: JsonRow[] } {
  return JSON.parse(run.stdout) as { tenant: { id: string; mode: string }; checks: JsonRow[] };
}

/** Points the CLI at a running simulator exactly as at a real tenant (live mode, loopback endpoints). */
async function liveAgainst(scenario: string): Promise<{ sim: RunningSimulator; run: CliRun }> {
  const sim = await startSimulator({ scenario });
  const run = await cli(['check', '--json'], {
    ...sim.productEnv(),
    GRAPH_RETRY_AFTER_CAP_SECONDS: '0',
  });
  return { sim, run };
}

describe('npx pcemail check --json', () => {
  it.each(Object.entries(SCENARIO_EXPECTATIONS))(
    'when the tenant is the %s scenario, then exactly the expected rows do not pass',
    async (scenario, expected) => {
      const { sim, run } = await liveAgainst(scenario);
      await sim.close();
      const json = parse(run);
      expect(json.tenant).toEqual({ id: sim.productEnv().TENANT_ID, mode: 'live' });
      const notPassing = json.checks
        .filter((c) => c.status !== 'pass')
        .map((c) => ({ id: c.id, status: c.status }));
      expect(notPassing).toEqual(expected.map(({ id, status }) => ({ id, status })));
      expect(run.code).toBe(expected.some((e) => e.status === 'fail') ? 1 : 0);
      for (const row of json.checks) {
        expect('fix' in row).toBe(row.status !== 'pass');
        expect('target' in row).toBe(row.id === 'mailbox.access');
      }
    },
  );

  it.each(Object.entries(CASCADING_SCENARIOS))(
    'when the tenant is the %s scenario, then the failing rows and the rows that depend on them say so',
    async (scenario, expected) => {
      const { sim, run } = await liveAgainst(scenario);
      await sim.close();
      const checks = parse(run).checks;
      for (const row of expected) {
        expect(checks.filter((c) => c.id === row.id).map((c) => c.status)).toContain(row.status);
      }
      expect(run.code).toBe(checks.some((c) => c.status === 'fail') ? 1 : 0);
    },
  );

  it('when a mailbox is outside the scope group, then its row names it and the policy fix', async () => {
    const { sim, run } = await liveAgainst('mailbox-out-of-scope');
    await sim.close();
    const failing = parse(run).checks.filter(
      (c) => c.id === 'mailbox.access' && c.status === 'fail',
    );
    expect(failing).toHaveLength(1);
    expect(failing[0]!.target).toMatch(/@/);
    expect(`${failing[0]!.detail} ${failing[0]!.fix}`).toMatch(/scope group/i);
    expect(failing[0]!.fix).toMatch(/Add-DistributionGroupMember/);
  });

  it('when the Secret ID was pasted instead of the value, then secret.works explains AADSTS7000215', async () => {
    const { sim, run } = await liveAgainst('secret-id-pasted');
    await sim.close();
    const row = parse(run).checks.find((c) => c.id === 'secret.works')!;
    expect(row.detail).toMatch(/7000215/);
    expect(`${row.detail} ${row.fix}`).toMatch(/Secret ID/);
  });

  it('when TENANT_ID is unset, then the simulated tenant is used and the JSON says so', async () => {
    const run = await cli(['check', '--json', '--scenario', 'healthy'], {});
    expect(run.code).toBe(0);
    expect(parse(run).tenant.mode).toBe('simulated');
  });

  it('when the configuration is invalid, then it exits 2 listing every problem on stderr', async () => {
    const run = await cli(['check', '--json'], { TENANT_ID: 'nope', PCEMAIL_APP_ID: 'also-nope' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/TENANT_ID "nope" is not a valid GUID/);
    expect(run.stderr).toMatch(/PCEMAIL_APP_ID "also-nope"/);
    expect(run.stderr).toMatch(/GRAPH_CLIENT_ID is empty/);
  });

  it('when the inspector secret is wrong, then it exits 2 with the fix and without the secret', async () => {
    const sim = await startSimulator({ scenario: 'healthy' });
    const env = { ...sim.productEnv(), GRAPH_CLIENT_SECRET: 'Wrong~Inspector.Secret_123456' };
    const run = await cli(['check', '--json'], env);
    await sim.close();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not run/);
    expect(run.stderr).toMatch(/7000215/);
    expect(run.stderr).toMatch(/GRAPH_CLIENT_SECRET/);
    expect(run.stderr + run.stdout).not.toContain('Wrong~Inspector.Secret_123456');
  });

  it('when Graph cannot be reached at all, then it exits 2 instead of giving verdicts', async () => {
    const sim = await startSimulator({ scenario: 'healthy' });
    const env = sim.productEnv();
    await sim.close();
    const run = await cli(['check', '--json'], {
      ...env,
      GRAPH_MAX_RETRIES: '0',
      GRAPH_TIMEOUT_MS: '500',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not run/);
  });

  it('without --json, then a readable table with every id and the summary is printed', async () => {
    const run = await cli(['check', '--scenario', 'demo'], {});
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/SIMULATED tenant/);
    expect(run.stdout).toMatch(/FAIL\s+consent\.mail-send/);
    expect(run.stdout).toMatch(/WARN\s+secret\.expiry/);
    expect(run.stdout).toMatch(/\d+ passed, \d+ warnings?, \d+ failed, \d+ skipped/);
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('npx pcemail check --json, restriction models and the inspector', () => {
  async function run(scenario: string, extra: NodeJS.ProcessEnv = {}): Promise<JsonRow[]> {
    const sim = await startSimulator({ scenario });
    const result = await cli(['check', '--json'], {
      ...sim.productEnv(),
      GRAPH_RETRY_AFTER_CAP_SECONDS: '0',
      ...extra,
    });
    await sim.close();
    return parse(result).checks;
  }
  const row = (checks: JsonRow[], id: string) => checks.find((c) => c.id === id)!;

  it('when PCEmail is restricted with RBAC for Applications, then auto recognises it and the RBAC verdicts pass', async () => {
    const checks = await run('rbac-restricted');
    expect(row(checks, 'consent.mail-readwrite').title).toMatch(/RBAC for Applications/);
    expect(row(checks, 'consent.mail-send').detail).toMatch(/Test-ServicePrincipalAuthorization/);
    expect(row(checks, 'token.roles').title).toMatch(/no tenant-wide Mail role/);
    expect(row(checks, 'mailbox.restricted').title).toMatch(/outside the RBAC scope are refused/);
  });

  it('when RESTRICTION_MODEL is rbac and the tenant-wide consent is still there, then consent, token and restriction fail and say to revoke it', async () => {
    const checks = await run('rbac-tenant-wide-consent', { RESTRICTION_MODEL: 'rbac' });
    const failing = checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failing).toEqual([
      'consent.mail-readwrite',
      'consent.mail-send',
      'token.roles',
      'mailbox.restricted',
    ]);
    expect(row(checks, 'consent.mail-readwrite').fix).toMatch(/Revoke/);
    expect(row(checks, 'token.roles').fix).toMatch(/Revoke/);
  });

  it('when the out-of-scope mailbox is readable, then the fix names both models and says the tenant-wide consent must be revoked', async () => {
    const checks = await run('rbac-tenant-wide-consent');
    const fix = row(checks, 'mailbox.restricted').fix ?? '';
    expect(fix).toMatch(/New-ApplicationAccessPolicy/);
    expect(fix).toMatch(/New-ManagementRoleAssignment/);
    expect(fix).toMatch(/revoke the tenant-wide Entra admin consent/);
  });

  it('when RESTRICTION_MODEL is access-policy on an RBAC tenant, then the missing Entra consents fail as the vendor’s guide expects', async () => {
    const checks = await run('rbac-restricted', { RESTRICTION_MODEL: 'access-policy' });
    expect(row(checks, 'consent.mail-readwrite').status).toBe('fail');
    expect(row(checks, 'token.roles').status).toBe('fail');
  });

  it('when the inspector holds only Application.Read.All, then consent.user-read skips and its fix names Directory.Read.All', async () => {
    const checks = await run('inspector-application-read-only');
    const userRead = row(checks, 'consent.user-read');
    expect(userRead.status).toBe('skip');
    expect(userRead.detail).toMatch(/Authorization_RequestDenied/);
    expect(userRead.fix).toMatch(/Directory\.Read\.All/);
  });
});

import { runCli } from '../../src/cli';
import { describeScenarios } from '../../src/simulator';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, env, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

describe('npx pcemail: arguments a newcomer gets wrong', () => {
  it('when --help is asked for, then the usage goes to stdout and it exits 0', async () => {
    for (const argv of [['--help'], ['check', '--help'], ['-h']]) {
      const run = await cli(argv);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: pcemail check \[--json\] \[--scenario NAME\]/);
      expect(run.stdout).toMatch(/Exit codes: 0 nothing failed/);
    }
  });

  it('when an option is unknown, then it says which in plain words, with the usage, and exits 2', async () => {
    const run = await cli(['check', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^pcemail: unknown option --bogus\.\n\nUsage: pcemail check/);
    expect(run.stderr).not.toMatch(/To specify a positional|'--bogus/);
  });

  it('when --scenario has no value, then it says a name is needed', async () => {
    const run = await cli(['check', '--scenario']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pcemail: --scenario needs a scenario name/);
  });

  it('when the command is mistyped, then it says "unknown command", suggests check, and shows the usage', async () => {
    const run = await cli(['chek']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^pcemail: unknown command "chek" \(did you mean "check"\?\)\.\n\nUsage: pcemail check/,
    );
    expect((await cli(['deploy'])).stderr).toMatch(/^pcemail: unknown command "deploy"\.\n/);
    expect((await cli([])).stderr).toMatch(/^pcemail: no command given\.\n/);
  });

  it('when the scenario does not exist, then every scenario is listed with what it shows', async () => {
    const run = await cli(['check', '--scenario', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pcemail: no simulated scenario "nope"\. The scenarios are:\n/);
    const scenarios = describeScenarios();
    expect(scenarios.length).toBeGreaterThan(10);
    for (const { name, description } of scenarios) {
      expect(run.stderr).toMatch(new RegExp(`^  ${name} +${escape(description)}$`, 'm'));
    }
  });

  it('when PCEMAIL_MAILBOXES holds something that is not an address, then the simulated run reports it as a setting to fix', async () => {
    const run = await cli(['check'], { PCEMAIL_MAILBOXES: 'support@contoso.com, not an email' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/could not run; fix these settings/);
    expect(run.stderr).toMatch(
      /PCEMAIL_MAILBOXES has "not an email", which is not a mailbox address/,
    );
  });

  it('when --scenario is given against a real tenant, then it says the flag does not apply', async () => {
    const run = await cli(['check', '--scenario', 'demo'], {
      TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--scenario picks a simulated tenant, but TENANT_ID is set/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

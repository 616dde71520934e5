import { parseArgs } from 'node:util';
import { readConfig, readSimulatedScenario, wantsNoColour, wantsSimulatedTenant } from './config';
import { diagnosisJson, diagnosisTable } from './cli-format';
import { isProductError } from './domain';
import { buildServices } from './app/build-services';
import { withSimulatedTenant } from './simulated-env';
import { formatScenarioList, listScenarios, startSimulator } from './simulator';
import { errorMessage } from './domain/product-error';

const USAGE = `Usage: pcemail check [--json] [--scenario NAME]

Runs the PCEmail permission checks against the tenant in TENANT_ID (or, when TENANT_ID is unset,
against the built-in simulated tenant; --scenario picks its scenario, default "demo").

Options:
  --json           print the results as JSON
  --scenario NAME  the simulated tenant's scenario (only when TENANT_ID is unset)
  -h, --help       show this help

Exit codes: 0 nothing failed, 1 a check failed, 2 the checks could not run.`;

export interface CliOutput {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** Composition root of the CLI: same engine as the bot, answers on stdout, problems on stderr. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        scenario: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`pcemail: ${describeArgumentError(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...extra] = args.positionals;
  if (command !== 'check' || extra.length > 0) {
    const problem =
      command === undefined
        ? 'no command given.'
        : command !== 'check'
          ? `unknown command "${printable(command)}"${nearCheck(command) ? ' (did you mean "check"?)' : ''}.`
          : `unexpected argument "${printable(extra[0] ?? '')}".`;
    io.stderr.write(`pcemail: ${problem}\n\n${USAGE}\n`);
    return 2;
  }

  const simulated = wantsSimulatedTenant(env);
  const scenario = args.values.scenario ?? readSimulatedScenario(env);
  if (!simulated && args.values.scenario !== undefined) {
    io.stderr.write(
      'pcemail: --scenario picks a simulated tenant, but TENANT_ID is set, so the checks run against that real tenant. Drop --scenario, or unset TENANT_ID.\n',
    );
    return 2;
  }
  if (simulated && !listScenarios().includes(scenario)) {
    io.stderr.write(
      `pcemail: no simulated scenario "${printable(scenario)}". The scenarios are:\n${formatScenarioList()}\n`,
    );
    return 2;
  }
  const simulator = simulated ? await startSimulator({ scenario }) : undefined;
  try {
    const pointed = simulator ? withSimulatedTenant(env, simulator.productEnv()) : undefined;
    const result = readConfig(pointed?.env ?? env, { simulated, serves: false });
    const problems = [...(pointed?.problems ?? []), ...(result.ok ? [] : result.problems)];
    if (!result.ok || problems.length > 0) {
      io.stderr.write(
        `The checks could not run; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
      );
      return 2;
    }
    const { permissionCheck } = buildServices(result.config);
    const diagnosis = await permissionCheck.run();
    const output = args.values.json
      ? diagnosisJson(diagnosis)
      : diagnosisTable(diagnosis, io.stdout.isTTY === true && !wantsNoColour(env));
    io.stdout.write(`${output}\n`);
    return diagnosis.checks.some((check) => check.status === 'fail') ? 1 : 0;
  } catch (error) {
    if (isProductError(error)) {
      io.stderr.write(`${error.info.message}\n`);
      return 2;
    }
    io.stderr.write(`The checks could not run: ${errorMessage(error)}\n`);
    return 2;
  } finally {
    await simulator?.close();
  }
}

/** Node's parseArgs messages quote unevenly ("Unknown option '--x'. To specify a positional…"). */
function describeArgumentError(error: unknown): string {
  const message = errorMessage(error);
  const option = /'(-[^']*)'/u.exec(message)?.[1];
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${printable(option ?? '')}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option?.includes('scenario')
        ? '--scenario needs a scenario name, e.g. --scenario healthy.'
        : `${printable(option ?? 'an option')} takes no value.`;
    default:
      return 'the arguments could not be read.';
  }
}

/** Terminal-safe, short: the argument is shown back to whoever typed it. */
function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, '?').slice(0, 60);
}

/** "chek", "cehck", "checks": one letter away from "check". */
function nearCheck(command: string): boolean {
  const a = command.toLowerCase();
  const b = 'check';
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      rows[i]![j] = Math.min(
        rows[i - 1]![j]! + 1,
        rows[i]![j - 1]! + 1,
        rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return rows[a.length]![b.length]! <= 2;
}

/** Entry point of `npx pcemail` (bin/pcemail.js) and `node dist/cli.js`. */
export function main(): void {
  runCli(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`pcemail failed: ${errorMessage(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();

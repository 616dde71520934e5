import { parseArgs } from 'node:util';
import { readConfig, wantsSimulatedTenant } from './config';
import { diagnosisJson, diagnosisTable } from './cli-format';
import { isProductError } from './domain';
import { buildServices } from './services/build-services';
import { startSimulator } from './simulator';

const USAGE = `Usage: pcemail check [--json] [--scenario NAME]

Runs the PCEmail permission checks against the tenant in TENANT_ID (or, when TENANT_ID is unset,
against the built-in simulated tenant; --scenario picks its scenario, default "demo").

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
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command] = args.positionals;
  if (args.values.help || command !== 'check') {
    io.stderr.write(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }

  const simulated = wantsSimulatedTenant(env);
  const simulator = simulated
    ? await startSimulator({ scenario: args.values.scenario ?? (env.SIMULATED_SCENARIO?.trim() || 'demo') })
    : undefined;
  try {
    const merged = simulator ? { ...env, ...simulator.productEnv() } : env;
    const result = readConfig(merged, { simulated, serves: false });
    if (!result.ok) {
      io.stderr.write(`The checks could not run; fix these settings:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 2;
    }
    const { permissionCheck } = buildServices(result.config);
    const diagnosis = await permissionCheck.run();
    const output = args.values.json
      ? diagnosisJson(diagnosis)
      : diagnosisTable(diagnosis, io.stdout.isTTY === true && !env.NO_COLOR);
    io.stdout.write(`${output}\n`);
    return diagnosis.checks.some((check) => check.status === 'fail') ? 1 : 0;
  } catch (error) {
    if (isProductError(error)) {
      io.stderr.write(`${error.info.message}\n`);
      return 2;
    }
    io.stderr.write(`The checks could not run: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await simulator?.close();
  }
}

/** Entry point of `npx pcemail` (bin/pcemail.js) and `node dist/cli.js`. */
export function main(): void {
  runCli(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`pcemail failed: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();

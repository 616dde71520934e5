import { parseArgs } from 'node:util';
import { formatScenarioList, listScenarios, startSimulator } from './index';

const USAGE = `Usage: node dist/simulator/main.js [--scenario NAME] [--port N] [--latency MS] [--page-size N] [--seed N] [--list]`;

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new Error(`--${name} must be a whole number (got "${text}").\n${USAGE}`);
  return Number(text);
}

/** CLI: runs a simulated tenant until SIGINT/SIGTERM and prints how to point the product at it. */
async function main(): Promise<void> {
  const { values } = readArgs();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.list) {
    console.log(`Scenarios (--scenario NAME):\n${formatScenarioList()}`);
    return;
  }
  if (!listScenarios().includes(values.scenario)) {
    console.error(`No scenario "${values.scenario}". The scenarios are:\n${formatScenarioList()}`);
    process.exit(2);
  }
  await startFromArgs(values);
}

function parseOptions() {
  return parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      port: { type: 'string' },
      latency: { type: 'string' },
      'page-size': { type: 'string' },
      seed: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
}

function readArgs(): ReturnType<typeof parseOptions> {
  try {
    return parseOptions();
  } catch (error) {
    // Node's own message quotes oddly ("Unknown option '--x'. To specify a positional…"): say it plainly.
    const option = /'(-[^']*)'/u.exec((error as Error).message)?.[1];
    console.error(`${option ? `Unknown option ${option}.` : (error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function startFromArgs(values: ReturnType<typeof parseOptions>['values']): Promise<void> {
  const simulator = await startSimulator({
    scenario: values.scenario,
    port: numberOption('port', values.port),
    latencyMs: numberOption('latency', values.latency),
    pageSize: numberOption('page-size', values['page-size']),
    seed: numberOption('seed', values.seed),
  });
  const lines = [
    `PCEmail Ops simulator: scenario "${simulator.scenario.name}" at ${simulator.url}`,
    `  ${simulator.scenario.description}`,
    '',
    '# SIMULATED tenant. The secrets below are fake values made up by this simulator;',
    '# they are not credentials of any real Microsoft tenant.',
    ...Object.entries(simulator.productEnv()).map(([key, value]) => `${key}=${value}`),
    '',
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});

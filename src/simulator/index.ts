import { FaultInjector } from './fault-injector';
import { RequestLog } from './request-log';
import { Runtime } from './runtime';
import { productEnv, scenarioInfo } from './scenario-info';
import { scenarioDescriptions, scenarioList, scenarioNames } from './scenarios';
import { SimulatorServer } from './server';
import type { FaultSettings, RunningSimulator, SimulatorOptions } from './simulator-options';

export type {
  FaultKind,
  FaultSettings,
  RecordedBatchItem,
  RecordedRequest,
  RunningSimulator,
  ScenarioInfo,
  SimulatorOptions,
} from './simulator-options';

export function listScenarios(): string[] {
  return scenarioNames();
}

/** Every scenario's name and a one-line description of what it shows. */
export function describeScenarios(): { name: string; description: string }[] {
  return scenarioDescriptions();
}

/** The scenarios as lines of "name  description", for a terminal. */
export function formatScenarioList(): string {
  return scenarioList();
}

function wholeNumber(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new Error(`Simulator option ${name} must be a whole number >= ${min} (got ${value}).`);
  }
}

/** Starts a simulated Microsoft cloud (Entra token endpoint + Graph subset) on 127.0.0.1. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  wholeNumber('port', options.port, 0);
  wholeNumber('latencyMs', options.latencyMs, 0);
  wholeNumber('pageSize', options.pageSize, 1);
  const rt = new Runtime(
    options.scenario ?? 'demo',
    options.now ?? (() => new Date()),
    options.pageSize,
  );
  const faults = new FaultInjector(options.seed ?? 1);
  if (options.faults) faults.set(options.faults);
  const log = new RequestLog();
  const server = new SimulatorServer(rt, faults, log, options.latencyMs ?? 0);
  const port = await server.listen(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  rt.baseUrl = url;
  return {
    url,
    get scenario() {
      return scenarioInfo(rt.scenario);
    },
    productEnv: () => productEnv(rt.scenario, url),
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    setFaults: (f: FaultSettings) => faults.set(f),
    setLatency: (ms: number) => {
      wholeNumber('latency', ms, 0);
      server.latencyMs = ms;
    },
    load: (name: string) => rt.load(name),
    close: () => server.close(),
  };
}

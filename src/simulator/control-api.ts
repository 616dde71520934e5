import { consentDelegatedScopes, mintUserToken } from './entra-obo';
import { validateFaults, type FaultInjector } from './fault-injector';
import { advanceSignIns } from './graph-sign-ins';
import type { RequestLog } from './request-log';
import type { Runtime } from './runtime';
import { publicState, scenarioInfo } from './scenario-info';
import { scenarioNames } from './scenarios';
import { editTenant } from './tenant-control';

export interface ControlDeps {
  rt: Runtime;
  faults: FaultInjector;
  log: RequestLog;
  setLatency(ms: number): void;
  latency(): number;
}

export interface ControlReply {
  status: number;
  body?: unknown;
}

function parse(body: string): unknown {
  if (body.trim() === '') return {};
  return JSON.parse(body) as unknown;
}

function problem(status: number, message: string): ControlReply {
  return { status, body: { error: { code: 'SimulatorControl', message } } };
}

/** Test-only control endpoints under /_sim/ (never faulted, never logged, never slowed). */
export function handleControl(
  method: string,
  path: string,
  rawBody: string,
  deps: ControlDeps,
): ControlReply {
  let body: unknown;
  try {
    body = parse(rawBody);
  } catch {
    return problem(400, 'body must be JSON');
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_sim/requests':
      return { status: 200, body: deps.log.list() };
    case 'DELETE /_sim/requests':
      deps.log.clear();
      return { status: 204 };
    case 'GET /_sim/scenarios':
      return { status: 200, body: scenarioNames() };
    case 'GET /_sim/state':
      return { status: 200, body: publicState(deps.rt.scenario) };
    case 'POST /_sim/reset': {
      const name = fields.scenario ?? deps.rt.scenario.name;
      if (typeof name !== 'string' || !scenarioNames().includes(name))
        return problem(400, `unknown scenario; known: ${scenarioNames().join(', ')}`);
      deps.rt.load(name);
      return { status: 200, body: scenarioInfo(deps.rt.scenario) };
    }
    case 'GET /_sim/faults':
      return { status: 200, body: deps.faults.current() };
    case 'PUT /_sim/faults':
      try {
        deps.faults.set(validateFaults(body));
      } catch (err) {
        return problem(400, (err as Error).message);
      }
      return { status: 200, body: deps.faults.current() };
    case 'GET /_sim/latency':
      return { status: 200, body: { ms: deps.latency() } };
    case 'PUT /_sim/latency': {
      const ms = fields.ms;
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0)
        return problem(400, 'ms must be a whole number >= 0');
      deps.setLatency(ms);
      return { status: 200, body: { ms } };
    }
    case 'POST /_sim/sso/token':
      return mintUserToken(deps.rt, fields);
    case 'POST /_sim/sso/consent':
      return consentDelegatedScopes(deps.rt, fields);
    case 'POST /_sim/sign-ins/advance':
      return advanceSignIns(deps.rt.state, fields);
    default:
      if (method === 'POST' && path.startsWith('/_sim/tenant/')) {
        return editTenant(deps.rt, path.slice('/_sim/tenant/'.length).replace(/\/+$/, ''), fields);
      }
      return problem(404, `no control endpoint ${route}`);
  }
}

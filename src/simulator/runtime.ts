import { initialDomain } from './graph-views';
import { buildScenario } from './scenarios';
import type { Scenario } from './scenarios/scenario';
import type { TenantState } from './tenant-state';
import { TokenSigner } from './token-signer';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i;

/** The simulator's live state: the loaded scenario, the signing key, the clock and the base URL. */
export class Runtime {
  scenario: Scenario;
  readonly signer = new TokenSigner();
  baseUrl = '';

  constructor(
    scenarioName: string,
    private readonly clock: () => Date,
    private readonly pageSizeOverride: number | undefined,
  ) {
    this.scenario = buildScenario(scenarioName, clock());
  }

  get state(): TenantState {
    return this.scenario.state;
  }

  now(): Date {
    return this.clock();
  }

  pageSize(): number {
    return this.pageSizeOverride ?? this.scenario.pageSize ?? 100;
  }

  load(name: string): void {
    this.scenario = buildScenario(name, this.clock());
  }

  /**
   * The tenant a path segment names: its GUID, its domain or its initial onmicrosoft.com domain.
   * 'invalid' when the segment is neither a GUID nor a DNS name (Entra answers that differently).
   */
  resolveTenant(segment: string): TenantState | 'invalid' | undefined {
    const state = this.state;
    const lower = segment.toLowerCase();
    if (lower === state.tenantId || lower === state.domain || lower === initialDomain(state))
      return state;
    return GUID.test(segment) || DNS_NAME.test(segment) ? undefined : 'invalid';
  }
}

import type { Scenario } from './scenarios/scenario';
import type { ScenarioInfo } from './simulator-options';

export function scenarioInfo(scenario: Scenario): ScenarioInfo {
  const { state, product } = scenario;
  return {
    name: scenario.name,
    description: scenario.description,
    tenantId: state.tenantId,
    domain: state.domain,
    inspectorClientId: product.inspectorClientId,
    pcemailAppIds: state.applications
      .filter((a) => a.displayName === 'PCEmail')
      .map((a) => a.appId),
    mailboxes: [...product.mailboxes],
    ...(product.outOfScopeMailbox !== undefined
      ? { outOfScopeMailbox: product.outOfScopeMailbox }
      : {}),
    ...(scenario.pageSize !== undefined ? { pageSize: scenario.pageSize } : {}),
    intent: { ...scenario.intent },
  };
}

/** The environment that points the product at this simulated tenant (secrets are fake ones). */
export function productEnv(scenario: Scenario, url: string): Record<string, string> {
  const { product } = scenario;
  const env: Record<string, string> = {
    TENANT_ID: scenario.state.tenantId,
    GRAPH_ENDPOINT: url,
    AUTHORITY_HOST: url,
    GRAPH_CLIENT_ID: product.inspectorClientId,
    GRAPH_CLIENT_SECRET: product.inspectorSecret,
  };
  if (product.pcemailSecret !== undefined) env.PCEMAIL_CLIENT_SECRET = product.pcemailSecret;
  env.PCEMAIL_MAILBOXES = product.mailboxes.join(',');
  if (product.outOfScopeMailbox !== undefined)
    env.PCEMAIL_OUT_OF_SCOPE_MAILBOX = product.outOfScopeMailbox;
  if (product.pcemailAppId !== undefined) env.PCEMAIL_APP_ID = product.pcemailAppId;
  if (product.restrictionModel !== undefined) env.RESTRICTION_MODEL = product.restrictionModel;
  return env;
}

/** The tenant's objects for GET /_sim/state: everything except secret values. */
export function publicState(scenario: Scenario): unknown {
  const { state, product } = scenario;
  return {
    scenario: scenarioInfo(scenario),
    ...state,
    applications: state.applications.map((app) => ({
      ...app,
      passwordCredentials: app.passwordCredentials.map(({ secretValue: _secret, ...rest }) => rest),
    })),
    product: {
      inspectorClientId: product.inspectorClientId,
      pcemailSecretConfigured: product.pcemailSecret !== undefined,
      mailboxes: product.mailboxes,
      outOfScopeMailbox: product.outOfScopeMailbox ?? null,
      pcemailAppId: product.pcemailAppId ?? null,
    },
  };
}

import type { AppConfig } from '../config';
import { AppOnlySignIn } from '../tenant/app-only-sign-in';
import { ConsentWriter } from '../tenant/consent-writer';
import { delegatedTokenSource, exchangeOnBehalfOf } from '../tenant/on-behalf-of';
import { graphDefaultScope } from '../tenant/graph-scope';
import { TenantReader } from '../tenant/snapshot-reader';
import { realSleep, type TransportPolicy } from '../tenant/transport-policy';
import { inspectConsent, type ConsentInspection, type DelegatedGrants } from './consent';
import { createPermissionCheck, type PermissionCheck } from './check/permission-check';

export interface ServiceOptions {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Told of Graph reads that failed transiently (the bot logs them with their request ids). */
  onGraphFailure?: TransportPolicy['onGraphFailure'];
}

export interface Services {
  reader: TenantReader;
  /** The bot's own Graph identity (GRAPH_CLIENT_ID); the secret rotation writes with it. */
  inspector: AppOnlySignIn;
  permissionCheck: PermissionCheck;
  /** Consent approval: what consent is missing now, and the bot's Graph writes to grant it. */
  consentInspection: () => Promise<ConsentInspection>;
  consentWriter: ConsentWriter;
  /** CONSENT_MODE=delegated: the approver's SSO token exchanged on-behalf-of, and a writer using it. */
  delegatedGrants: DelegatedGrants;
  /** The configured cloud's Graph `/.default` scope (for the admin-consent link). */
  graphScope: string;
}

/** Wires the tenant layer and the use cases from the configuration; no SDK of the bot in here. */
export function buildServices(config: AppConfig, options: ServiceOptions = {}): Services {
  const policy: TransportPolicy = {
    ...config.graphPolicy,
    sleep: options.sleep ?? realSleep,
    onGraphFailure: options.onGraphFailure,
  };
  const graphScope = graphDefaultScope(config.endpoints.graph);
  const inspector = new AppOnlySignIn({
    tenantId: config.tenant.id,
    clientId: config.inspector.clientId,
    clientSecret: config.inspector.clientSecret,
    authorityHost: config.endpoints.authority,
    scope: graphScope,
    policy,
    identity: 'the inspector identity (GRAPH_CLIENT_ID)',
  });
  const reader = new TenantReader({
    tenant: config.tenant,
    inspector,
    graphEndpoint: config.endpoints.graph,
    authorityHost: config.endpoints.authority,
    graphScope,
    policy,
    now: options.now ?? (() => new Date()),
  });
  return {
    reader,
    inspector,
    permissionCheck: createPermissionCheck(reader, config.pcemail),
    consentInspection: inspectConsent(reader, config.pcemail),
    consentWriter: new ConsentWriter({ inspector, graphEndpoint: config.endpoints.graph, policy }),
    delegatedGrants: {
      exchange: (userToken) =>
        exchangeOnBehalfOf(
          {
            tenantId: config.tenant.id,
            clientId: config.sso.clientId,
            clientSecret: config.sso.clientSecret,
            authorityHost: config.endpoints.authority,
            graphResource: graphScope.replace(/\/\.default$/, ''),
            policy,
          },
          userToken,
        ),
      writerFor: (accessToken) =>
        new ConsentWriter({
          inspector: delegatedTokenSource(accessToken),
          reader: inspector,
          graphEndpoint: config.endpoints.graph,
          policy,
        }),
    },
    graphScope,
  };
}

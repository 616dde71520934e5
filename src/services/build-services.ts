import type { AppConfig } from '../config';
import { AppOnlySignIn } from '../tenant/app-only-sign-in';
import { graphDefaultScope } from '../tenant/graph-scope';
import { TenantReader } from '../tenant/snapshot-reader';
import { realSleep, type TransportPolicy } from '../tenant/transport-policy';
import { createPermissionCheck, type PermissionCheck } from './permission-check';

export interface ServiceOptions {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface Services {
  reader: TenantReader;
  permissionCheck: PermissionCheck;
}

/** Wires the tenant layer and the use cases from the configuration; no SDK of the bot in here. */
export function buildServices(config: AppConfig, options: ServiceOptions = {}): Services {
  const policy: TransportPolicy = { ...config.graphPolicy, sleep: options.sleep ?? realSleep };
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
  return { reader, permissionCheck: createPermissionCheck(reader, config.pcemail) };
}

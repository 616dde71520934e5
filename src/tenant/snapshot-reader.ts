import {
  ErrorCode,
  ProductError,
  failed,
  succeeded,
  type ErrorInfo,
  type MailboxProbe,
  type Outcome,
  type SnapshotSettings,
  type TenantSnapshot,
} from '../domain';
import type { ResourceServicePrincipal, PcemailToken } from '../domain/tenant-snapshot';
import { INSPECTOR_PERMISSIONS_TEXT } from '../domain/inspector-permissions';
import { AppOnlySignIn } from './app-only-sign-in';
import {
  parseAppRoleAssignment,
  parseApplication,
  parsed,
  parseInboxSummary,
  parseList,
  parsePermissionGrant,
  parseResourceServicePrincipal,
  parseServicePrincipal,
} from './graph-parse';
import { readInBatches, type GraphRead } from './batch-reader';
import { createGraphClient } from './graph-client';
import {
  appRoleAssignmentsRead,
  applicationsRead,
  graphServicePrincipalRead,
  inboxRead,
  permissionGrantsRead,
  servicePrincipalsRead,
} from './graph-reads';
import type { TransportPolicy } from './transport-policy';
import type { PcemailTarget, SnapshotReader } from '../ports/tenant-reader';

export interface TenantReaderOptions {
  tenant: { id: string; mode: 'live' | 'simulated' };
  inspector: AppOnlySignIn;
  graphEndpoint: string;
  authorityHost: string;
  graphScope: string;
  policy: TransportPolicy;
  now: () => Date;
}

/**
 * Gathers everything the checks need (gather, then judge). The inspector's directory reads and
 * PCEmail's own sign-in and mailbox reads run side by side, so a full check costs two sequential
 * round trips once the inspector's token is cached, three from cold (bench/check measures it).
 */
export class TenantReader implements SnapshotReader {
  private readonly inspectorClient;

  constructor(private readonly options: TenantReaderOptions) {
    this.inspectorClient = createGraphClient(
      () => options.inspector.accessToken(),
      options.graphEndpoint,
      options.policy,
    );
  }

  /** Signs the inspector in, so a configuration that cannot work is reported before any read. */
  async ensureInspector(): Promise<void> {
    try {
      await this.options.inspector.signIn();
    } catch (error) {
      throw inspectorUnavailable(error instanceof ProductError ? error.info : undefined);
    }
  }

  async readSnapshot(target: PcemailTarget): Promise<TenantSnapshot> {
    await this.ensureInspector();
    const takenAt = this.options.now().toISOString();
    const settings: SnapshotSettings = {
      appId: target.appId,
      appName: target.appName,
      mailboxes: target.mailboxes,
      outOfScopeMailbox: target.outOfScopeMailbox,
      secretConfigured: !!target.clientSecret,
      secretHint: target.clientSecret?.slice(0, 3),
      scopeGroup: target.scopeGroup,
      restrictionModel: target.restrictionModel,
    };
    const lookup = target.appId ? { appId: target.appId } : { name: target.appName };

    // Wave 1: the registration, its principal and Graph's principal; PCEmail signs in meanwhile
    // when its app id is known (by name it must wait for the registration).
    const pcemailEarly = target.appId ? this.readAsPcemail(target.appId, target) : undefined;
    const first = await this.inspectorReads([
      applicationsRead('apps', lookup),
      servicePrincipalsRead('sps', lookup),
      graphServicePrincipalRead('graph'),
    ]);
    const applications = mapOutcome(first.get('apps'), (value) =>
      parseList(value, 'application', parseApplication),
    );
    if (!applications.ok && isInspectorBlocked(applications.error)) {
      throw inspectorUnavailable(applications.error);
    }
    const graphServicePrincipal = graphPrincipalOf(first.get('graph'));
    const snapshot: TenantSnapshot = {
      tenant: this.options.tenant,
      takenAt,
      settings,
      applications,
      graphServicePrincipal,
    };
    const app =
      applications.ok && applications.value.length === 1 ? applications.value[0] : undefined;
    if (!app) {
      if (pcemailEarly) Object.assign(snapshot, await pcemailEarly);
      return snapshot;
    }

    const pcemailReads = pcemailEarly ?? this.readAsPcemail(app.appId, target);
    const [principalFacts, pcemailFacts] = await Promise.all([
      this.readPrincipalFacts(app.appId, first.get('sps')),
      pcemailReads,
    ]);
    return { ...snapshot, ...principalFacts, ...pcemailFacts };
  }

  /** Wave 2: what was granted to PCEmail's service principal. */
  private async readPrincipalFacts(
    appId: string,
    principals: Outcome<unknown> | undefined,
  ): Promise<
    Partial<Pick<TenantSnapshot, 'servicePrincipal' | 'appRoleAssignments' | 'permissionGrants'>>
  > {
    let servicePrincipal = mapOutcome(
      principals,
      (value) =>
        parseList(value, 'service principal', parseServicePrincipal).find(
          (sp) => sp.appId.toLowerCase() === appId.toLowerCase(),
        ) ?? null,
    );
    if (servicePrincipal.ok && servicePrincipal.value === null) {
      // Found by name, but an enterprise app may carry another name: look once more by appId.
      const again = await this.inspectorReads([servicePrincipalsRead('sp', { appId })]);
      servicePrincipal = mapOutcome(
        again.get('sp'),
        (value) => parseList(value, 'service principal', parseServicePrincipal)[0] ?? null,
      );
    }
    if (!servicePrincipal.ok || servicePrincipal.value === null) return { servicePrincipal };

    const spId = servicePrincipal.value.id;
    const grants = await this.inspectorReads([
      appRoleAssignmentsRead('assignments', spId),
      permissionGrantsRead('grants', spId),
    ]);
    return {
      servicePrincipal,
      appRoleAssignments: mapOutcome(grants.get('assignments'), (value) =>
        parseList(value, 'app role assignment', parseAppRoleAssignment),
      ),
      permissionGrants: mapOutcome(grants.get('grants'), (value) =>
        parseList(value, 'permission grant', parsePermissionGrant),
      ),
    };
  }

  /** PCEmail signs in fresh with its own secret, then reads each mailbox's Inbox in one batch wave. */
  private async readAsPcemail(
    appId: string,
    target: PcemailTarget,
  ): Promise<Partial<Pick<TenantSnapshot, 'pcemailSignIn' | 'mailboxes' | 'outOfScope'>>> {
    if (!target.clientSecret) return {};
    const signIn = new AppOnlySignIn({
      tenantId: this.options.tenant.id,
      clientId: appId,
      clientSecret: target.clientSecret,
      authorityHost: this.options.authorityHost,
      scope: this.options.graphScope,
      policy: this.options.policy,
      identity: 'PCEmail',
    });
    let token: { accessToken: string; roles: string[]; readable: boolean };
    try {
      token = await signIn.signIn(true);
    } catch (error) {
      return { pcemailSignIn: failed(errorInfoOf(error)) };
    }
    const pcemailSignIn: Outcome<PcemailToken> = succeeded({
      roles: token.roles,
      readable: token.readable,
    });
    const client = createGraphClient(
      () => Promise.resolve(token.accessToken),
      this.options.graphEndpoint,
      this.options.policy,
    );
    const addresses = [
      ...target.mailboxes,
      ...(target.outOfScopeMailbox ? [target.outOfScopeMailbox] : []),
    ];
    const reads = addresses.map((address, index) => inboxRead(`m${index}`, address));
    const results = await readInBatches(client, reads, { policy: this.options.policy });
    const probe = (address: string, index: number): MailboxProbe => ({
      address,
      inbox: mapOutcome(results.get(`m${index}`), parseInboxSummary),
    });
    return {
      pcemailSignIn,
      mailboxes: target.mailboxes.map(probe),
      outOfScope: target.outOfScopeMailbox
        ? probe(target.outOfScopeMailbox, target.mailboxes.length)
        : undefined,
    };
  }

  private inspectorReads(reads: GraphRead[]): Promise<Map<string, Outcome<unknown>>> {
    return readInBatches(this.inspectorClient, reads, { policy: this.options.policy });
  }
}

function mapOutcome<T>(
  outcome: Outcome<unknown> | undefined,
  map: (value: unknown) => T,
): Outcome<T> {
  if (!outcome)
    return failed({
      code: ErrorCode.ServiceUnavailable,
      message: 'Graph was unavailable — try again.',
    });
  return parsed(outcome, map);
}

/** Microsoft Graph has a service principal in every tenant; its absence is reported, not assumed. */
function graphPrincipalOf(
  outcome: Outcome<unknown> | undefined,
): Outcome<ResourceServicePrincipal> {
  const list = mapOutcome(outcome, (value) =>
    parseList(value, 'resource service principal', parseResourceServicePrincipal),
  );
  if (!list.ok) return list;
  const principal = list.value[0];
  return principal
    ? succeeded(principal)
    : failed({
        code: ErrorCode.GraphRequestFailed,
        message: 'Microsoft Graph’s service principal was not found in the tenant.',
      });
}

function errorInfoOf(error: unknown): ErrorInfo {
  if (error instanceof ProductError) return error.info;
  return { code: ErrorCode.ServiceUnavailable, message: 'Entra could not be reached — try again.' };
}

/** The inspector's own token refused, or it lacks the directory read permission: nothing can be judged. */
function isInspectorBlocked(error: ErrorInfo): boolean {
  return (
    error.status === 401 || error.status === 403 || error.code === ErrorCode.ServiceUnavailable
  );
}

function inspectorUnavailable(cause: ErrorInfo | undefined): ProductError {
  const reason = cause?.message ?? 'the inspector identity could not sign in';
  const fix =
    cause?.status === 403
      ? `grant the inspector app registration (GRAPH_CLIENT_ID) the Graph application permissions ${INSPECTOR_PERMISSIONS_TEXT} with admin consent`
      : cause?.code === ErrorCode.ServiceUnavailable
        ? 'check GRAPH_ENDPOINT and AUTHORITY_HOST and the network, then try again'
        : 'check TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (the secret value, not its ID)';
  return new ProductError({
    ...(cause ?? { code: ErrorCode.InspectorUnavailable, message: reason }),
    code: ErrorCode.InspectorUnavailable,
    message: `The checks could not run: ${reason} Fix: ${fix}.`,
  });
}

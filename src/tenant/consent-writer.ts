import type { Client } from '@microsoft/microsoft-graph-client';
import {
  asProductError,
  ErrorCode,
  forMatching,
  isGuid,
  type AppRoleAssignment,
  type ErrorInfo,
  type OAuth2PermissionGrant,
} from '../domain';
import { hasScope, sameId, type AppIdentity, type OrganizationGrant } from '../domain/consent';
import { createGraphClient } from './graph-client';
import { graphErrorInfo } from './graph-error';
import { parseAppRoleAssignment, parseCollectionBody, parsePermissionGrant } from './graph-parse';
import { encodePathSegment, odataString } from './graph-reads';
import { rawGraphCall, type RawAnswer, type TokenSource } from './graph-raw-call';
import type { TransportPolicy } from './transport-policy';
import type { ConsentGrantWriter, WriteOutcome } from '../ports/consent-writer';

export interface ConsentWriterOptions {
  /**
   * Grant mode: the bot's own identity (GRAPH_CLIENT_ID) with the application permissions
   * AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All. Delegated mode: the
   * approver's on-behalf-of token, for this one approval.
   */
  inspector: TokenSource;
  /**
   * Who reads existing assignments back before writing; default `inspector`. Delegated mode passes
   * the bot's own app-only identity: listing a service principal's appRoleAssignments takes the
   * application read permission (`APPLICATION_READ` in domain/inspector-permissions.ts), which the
   * approver's grant scopes do not include
   * (https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignments).
   */
  reader?: TokenSource;
  graphEndpoint: string;
  policy: TransportPolicy;
}

/** Graph's answer when the app role is assigned already (a 400, not a 409). */
const ALREADY_ASSIGNED = /already exists on the object/i;
/** Owners named on a request card; the rest are left out. */
const MAX_OWNERS_SHOWN = 5;

type Method = 'GET' | 'POST' | 'PATCH';

/**
 * Grants admin consent through Graph. Each write is safe to repeat: an existing
 * assignment or grant counts as done, so a retry after a half-finished attempt completes it.
 * Transient failures (429/5xx/timeouts) are retried within the transport policy; a 403 is retried
 * once with a fresh token, since roles granted to the bot since its token was issued only show up
 * in a new one.
 */
export class ConsentWriter implements ConsentGrantWriter {
  private readonly client: Client;
  private readonly readClient: Client;

  constructor(private readonly options: ConsentWriterOptions) {
    this.client = createGraphClient(
      () => options.inspector.accessToken(),
      options.graphEndpoint,
      options.policy,
    );
    const reader = options.reader;
    this.readClient = reader
      ? createGraphClient(() => reader.accessToken(), options.graphEndpoint, options.policy)
      : this.client;
  }

  /**
   * `POST /servicePrincipals/{resource-sp-id}/appRoleAssignedTo` with `principalId`, `resourceId`
   * and `appRoleId`. Microsoft Graph docs: "To grant an app role assignment, you need three
   * identifiers: principalId … resourceId … appRoleId"; success is `201 Created` with the
   * appRoleAssignment; a duplicate is `400 Request_BadRequest` "Permission being assigned already
   * exists on the object.", which we count as granted.
   */
  async assignAppRole(input: {
    resourceId: string;
    principalId: string;
    appRoleId: string;
  }): Promise<WriteOutcome> {
    // Read back first: a grant taken over from a stalled approval must not repeat a landed write.
    const existing = await this.findAppRoleAssignment(input);
    if (!existing.ok) return existing;
    if (existing.found) return { ok: true, alreadyExisted: true, requestId: existing.requestId };
    const answer = await this.send(
      'POST',
      `/servicePrincipals/${encodePathSegment(input.resourceId)}/appRoleAssignedTo`,
      {
        principalId: input.principalId,
        resourceId: input.resourceId,
        appRoleId: input.appRoleId,
      },
    );
    if ('error' in answer) return { ok: false, error: answer.error };
    if (answer.status === 201 || answer.status === 200)
      return { ok: true, alreadyExisted: false, requestId: answer.requestId };
    const info = graphErrorInfo(answer.status, answer.body, answer.headers);
    const alreadyThere =
      answer.status === 409 ||
      (answer.status === 400 && ALREADY_ASSIGNED.test(forMatching(info.message)));
    if (alreadyThere) {
      return { ok: true, alreadyExisted: true, requestId: info.requestId ?? answer.requestId };
    }
    return { ok: false, error: info };
  }

  /**
   * Who stands behind an app: `GET /applications(appId='{appId}')` (createdDateTime,
   * publisherDomain) and `GET /applications(appId='{appId}')/owners`
   * (https://learn.microsoft.com/graph/api/application-list-owners; the inspector's
   * permissions, incl. reading users for the owners' names). Undefined when Graph cannot be read: the request
   * card then says so.
   */
  async readAppIdentity(appId: string): Promise<AppIdentity | undefined> {
    if (!isGuid(appId)) return undefined;
    const key = `/applications(appId='${appId}')`;
    const app = await this.send('GET', `${key}?$select=id,appId,createdDateTime,publisherDomain`);
    if ('error' in app || app.status !== 200) return undefined;
    const owners = await this.send('GET', `${key}/owners?$select=id,displayName,userPrincipalName`);
    const body = app.body as { createdDateTime?: unknown; publisherDomain?: unknown } | undefined;
    const listed =
      'error' in owners || owners.status !== 200
        ? []
        : ((owners.body as { value?: unknown } | undefined)?.value ?? []);
    const names = (Array.isArray(listed) ? (listed as Record<string, unknown>[]) : [])
      .slice(0, MAX_OWNERS_SHOWN)
      .map((o) =>
        typeof o.displayName === 'string' && o.displayName !== ''
          ? o.displayName
          : typeof o.userPrincipalName === 'string' && o.userPrincipalName !== ''
            ? o.userPrincipalName
            : 'an owner whose name the bot may not read',
      );
    return {
      ...(typeof body?.createdDateTime === 'string'
        ? { createdDateTime: body.createdDateTime }
        : {}),
      ...(typeof body?.publisherDomain === 'string'
        ? { publisherDomain: body.publisherDomain }
        : {}),
      owners: names,
    };
  }

  /** `GET /servicePrincipals/{principalId}/appRoleAssignments`: is this role already assigned? */
  private async findAppRoleAssignment(input: {
    resourceId: string;
    principalId: string;
    appRoleId: string;
  }): Promise<{ ok: true; found: boolean; requestId?: string } | { ok: false; error: ErrorInfo }> {
    const answer = await this.send(
      'GET',
      `/servicePrincipals/${encodePathSegment(input.principalId)}/appRoleAssignments`,
      undefined,
      'reader',
    );
    if ('error' in answer) return { ok: false, error: answer.error };
    if (answer.status !== 200)
      return { ok: false, error: graphErrorInfo(answer.status, answer.body, answer.headers) };
    let assignments: AppRoleAssignment[];
    try {
      assignments = parseCollectionBody(answer.body, 'app role assignment', parseAppRoleAssignment);
    } catch (error) {
      return { ok: false, error: asProductError(error).info };
    }
    const found = assignments.some(
      (a) => sameId(a.appRoleId, input.appRoleId) && sameId(a.resourceId, input.resourceId),
    );
    return { ok: true, found, requestId: answer.requestId };
  }

  /**
   * Adds one delegated permission to PCEmail's organization-wide grant. Microsoft Graph docs:
   * `POST /oauth2PermissionGrants` with `clientId` (the client's service principal object id),
   * `consentType` "AllPrincipals" ("authorization to impersonate all users"), `resourceId` and
   * `scope` creates it (`201 Created`); when one exists, "an oAuth2PermissionGrant can be updated
   * to change which delegated permissions are granted, by adding or removing items from the list
   * in scopes": `PATCH /oauth2PermissionGrants/{id}` with the new space-separated `scope`
   * (`204 No Content`). The grant is re-read first, and
   * once more if the POST finds one created meanwhile (409).
   */
  async grantOrganizationScope(input: {
    clientId: string;
    resourceId: string;
    scope: string;
  }): Promise<WriteOutcome> {
    for (let round = 0; round < 2; round++) {
      const existing = await this.readOrganizationGrant(input.clientId, input.resourceId);
      if (!existing.ok) return existing;
      if (existing.grant && hasScope(existing.grant, input.scope)) {
        return { ok: true, alreadyExisted: true, requestId: existing.requestId };
      }
      if (existing.grant) {
        const scope = [
          ...existing.grant.scope.split(/\s+/).filter((w) => w !== ''),
          input.scope,
        ].join(' ');
        const patched = await this.send(
          'PATCH',
          `/oauth2PermissionGrants/${encodePathSegment(existing.grant.id)}`,
          { scope },
        );
        if ('error' in patched) return { ok: false, error: patched.error };
        if (patched.status === 204 || patched.status === 200)
          return { ok: true, alreadyExisted: false, requestId: patched.requestId };
        return { ok: false, error: graphErrorInfo(patched.status, patched.body, patched.headers) };
      }
      const created = await this.send('POST', '/oauth2PermissionGrants', {
        clientId: input.clientId,
        consentType: 'AllPrincipals',
        resourceId: input.resourceId,
        scope: input.scope,
      });
      if ('error' in created) return { ok: false, error: created.error };
      if (created.status === 201 || created.status === 200)
        return { ok: true, alreadyExisted: false, requestId: created.requestId };
      if (created.status !== 409)
        return { ok: false, error: graphErrorInfo(created.status, created.body, created.headers) };
    }
    return {
      ok: false,
      error: {
        code: ErrorCode.GraphRequestFailed,
        message: 'The organization-wide grant kept changing; try again.',
      },
    };
  }

  private async readOrganizationGrant(
    clientId: string,
    resourceId: string,
  ): Promise<
    { ok: true; grant?: OrganizationGrant; requestId?: string } | { ok: false; error: ErrorInfo }
  > {
    const filter = encodeURIComponent(`clientId eq ${odataString(clientId)}`);
    const answer = await this.send('GET', `/oauth2PermissionGrants?$filter=${filter}`);
    if ('error' in answer) return { ok: false, error: answer.error };
    if (answer.status !== 200)
      return { ok: false, error: graphErrorInfo(answer.status, answer.body, answer.headers) };
    let grants: OAuth2PermissionGrant[];
    try {
      grants = parseCollectionBody(answer.body, 'permission grant', parsePermissionGrant);
    } catch (error) {
      return { ok: false, error: asProductError(error).info };
    }
    const found = grants.find(
      (g) =>
        sameId(g.clientId, clientId) &&
        sameId(g.resourceId, resourceId) &&
        g.consentType === 'AllPrincipals',
    );
    const grant = found ? { id: found.id, scope: found.scope } : undefined;
    return { ok: true, ...(grant ? { grant } : {}), requestId: answer.requestId };
  }

  /** One request with bounded retries (a 403 once more with a fresh token); never throws. */
  private send(
    method: Method,
    path: string,
    body?: unknown,
    as: 'writer' | 'reader' = 'writer',
  ): Promise<RawAnswer | { error: ErrorInfo }> {
    const reading = as === 'reader';
    const tokens = reading
      ? (this.options.reader ?? this.options.inspector)
      : this.options.inspector;
    return rawGraphCall(
      reading ? this.readClient : this.client,
      tokens,
      this.options.policy,
      { method, path, body },
      true,
      { refreshOn403: true },
    );
  }
}

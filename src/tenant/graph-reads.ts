import { GRAPH_APP_ID } from '../domain/graph-permissions';
import type { GraphRead } from './batch-reader';

/** The Graph requests behind a snapshot, written once so the reader and its tests agree. */

const APPLICATION_FIELDS =
  'id,appId,displayName,signInAudience,passwordCredentials,keyCredentials,requiredResourceAccess,web';
const SERVICE_PRINCIPAL_FIELDS = 'id,appId,displayName,accountEnabled';
const GRAPH_PRINCIPAL_FIELDS = 'id,appId,appRoles,oauth2PermissionScopes';

export function applicationsRead(id: string, by: { appId: string } | { name: string }): GraphRead {
  return { id, url: `/applications?${query(filterBy(by), APPLICATION_FIELDS)}`, collection: true };
}

export function servicePrincipalsRead(
  id: string,
  by: { appId: string } | { name: string },
): GraphRead {
  return {
    id,
    url: `/servicePrincipals?${query(filterBy(by), SERVICE_PRINCIPAL_FIELDS)}`,
    collection: true,
  };
}

export function graphServicePrincipalRead(id: string): GraphRead {
  return {
    id,
    url: `/servicePrincipals?${query(`appId eq ${odataString(GRAPH_APP_ID)}`, GRAPH_PRINCIPAL_FIELDS)}`,
    collection: true,
  };
}

export function appRoleAssignmentsRead(id: string, servicePrincipalId: string): GraphRead {
  return {
    id,
    url: `/servicePrincipals/${encodePathSegment(servicePrincipalId)}/appRoleAssignments`,
    collection: true,
  };
}

export function permissionGrantsRead(id: string, servicePrincipalId: string): GraphRead {
  return {
    id,
    url: `/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq ${odataString(servicePrincipalId)}`)}`,
    collection: true,
  };
}

export function inboxRead(id: string, mailbox: string): GraphRead {
  return {
    id,
    url: `/users/${encodePathSegment(mailbox)}/mailFolders/inbox?$select=id,totalItemCount,unreadItemCount`,
    collection: false,
  };
}

/**
 * Percent-encodes a path segment completely: addresses may hold `#` (would end the path) and `'`
 * (Graph reads it as an OData key delimiter), which encodeURIComponent leaves or mishandles.
 */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** An OData string literal: quotes doubled, so a hostile display name cannot end the literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function filterBy(by: { appId: string } | { name: string }): string {
  return 'appId' in by
    ? `appId eq ${odataString(by.appId)}`
    : `displayName eq ${odataString(by.name)}`;
}

function query(filter: string, select: string): string {
  return `$filter=${encodeURIComponent(filter)}&$select=${select}`;
}

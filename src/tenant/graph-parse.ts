import {
  ErrorCode,
  ProductError,
  failed,
  succeeded,
  type AppRegistration,
  type AppRoleAssignment,
  type KeyCredential,
  type OAuth2PermissionGrant,
  type Outcome,
  type PasswordCredential,
  type RequiredResourceAccess,
  type ServicePrincipal,
} from '../domain';
import type { InboxSummary, ResourceServicePrincipal } from '../domain/tenant-snapshot';

/**
 * Parse functions at the Graph boundary: Graph's JSON is `unknown` until one of these turns it into
 * a domain type, or throws a ProductError `GraphResponseMalformed` naming the entity and the field.
 * Fields the product reads must have the type Graph documents; a collection Graph leaves out or
 * sends as null is empty (Graph omits empty collections under some `$select` shapes); unknown
 * fields are ignored. Shapes: https://learn.microsoft.com/graph/api/resources/application,
 * https://learn.microsoft.com/graph/api/resources/serviceprincipal,
 * https://learn.microsoft.com/graph/api/resources/approleassignment,
 * https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant,
 * https://learn.microsoft.com/graph/api/resources/passwordcredential,
 * https://learn.microsoft.com/graph/api/application-addpassword
 */

type Json = Record<string, unknown>;

function graphMalformed(entity: string, problem: string): ProductError {
  return new ProductError({
    code: ErrorCode.GraphResponseMalformed,
    message: `Graph answered with data this product cannot read: ${entity}: ${problem}.`,
  });
}

/** Runs a parse over a successful read: a malformed answer becomes a failed outcome, not a throw. */
export function parsed<T>(outcome: Outcome<unknown>, parse: (value: unknown) => T): Outcome<T> {
  if (!outcome.ok) return outcome;
  try {
    return succeeded(parse(outcome.value));
  } catch (error) {
    if (error instanceof ProductError) return failed(error.info);
    throw error;
  }
}

/** A list of entities (the collected `value` of a collection read). */
export function parseList<T>(value: unknown, entity: string, parseItem: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) throw graphMalformed(`${entity} list`, 'not a list');
  return value.map(parseItem);
}

/** The `value` list of a collection response body (`{ value: [...] }`). */
export function parseCollectionBody<T>(
  body: unknown,
  entity: string,
  parseItem: (item: unknown) => T,
): T[] {
  return parseList(objectOf(body, `${entity} list`).value, entity, parseItem);
}

export function parseApplication(value: unknown): AppRegistration {
  const entity = 'application';
  const o = objectOf(value, entity);
  const created = optionalString(o, 'createdDateTime', entity);
  const web = o.web === undefined || o.web === null ? o.web : objectOf(o.web, entity);
  return {
    id: requiredString(o, 'id', entity),
    appId: requiredString(o, 'appId', entity),
    displayName: optionalString(o, 'displayName', entity) ?? '',
    ...(created === null && o.createdDateTime === undefined ? {} : { createdDateTime: created }),
    signInAudience: optionalString(o, 'signInAudience', entity) ?? '',
    ...(web === undefined
      ? {}
      : { web: web && { redirectUris: collection(web, 'redirectUris', entity, asString) } }),
    passwordCredentials: collection(o, 'passwordCredentials', entity, parsePasswordCredential),
    keyCredentials: collection(o, 'keyCredentials', entity, parseKeyCredential),
    requiredResourceAccess: collection(
      o,
      'requiredResourceAccess',
      entity,
      parseRequiredResourceAccess,
    ),
  };
}

export function parsePasswordCredential(value: unknown): PasswordCredential {
  const entity = 'password credential';
  const o = objectOf(value, entity);
  return {
    keyId: requiredString(o, 'keyId', entity),
    displayName: optionalString(o, 'displayName', entity),
    hint: optionalString(o, 'hint', entity),
    startDateTime: optionalString(o, 'startDateTime', entity),
    endDateTime: optionalString(o, 'endDateTime', entity),
  };
}

function parseKeyCredential(value: unknown): KeyCredential {
  const entity = 'key credential';
  const o = objectOf(value, entity);
  return {
    keyId: requiredString(o, 'keyId', entity),
    displayName: optionalString(o, 'displayName', entity),
    type: optionalString(o, 'type', entity),
    usage: optionalString(o, 'usage', entity),
    startDateTime: optionalString(o, 'startDateTime', entity),
    endDateTime: optionalString(o, 'endDateTime', entity),
  };
}

function parseRequiredResourceAccess(value: unknown): RequiredResourceAccess {
  const entity = 'required resource access';
  const o = objectOf(value, entity);
  return {
    resourceAppId: requiredString(o, 'resourceAppId', entity),
    resourceAccess: collection(o, 'resourceAccess', entity, (item) => {
      const access = objectOf(item, entity);
      const type = requiredString(access, 'type', entity);
      if (type !== 'Scope' && type !== 'Role') throw graphMalformed(entity, `type "${type}"`);
      return { id: requiredString(access, 'id', entity), type };
    }),
  };
}

export function parseServicePrincipal(value: unknown): ServicePrincipal {
  const entity = 'service principal';
  const o = objectOf(value, entity);
  const enabled = o.accountEnabled;
  if (enabled !== undefined && enabled !== null && typeof enabled !== 'boolean') {
    throw graphMalformed(entity, 'accountEnabled is not true or false');
  }
  return {
    id: requiredString(o, 'id', entity),
    appId: requiredString(o, 'appId', entity),
    displayName: optionalString(o, 'displayName', entity) ?? '',
    // Graph documents accountEnabled as a Boolean defaulting to true.
    accountEnabled: enabled !== false,
  };
}

export function parseResourceServicePrincipal(value: unknown): ResourceServicePrincipal {
  const entity = 'resource service principal';
  const o = objectOf(value, entity);
  const permission = (item: unknown) => {
    const p = objectOf(item, entity);
    return { id: requiredString(p, 'id', entity), value: optionalString(p, 'value', entity) };
  };
  return {
    id: requiredString(o, 'id', entity),
    appId: requiredString(o, 'appId', entity),
    appRoles: collection(o, 'appRoles', entity, permission),
    oauth2PermissionScopes: collection(o, 'oauth2PermissionScopes', entity, permission),
  };
}

export function parseAppRoleAssignment(value: unknown): AppRoleAssignment {
  const entity = 'app role assignment';
  const o = objectOf(value, entity);
  return {
    id: requiredString(o, 'id', entity),
    appRoleId: requiredString(o, 'appRoleId', entity),
    principalId: requiredString(o, 'principalId', entity),
    resourceId: requiredString(o, 'resourceId', entity),
  };
}

export function parsePermissionGrant(value: unknown): OAuth2PermissionGrant {
  const entity = 'permission grant';
  const o = objectOf(value, entity);
  return {
    id: requiredString(o, 'id', entity),
    clientId: requiredString(o, 'clientId', entity),
    consentType: requiredString(o, 'consentType', entity),
    principalId: optionalString(o, 'principalId', entity),
    resourceId: requiredString(o, 'resourceId', entity),
    // Graph documents scope as a String; an empty grant may carry none.
    scope: optionalString(o, 'scope', entity) ?? '',
  };
}

/** An Inbox's counts; a count Graph leaves out reads as 0. */
export function parseInboxSummary(value: unknown): InboxSummary {
  const o = objectOf(value, 'mail folder');
  return {
    totalItemCount: typeof o.totalItemCount === 'number' ? o.totalItemCount : 0,
    unreadItemCount: typeof o.unreadItemCount === 'number' ? o.unreadItemCount : 0,
  };
}

/** addPassword's answer: the new passwordCredential with its `secretText` (shown once, never kept). */
export function parseAddedPassword(value: unknown): {
  keyId: string;
  hint: string;
  endDateTime: string;
  secretText: string;
} {
  const entity = 'added password credential';
  const o = objectOf(value, entity);
  return {
    keyId: requiredString(o, 'keyId', entity),
    hint: optionalString(o, 'hint', entity) ?? '',
    endDateTime: optionalString(o, 'endDateTime', entity) ?? '',
    // The problem names the field only: a value of the wrong type is never quoted.
    secretText: requiredString(o, 'secretText', entity),
  };
}

/**
 * One page of `GET /beta/auditLogs/signIns`: each sign-in's credential key id and time, and the
 * next page's link (https://learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta).
 */
export function parseSignInPage(value: unknown): {
  rows: { keyId: string | null; createdDateTime: string }[];
  nextLink: string | null;
} {
  const entity = 'sign-in';
  const o = objectOf(value, `${entity} list`);
  return {
    rows: parseList(o.value, entity, (item) => {
      const row = objectOf(item, entity);
      return {
        keyId: optionalString(row, 'servicePrincipalCredentialKeyId', entity),
        createdDateTime: requiredString(row, 'createdDateTime', entity),
      };
    }),
    nextLink: optionalString(o, '@odata.nextLink', `${entity} list`),
  };
}

function objectOf(value: unknown, entity: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw graphMalformed(entity, 'not an object');
  }
  return value as Json;
}

function requiredString(o: Json, field: string, entity: string): string {
  const value = o[field];
  if (typeof value !== 'string' || value === '') throw graphMalformed(entity, `no ${field}`);
  return value;
}

function optionalString(o: Json, field: string, entity: string): string | null {
  const value = o[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw graphMalformed(entity, `${field} is not text`);
  return value;
}

function asString(value: unknown): string {
  if (typeof value !== 'string') throw graphMalformed('application', 'a redirect URI is not text');
  return value;
}

function collection<T>(
  o: Json,
  field: string,
  entity: string,
  parseItem: (item: unknown) => T,
): T[] {
  const value = o[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw graphMalformed(entity, `${field} is not a list`);
  return value.map(parseItem);
}

import { fingerprint } from './ids';
import { GraphHttpError, graphErrors } from './graph-errors';
import type { GraphRequest, GraphResponse } from './graph-request';
import { evaluateFilter, filterProperties, FilterSyntaxError, parseFilter } from './odata-filter';

type Json = Record<string, unknown>;

/** Directory (Entra) collections and Exchange (mail) collections differ in limits, errors and paging. */
export interface ResourceShape {
  /** Path after $metadata#, e.g. `applications` or `users('a%40b')/mailFolders`. */
  contextPath: string;
  /** Type name used in Graph's error messages, e.g. `microsoft.graph.application`. */
  typeName: string;
  flavour: 'directory' | 'exchange';
}

export interface CollectionShape extends ResourceShape {
  /** Resource name in "unsupported filter" messages, e.g. `Application`. */
  resourceName: string;
  /** Properties $filter may use; anything else is Request_UnsupportedQuery. Exchange: any property. */
  filterable?: string[];
  defaultOrderBy?: string;
}

export interface PagingEnv {
  baseUrl: string;
  pageSize: number;
}

function unknownProperty(shape: ResourceShape, name: string): GraphHttpError {
  const message = `Could not find a property named '${name}' on type '${shape.typeName}'.`;
  return shape.flavour === 'directory'
    ? graphErrors.directoryBadRequest(message)
    : new GraphHttpError(400, 'RequestBroker--ParseUri', message);
}

function findKey(sample: Json, name: string): string | undefined {
  return Object.keys(sample).find((k) => k.toLowerCase() === name.toLowerCase());
}

/** $select: only the named properties plus `id` (and @odata annotations), names checked. */
function project(
  items: Json[],
  select: string | null,
  shape: ResourceShape,
  template: Json,
): Json[] {
  if (!select) return items;
  const names = select
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const keys = names.map(
    (n) =>
      findKey(template, n) ??
      (() => {
        throw unknownProperty(shape, n);
      })(),
  );
  return items.map((item) => {
    const out: Json = {};
    for (const [k, v] of Object.entries(item)) {
      if (k.startsWith('@odata') || k === 'id' || keys.includes(k)) out[k] = v;
    }
    return out;
  });
}

function contextUrl(
  env: PagingEnv,
  shape: ResourceShape,
  select: string | null,
  entity: boolean,
): string {
  const selected = select
    ? `(${select
        .split(',')
        .map((s) => s.trim())
        .join(',')})`
    : '';
  return `${env.baseUrl}/v1.0/$metadata#${shape.contextPath}${selected}${entity ? '/$entity' : ''}`;
}

/** One entity, honouring $select. */
export function entityResponse(
  req: GraphRequest,
  env: PagingEnv,
  shape: ResourceShape,
  json: Json,
): GraphResponse {
  const select = req.query.get('$select');
  const [selected = json] = project([json], select, shape, json);
  return {
    status: 200,
    body: { '@odata.context': contextUrl(env, shape, select, true), ...selected },
  };
}

function parseTop(req: GraphRequest, shape: CollectionShape): number | undefined {
  const text = req.query.get('$top');
  if (text === null) return undefined;
  const top = /^\d+$/.test(text) ? Number(text) : NaN;
  if (shape.flavour === 'directory') {
    if (!(top >= 1 && top <= 999)) {
      throw graphErrors.directoryBadRequest(
        `Invalid page size specified: '${text}'. Must be between 1 and 999 inclusive.`,
      );
    }
    return top;
  }
  if (!(top >= 1))
    throw graphErrors.badRequest(`The value '${text}' is not valid for the query option '$top'.`);
  return Math.min(top, 1000);
}

function applyFilter(
  items: Json[],
  req: GraphRequest,
  shape: CollectionShape,
  template: Json,
): Json[] {
  const text = req.query.get('$filter');
  if (text === null) return items;
  let node;
  try {
    node = parseFilter(text);
  } catch (err) {
    if (err instanceof FilterSyntaxError)
      throw graphErrors.badRequest(`Invalid filter clause: ${err.message}`);
    throw err;
  }
  for (const property of filterProperties(node)) {
    const allowed = shape.filterable
      ? shape.filterable.some((p) => p.toLowerCase() === property.toLowerCase())
      : findKey(template, property) !== undefined;
    if (allowed) continue;
    if (shape.flavour === 'exchange') throw unknownProperty(shape, property);
    throw new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      `Unsupported or invalid query filter clause specified for property '${property}' of resource '${shape.resourceName}'.`,
    );
  }
  return items.filter((item) => evaluateFilter(node, item));
}

function applyOrder(
  items: Json[],
  orderBy: string | undefined,
  shape: ResourceShape,
  template: Json,
): Json[] {
  if (!orderBy) return items;
  const keys = orderBy.split(',').map((part) => {
    const [name = '', direction = 'asc'] = part.trim().split(/\s+/);
    const key = findKey(template, name);
    if (!key) throw unknownProperty(shape, name);
    return { key, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return [...items].sort((a, b) => {
    for (const { key, sign } of keys) {
      const [x, y] = [a[key], b[key]] as [string | number | boolean, string | number | boolean];
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
}

/*
 * Paging: directory collections page with an opaque $skiptoken, Exchange with $skip, as at Graph.
 * The token is tied to the path so a token from another collection is refused.
 */
function readOffset(req: GraphRequest, shape: CollectionShape): number {
  const token = req.query.get('$skiptoken');
  const skip = req.query.get('$skip');
  if (shape.flavour === 'directory') {
    if (skip !== null)
      throw graphErrors.directoryBadRequest("'$skip' is not supported by the service.");
    if (token === null) return 0;
    const [offset = '', print] = Buffer.from(token, 'base64url').toString('utf8').split('.');
    if (!/^\d+$/.test(offset) || print !== fingerprint(req.rawPath.toLowerCase())) {
      throw new GraphHttpError(
        400,
        'Directory_ExpiredPageToken',
        'The specified page token value has expired and can no longer be included in your request.',
      );
    }
    return Number(offset);
  }
  if (skip === null) return 0;
  if (!/^\d+$/.test(skip))
    throw graphErrors.badRequest(`The value '${skip}' is not valid for the query option '$skip'.`);
  return Number(skip);
}

function nextLink(
  req: GraphRequest,
  env: PagingEnv,
  shape: CollectionShape,
  offset: number,
): string {
  const kept = req.rawQuery
    .split('&')
    .filter((part) => part !== '')
    .filter((part) => !/^(\$|%24)(skiptoken|skip)=/i.test(part));
  const paging =
    shape.flavour === 'directory'
      ? `$skiptoken=${Buffer.from(`${offset}.${fingerprint(req.rawPath.toLowerCase())}`).toString('base64url')}`
      : `%24skip=${offset}`;
  return `${env.baseUrl}/v1.0${req.rawPath}?${[...kept, paging].join('&')}`;
}

/** A collection response with $filter, $orderby, $count, $top, $select and @odata.nextLink. */
export function collectionResponse(
  req: GraphRequest,
  env: PagingEnv,
  shape: CollectionShape,
  all: Json[],
  template: Json,
): GraphResponse {
  const wantsCount = req.query.get('$count')?.toLowerCase() === 'true';
  if (
    wantsCount &&
    shape.flavour === 'directory' &&
    req.headers.consistencylevel?.toLowerCase() !== 'eventual'
  ) {
    throw graphErrors.directoryBadRequest('$count is not currently supported.');
  }
  const top = parseTop(req, shape);
  const filtered = applyFilter(all, req, shape, template);
  const ordered = applyOrder(
    filtered,
    req.query.get('$orderby') ?? shape.defaultOrderBy,
    shape,
    template,
  );
  const offset = readOffset(req, shape);
  const size = Math.min(top ?? env.pageSize, env.pageSize);
  const page = ordered.slice(offset, offset + size);
  const select = req.query.get('$select');
  const body: Json = { '@odata.context': contextUrl(env, shape, select, false) };
  if (wantsCount) body['@odata.count'] = ordered.length;
  body.value = project(page, select, shape, template);
  if (offset + size < ordered.length)
    body['@odata.nextLink'] = nextLink(req, env, shape, offset + size);
  return { status: 200, body };
}

import { GraphHttpError, graphErrors } from './graph-errors';

/** Who is calling Graph, as read from the validated access token. */
export interface Caller {
  appId: string;
  servicePrincipalId: string;
  roles: ReadonlySet<string>;
  /** A delegated (user) token: the signed-in user's object id; its `scp` scopes are in `roles`. */
  userId?: string;
}

/** One Graph request, direct or as a $batch item. */
export interface GraphRequest {
  method: string;
  /** Path after /v1.0 as it arrived (still percent-encoded), starting with '/'. */
  rawPath: string;
  /** Decoded path segments; `name(key)` arrives as two segments, `name` and `(key)`. */
  segments: string[];
  query: URLSearchParams;
  rawQuery: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  caller: Caller;
  /** Arrived under /beta rather than /v1.0. */
  beta?: boolean;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Splits and decodes a Graph path; `applications(appId='x')` becomes `applications`, `(appId='x')`. */
export function parseGraphPath(rawPath: string): string[] {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw graphErrors.badRequest(`Bad Request - Invalid URL segment '${raw}'.`);
    }
    const keyed = /^([A-Za-z$][\w.]*)\((.*)\)$/s.exec(segment);
    if (keyed?.[1] !== undefined && keyed[2] !== undefined)
      segments.push(keyed[1], `(${keyed[2]})`);
    else segments.push(segment);
  }
  return segments;
}

function unquote(text: string): string {
  return text.startsWith("'") && text.endsWith("'") && text.length >= 2
    ? text.slice(1, -1).replace(/''/g, "'")
    : text;
}

/** A key segment: a plain id, `('id')`, or an alternate key such as `(appId='…')`. */
export function parseKey(segment: string): { property: string | undefined; value: string } {
  if (!segment.startsWith('(')) return { property: undefined, value: segment };
  const inner = segment.slice(1, -1);
  const alternate = /^(\w+)=(.*)$/s.exec(inner);
  if (alternate?.[1] !== undefined && alternate[2] !== undefined) {
    return { property: alternate[1], value: unquote(alternate[2]) };
  }
  return { property: undefined, value: unquote(inner) };
}

/** Throws Graph's 403 unless the caller's token holds one of the roles. */
export function requireRole(caller: Caller, roles: string[], error: () => GraphHttpError): void {
  if (!roles.some((r) => caller.roles.has(r))) throw error();
}

/** True when the segment names the expected entity (Graph segment names are case-insensitive). */
export function isSegment(segment: string | undefined, name: string): boolean {
  return segment?.toLowerCase() === name.toLowerCase();
}

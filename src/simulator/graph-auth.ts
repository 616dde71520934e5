import { GraphHttpError } from './graph-errors';
import type { Caller } from './graph-request';
import { GRAPH_RESOURCE } from './graph-service-principal';
import type { Runtime } from './runtime';

const CLOCK_SKEW_SECONDS = 300;

function invalidToken(message: string): GraphHttpError {
  return new GraphHttpError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/** Validates the bearer token as Graph does: ours, for Graph, for this tenant, and not expired. */
export function authenticate(rt: Runtime, authorization: string | undefined): Caller {
  const match = /^Bearer\s+(\S*)\s*$/i.exec(authorization ?? '');
  const token = match?.[1] ?? '';
  if (token === '') throw invalidToken('Access token is empty.');
  if (!token.includes('.')) {
    throw invalidToken(
      'IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format.',
    );
  }
  const verified = rt.signer.verify(token);
  if (!verified.ok) {
    throw invalidToken(
      verified.reason === 'malformed'
        ? 'Access token validation failure.'
        : 'Access token validation failure. Signature validation failed.',
    );
  }
  const { claims } = verified;
  if (claims.aud !== GRAPH_RESOURCE && claims.aud !== `${GRAPH_RESOURCE}/`) {
    throw invalidToken('Access token validation failure. Invalid audience.');
  }
  if (claims.tid !== rt.state.tenantId)
    throw invalidToken('Access token validation failure. Invalid issuer.');
  const now = Math.floor(rt.now().getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS <= now) {
    throw invalidToken('Lifetime validation failed, the token is expired.');
  }
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_SECONDS > now) {
    throw invalidToken('Lifetime validation failed, the token is not yet valid.');
  }
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((r): r is string => typeof r === 'string')
    : [];
  // A delegated token carries `scp` (space-separated scopes) and the user's `oid`:
  // https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
  if (typeof claims.scp === 'string' && typeof claims.oid === 'string') {
    return {
      appId: typeof claims.appid === 'string' ? claims.appid : '',
      servicePrincipalId: '',
      roles: new Set(claims.scp.split(/\s+/).filter((s) => s !== '')),
      userId: claims.oid,
    };
  }
  return {
    appId: typeof claims.appid === 'string' ? claims.appid : '',
    servicePrincipalId: typeof claims.oid === 'string' ? claims.oid : '',
    roles: new Set(roles),
  };
}

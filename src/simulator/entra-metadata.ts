import type { Runtime } from './runtime';

/**
 * OpenID discovery for the simulated tenant, so a client that validates our tokens can fetch the
 * signing key the way it would from login.microsoftonline.com.
 */
export function handleDiscovery(
  rt: Runtime,
  tenantSegment: string,
  document: string,
): { status: number; body: unknown } | undefined {
  const state = rt.resolveTenant(tenantSegment);
  const tenantId = state && state !== 'invalid' ? state.tenantId : undefined;
  if (document === 'discovery/v2.0/keys' || document === 'discovery/keys') {
    return tenantId || tenantSegment === 'common'
      ? { status: 200, body: { keys: [rt.signer.jwk()] } }
      : undefined;
  }
  if (document === 'v2.0/.well-known/openid-configuration' && tenantId) {
    const base = `${rt.baseUrl}/${tenantId}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        issuer: `https://sts.windows.net/${tenantId}/`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        id_token_signing_alg_values_supported: ['RS256'],
        tenant_region_scope: 'EU',
      },
    };
  }
  return undefined;
}

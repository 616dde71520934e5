/** An Entra (AADSTS) failure: OAuth error, HTTP status, AADSTS number and message. */
export interface EntraError {
  status: number;
  error: string;
  code: number;
  message: string;
}

export function entraError(status: number, error: string, code: number, text: string): EntraError {
  return { status, error, code, message: `AADSTS${code}: ${text}` };
}

// Wording follows what Entra returns, so the product's explanations can be tested against it.
export const aadsts = {
  invalidSecret: (appId: string) =>
    entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
    ),
  expiredSecret: (appId: string) =>
    entraError(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    ),
  missingSecret: () =>
    entraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  appNotFound: (clientId: string, tenant: string) =>
    entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  tenantNotFound: (tenant: string) =>
    entraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  invalidTenantName: (tenant: string) =>
    entraError(
      400,
      'invalid_request',
      900023,
      `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
    ),
  missingParameter: (name: string) =>
    entraError(
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    ),
  unsupportedGrantType: (grantType: string) =>
    entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    ),
  invalidScope: (scope: string) =>
    entraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  resourceNotFound: (resource: string, tenant: string) =>
    entraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  missingServicePrincipal: (appId: string, tenantId: string) =>
    entraError(
      400,
      'invalid_client',
      7000229,
      `The client application ${appId} is missing service principal in the tenant ${tenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
    ),
  appDisabled: (appId: string, displayName: string) =>
    entraError(
      400,
      'unauthorized_client',
      7000112,
      `Application '${appId}'(${displayName}) is disabled.`,
    ),
  postOnly: (method: string) =>
    entraError(
      400,
      'invalid_request',
      900561,
      `The endpoint only accepts POST, OPTIONS requests. Received a ${method} request.`,
    ),
  redirectMismatch: (redirectUri: string, appId: string) =>
    entraError(
      400,
      'invalid_request',
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
    ),
  noReplyAddressRegistered: (appId: string) =>
    entraError(
      400,
      'invalid_request',
      500113,
      `No reply address is registered for the application '${appId}'.`,
    ),
  noReplyAddressProvided: () =>
    entraError(400, 'invalid_request', 900971, 'No reply address provided.'),
  unknownScope: (appName: string, scope: string, resourceAppId: string) =>
    entraError(
      400,
      'invalid_client',
      650053,
      `The application '${appName}' asked for scope '${scope}' that doesn't exist on the resource '${resourceAppId}'. Contact the app vendor.`,
    ),
  transient: (status: number) =>
    entraError(
      status,
      'temporarily_unavailable',
      90033,
      'A transient error has occurred. Please try again.',
    ),
};

/** "2024-05-14 10:22:33Z", the format Entra uses inside error descriptions. */
function entraTimestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Entra's JSON error body, with the trace/correlation footer its descriptions carry. */
export function entraErrorBody(err: EntraError, traceId: string, correlationId: string, now: Date) {
  const timestamp = entraTimestamp(now);
  return {
    error: err.error,
    error_description: `${err.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
  };
}

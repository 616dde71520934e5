import { ConfidentialClientApplication, ServerError } from '@azure/msal-node';
import { ErrorCode, forMatching, ProductError, textBefore, type ErrorInfo } from '../domain';
import { EntraNetworkClient } from './entra-network-client';
import { msalAuthority } from './msal-authority';
import { isTransientStatus, type TransportPolicy } from './transport-policy';

export interface AppOnlySignInOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  scope: string;
  policy: TransportPolicy;
  /** Who signs in, for messages: "the inspector" or "PCEmail". */
  identity: string;
}

/** The token and the claims the checks read from it. */
export interface SignedIn {
  accessToken: string;
  roles: string[];
  /** False when the token is not a JWT the product can decode (its roles are then unknown). */
  readable: boolean;
}

/**
 * Client-credentials sign-in for one app, through MSAL. One MSAL instance per identity: its token
 * cache lives in the instance. Errors come out as ProductError with the AADSTS number kept (an MSAL
 * error thrown inside the Graph SDK's auth provider would lose it, so callers sign in first).
 */
export class AppOnlySignIn {
  private readonly msal: ConfidentialClientApplication;

  constructor(private readonly options: AppOnlySignInOptions) {
    const { authority, knownAuthorities } = msalAuthority(options.authorityHost, options.tenantId);
    this.msal = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority,
        ...(knownAuthorities ? { knownAuthorities } : {}),
      },
      system: { networkClient: new EntraNetworkClient(options.authorityHost, options.policy) },
    });
  }

  /** `fresh` skips the cache: a cached token would hide a secret deleted since. */
  async signIn(fresh = false): Promise<SignedIn> {
    try {
      const result = await this.msal.acquireTokenByClientCredential({
        scopes: [this.options.scope],
        skipCache: fresh,
      });
      if (!result?.accessToken)
        throw new ProductError({
          code: ErrorCode.ServiceUnavailable,
          message: 'Entra issued no access token',
        });
      const claims = readClaims(result.accessToken);
      return {
        accessToken: result.accessToken,
        roles: claims ? rolesOf(claims) : [],
        readable: claims !== undefined,
      };
    } catch (error) {
      throw new ProductError(signInErrorInfo(error, this.options.identity));
    }
  }

  async accessToken(): Promise<string> {
    return (await this.signIn()).accessToken;
  }
}

export function signInErrorInfo(error: unknown, identity: string): ErrorInfo {
  if (error instanceof ServerError) {
    const aadsts =
      error.errorNo !== undefined ? Number(error.errorNo) : firstAadsts(error.errorMessage);
    const status = error.status;
    if ((status !== undefined && isTransientStatus(status)) || (aadsts === undefined && !status)) {
      return {
        code: ErrorCode.ServiceUnavailable,
        message: `Entra was unavailable when ${identity} signed in — try again.`,
        status,
      };
    }
    return {
      code: ErrorCode.SignInFailed,
      message: `${identity} could not sign in: ${firstLine(error.errorMessage) || error.errorCode}`,
      status,
      serviceCode: error.errorCode,
      aadsts: Number.isFinite(aadsts) ? aadsts : undefined,
      requestId: error.correlationId || undefined,
    };
  }
  return {
    code: ErrorCode.ServiceUnavailable,
    message: `Entra could not be reached when ${identity} signed in — try again.`,
  };
}

/** Reads the `roles` claim of an access token without verifying it: it only reports what it carries. */
export function rolesClaim(accessToken: string): string[] {
  const claims = readClaims(accessToken);
  return claims ? rolesOf(claims) : [];
}

/**
 * The claims of a JWS access token, or undefined when it is not one the product can read. Microsoft
 * warns that tokens for its APIs may be encrypted or change format, so this never decides a verdict
 * on its own: https://learn.microsoft.com/entra/identity-platform/access-tokens
 */
function readClaims(accessToken: string): Record<string, unknown> | undefined {
  const parts = accessToken.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || !payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function rolesOf(claims: Record<string, unknown>): string[] {
  const roles = claims.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}

function firstAadsts(message: string | undefined): number | undefined {
  const match = /AADSTS(\d{4,8})/.exec(forMatching(message ?? ''));
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * MSAL wraps Entra's description ("Error(s): … - Timestamp: … - Description: AADSTS…"), which ends
 * with Trace/Correlation ids; the AADSTS sentence is the point.
 */
function firstLine(message: string | undefined): string {
  // Cut first, and no pattern: Entra's text is outside input (docs/SECURITY.md, bounded matching).
  const text = forMatching(message ?? '');
  const at = text.indexOf('Description:');
  const description = at >= 0 ? text.slice(at + 'Description:'.length) : text;
  return textBefore(description, ['\n', '\r', 'Correlation ID:', 'Trace ID:']);
}

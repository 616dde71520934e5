import {
  createHash,
  createSign,
  createVerify,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

export type VerifiedToken =
  | { ok: true; header: Record<string, unknown>; claims: JwtClaims }
  | { ok: false; reason: 'malformed' | 'signature' };

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs and checks RS256 access tokens with a key pair made at start, so tokens from another
 * simulator instance (or forged ones) fail validation just as they would at Microsoft.
 */
export class TokenSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly kid: string;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    const der = publicKey.export({ type: 'spki', format: 'der' });
    this.kid = createHash('sha256').update(der).digest('base64url').slice(0, 27);
  }

  sign(claims: JwtClaims): string {
    const input = `${encodeSegment({ typ: 'JWT', alg: 'RS256', kid: this.kid })}.${encodeSegment(claims)}`;
    const signature = createSign('RSA-SHA256').update(input).sign(this.privateKey, 'base64url');
    return `${input}.${signature}`;
  }

  verify(token: string): VerifiedToken {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [headerPart = '', claimsPart = '', signature = ''] = parts;
    const header = decodeSegment(headerPart);
    const claims = decodeSegment(claimsPart);
    if (!header || !claims) return { ok: false, reason: 'malformed' };
    // Only our own algorithm and key: "alg: none" or HS256 tricks are rejected outright.
    if (header.alg !== 'RS256' || header.kid !== this.kid)
      return { ok: false, reason: 'signature' };
    const valid = createVerify('RSA-SHA256')
      .update(`${headerPart}.${claimsPart}`)
      .verify(this.publicKey, signature, 'base64url');
    return valid ? { ok: true, header, claims } : { ok: false, reason: 'signature' };
  }

  /** The public key as a JWK, for the discovery keys document. */
  jwk(): Record<string, unknown> {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { kty: jwk.kty, use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e };
  }
}

import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { describeTransportError } from './transport-error';
import { errorMessage } from '../domain/product-error';

/** A bearer token for Key Vault (the bot's managed identity in Azure; a stand-in in tests). */
export type VaultTokenSource = (scope: string) => Promise<string>;

export interface KeyVaultWriterOptions {
  /** PCEMAIL_SECRET_KEYVAULT_URL: https://<vault>.vault.azure.net/secrets/<name>. */
  secretUrl: string;
  /** AZURE_CLIENT_ID: the user-assigned managed identity; else the system-assigned one or az login. */
  managedIdentityClientId?: string;
  timeoutMs: number;
  token?: VaultTokenSource;
}

/**
 * Writes PCEmail's new secret as a new version of the Key Vault secret the bot reads it from:
 * `PUT {vault}/secrets/{name}?api-version=7.5` with `{"value": …}` and a bearer token for
 * `https://vault.azure.net` (https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret/set-secret).
 * The managed identity needs the "Key Vault Secrets Officer" role on the vault (docs/DEPLOYMENT.md).
 * Never logs or returns the value; an error message carries the status and Key Vault's code only.
 */
export class KeyVaultWriter {
  private readonly token: VaultTokenSource;

  constructor(private readonly options: KeyVaultWriterOptions) {
    this.token =
      options.token ??
      (async (scope) => {
        const credential = options.managedIdentityClientId
          ? new ManagedIdentityCredential({ clientId: options.managedIdentityClientId })
          : new DefaultAzureCredential();
        const got = await credential.getToken(scope);
        return got.token;
      });
  }

  async write(
    value: string,
  ): Promise<{ ok: true } | { ok: false; message: string; requestId?: string }> {
    const url = new URL(this.options.secretUrl);
    let bearer: string;
    try {
      bearer = await this.token(vaultScope(url.hostname));
    } catch (error) {
      return {
        ok: false,
        message: `no Key Vault token for the bot's managed identity (${oneLine(error)})`,
      };
    }
    try {
      const response = await fetch(`${this.options.secretUrl}?api-version=7.5`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value, contentType: 'PCEmail client secret' }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const requestId = response.headers.get('x-ms-request-id') ?? undefined;
      if (response.ok) return { ok: true };
      let code = '';
      try {
        const body = (await response.json()) as { error?: { code?: unknown } };
        code = typeof body.error?.code === 'string' ? ` ${body.error.code}` : '';
      } catch {
        code = '';
      }
      return {
        ok: false,
        message: `Key Vault answered HTTP ${response.status}${code}`,
        ...(requestId ? { requestId } : {}),
      };
    } catch (error) {
      return {
        ok: false,
        message: `Key Vault could not be reached (${describeTransportError(error)})`,
      };
    }
  }
}

/** `x.vault.azure.net` → `https://vault.azure.net/.default` (also the sovereign clouds' vault hosts). */
function vaultScope(hostname: string): string {
  const suffix = hostname.split('.').slice(1).join('.');
  return suffix.startsWith('vault.')
    ? `https://${suffix}/.default`
    : 'https://vault.azure.net/.default';
}

function oneLine(error: unknown): string {
  return errorMessage(error).split('\n')[0]?.slice(0, 200) ?? '';
}

import type { AppConfig } from '../../config';
import type { UsageFacts } from '../../domain/rotation';
import { SIGN_IN_WINDOW_DAYS } from '../../domain/rotation';
import type { Logger } from '../../logger';
import type { StateStore } from '../../store/state-store';
import type { AppOnlySignIn } from '../../tenant/app-only-sign-in';
import { CredentialReader } from '../../tenant/credential-reader';
import { KeyVaultWriter, type VaultTokenSource } from '../../tenant/key-vault-writer';
import { graphDefaultScope } from '../../tenant/graph-scope';
import {
  delegatedTokenSource,
  exchangeOnBehalfOf,
  ROTATION_DELEGATED_SCOPES,
} from '../../tenant/on-behalf-of';
import { PasswordWriter } from '../../tenant/password-writer';
import { SignInLogReader } from '../../tenant/sign-in-log-reader';
import { realSleep, type TransportPolicy } from '../../tenant/transport-policy';
import type { RotationPorts, SecretFact } from './rotation-ports';

/** Wires the rotation's ports to Graph (as the bot's own identity), Key Vault and the store. */
export function buildRotationPorts(
  config: AppConfig,
  inspector: AppOnlySignIn,
  options: {
    store: StateStore;
    logger: Logger;
    now: () => Date;
    sleep?: (ms: number) => Promise<void>;
    /** Key Vault token source (tests: a stand-in); default the managed identity. */
    vaultToken?: VaultTokenSource;
  },
): RotationPorts {
  const policy: TransportPolicy = { ...config.graphPolicy, sleep: options.sleep ?? realSleep };
  const graph = config.endpoints.graph;
  const signIns = new SignInLogReader(inspector, graph, policy);
  const credentials = new CredentialReader({ inspector, graphEndpoint: graph, policy });
  const secrets = async (appId: string) => {
    const [outcome] = await credentials.read([{ appId }]);
    if (!outcome?.ok) return { ok: false as const, message: outcome?.error.message ?? 'not read' };
    const app = outcome.value[0];
    if (!app) return { ok: false as const, message: `no app registration with appId ${appId}` };
    const facts: SecretFact[] = app.passwordCredentials.map((p) => ({
      keyId: p.keyId,
      displayName: p.displayName,
      hint: p.hint,
      ...(p.endDateTime ? { endDateTime: p.endDateTime } : {}),
    }));
    return { ok: true as const, secrets: facts };
  };
  const vaultUrl = config.rotation.keyVaultSecretUrl;
  return {
    store: options.store,
    now: options.now,
    logger: options.logger,
    approvers: config.approvers,
    secretMonths: config.rotation.secretMonths,
    quietHours: config.rotation.quietHours,
    reminderWindowDays: Math.max(0, ...config.expiryReminderDays),
    usage: async (appId, keyIds): Promise<UsageFacts> => {
      const read = await signIns.lastUse(appId, keyIds, options.now(), SIGN_IN_WINDOW_DAYS);
      if (!read.ok)
        return {
          known: false,
          reason: read.reason,
          ...(read.requestId ? { requestId: read.requestId } : {}),
        };
      return {
        known: true,
        windowDays: read.windowDays,
        uses: keyIds.map((keyId) => ({
          keyId: keyId.toLowerCase(),
          ...(read.lastUsed[keyId] ? { lastUsed: read.lastUsed[keyId] } : {}),
        })),
      };
    },
    secrets,
    pcemailAppId: async () => {
      if (config.pcemail.appId) return config.pcemail.appId.toLowerCase();
      const [outcome] = await credentials.read([{ name: config.pcemail.appName }]);
      return outcome?.ok && outcome.value.length === 1
        ? outcome.value[0]?.appId.toLowerCase()
        : undefined;
    },
    secretKeyIds: async (appId) => {
      const read = await secrets(appId);
      return read.ok ? { ok: true, keyIds: read.secrets.map((s) => s.keyId) } : read;
    },
    passwords: new PasswordWriter(inspector, graph, policy),
    ...(config.consentMode === 'delegated'
      ? {
          delegated: {
            exchange: (userToken: string) =>
              exchangeOnBehalfOf(
                {
                  tenantId: config.tenant.id,
                  clientId: config.sso.clientId,
                  clientSecret: config.sso.clientSecret,
                  authorityHost: config.endpoints.authority,
                  graphResource: graphDefaultScope(graph).replace(/\/\.default$/, ''),
                  policy,
                },
                userToken,
                ROTATION_DELEGATED_SCOPES,
              ),
            writerFor: (accessToken: string) =>
              new PasswordWriter(delegatedTokenSource(accessToken), graph, policy),
          },
        }
      : {}),
    ...(vaultUrl
      ? {
          vault: new KeyVaultWriter({
            secretUrl: vaultUrl,
            managedIdentityClientId: config.state.managedIdentityClientId,
            timeoutMs: config.graphPolicy.timeoutMs,
            ...(options.vaultToken ? { token: options.vaultToken } : {}),
          }),
        }
      : {}),
  };
}

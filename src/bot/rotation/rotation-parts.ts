import { CardFactory, type TaskModuleTaskInfo } from 'botbuilder';
import type { RotationView } from '../../app/rotation/advance-rotation';
import type { RotationPorts } from '../../app/rotation/rotation-ports';
import type { StartOutcome } from '../../app/rotation/start-rotation';
import { renderNoticeCard, type AdaptiveCard } from '../../cards';
import { renderRotationCard, renderSecretDialogCard } from '../../cards/rotation';
import { ErrorCode, isGuid, type ErrorInfo } from '../../domain';
import type { RotationRecord } from '../../domain/rotation';
import type { BotDeps } from '../bot-deps';

export type CardData = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The old secret a Rotate now button names: PCEmail's appId (only PCEmail is rotated) and the first
 * characters of the secret's ID, resolved against PCEmail's secrets now. A sentence when not.
 */
export async function resolveOldSecret(
  ports: RotationPorts,
  data: CardData,
): Promise<{ appId: string; keyId: string } | { refusal: string }> {
  const appId = text(data.appId).toLowerCase();
  const keyRef = text(data.keyRef).toLowerCase();
  if (!isGuid(appId) || !/^[0-9a-f]{8}$/.test(keyRef))
    return { refusal: 'This button is not one PCEmail Ops recognises; nothing was created.' };
  if ((await ports.pcemailAppId()) !== appId)
    return {
      refusal:
        'PCEmail Ops rotates only the PCEmail app registration’s secret; nothing was created.',
    };
  const secrets = await ports.secrets(appId);
  const matches = secrets.ok
    ? secrets.secrets.filter((c) => c.keyId.toLowerCase().startsWith(keyRef))
    : [];
  const keyId = matches.length === 1 ? matches[0]?.keyId : undefined;
  if (keyId) return { appId, keyId };
  return {
    refusal: secrets.ok
      ? 'That secret is no longer on the PCEmail app registration; run the check again. Nothing was created.'
      : `PCEmail’s secrets could not be read (${secrets.message}); nothing was created. Try again.`,
  };
}

/** What Rotate now answers when no secret was created. */
export function notCreated(
  deps: BotDeps,
  ports: RotationPorts,
  outcome: Exclude<StartOutcome, { kind: 'created' }>,
  approverRights: boolean,
): AdaptiveCard {
  switch (outcome.kind) {
    case 'not-approver':
      return notice(
        'Only an approver of PCEmail Ops (APPROVERS) can rotate PCEmail’s secret; nothing was created.',
      );
    case 'exists':
      return viewCard(
        deps,
        ports,
        { kind: 'rotation', record: outcome.record },
        'A rotation of this secret is already under way; nothing new was created.',
      );
    case 'failed':
      return notice(failedToCreate(outcome.error, approverRights));
  }
}

function failedToCreate(error: ErrorInfo, approverRights: boolean): string {
  const requestId = error.requestId ? ` Graph request id: ${error.requestId}.` : '';
  // Graph answered 2xx with a body we could not read: the secret may exist without anyone seeing it.
  if (error.code === ErrorCode.GraphResponseMalformed)
    return (
      `Microsoft Graph's answer to adding the new secret could not be read, so its value cannot be shown.${requestId} ` +
      'A secret may have been created: look under PCEmail → Certificates & secrets in the Entra admin center, delete any new secret named "PCEmail Ops rotation …" that nobody saw, then try again.'
    );
  return `Microsoft Graph did not create the new secret: ${error.message}${refusalHint(error, approverRights)}${requestId} Nothing was created; try again.`;
}

function refusalHint(error: ErrorInfo, approverRights: boolean): string {
  if (error.status !== 403) return '';
  return approverRights
    ? ' Microsoft Entra refused your own rights: only an owner of the PCEmail app registration, an Application Administrator, a Cloud Application Administrator or a Global Administrator can add or remove its secrets.'
    : ' PCEmail Ops needs Application.ReadWrite.OwnedBy and must be an owner of the PCEmail app registration (docs/DEPLOYMENT.md).';
}

/** The dialog that shows the new value, once. */
export function secretDialog(
  deps: BotDeps,
  record: RotationRecord,
  secretText: string,
  keyVaultProblem?: string,
): TaskModuleTaskInfo {
  return dialog(
    'New PCEmail secret',
    renderSecretDialogCard({
      appName: deps.appName,
      appId: record.appId,
      rotationId: record.id,
      keyId: record.newKeyId ?? '',
      displayName: record.newDisplayName ?? '',
      endDateTime: record.newEndDateTime ?? '',
      secretText,
      keyVault: record.keyVault ?? 'not-configured',
      ...(keyVaultProblem ? { keyVaultProblem } : {}),
    }),
  );
}

export function viewCard(
  deps: BotDeps,
  ports: RotationPorts,
  view: RotationView,
  extra?: string,
  reveal = false,
): AdaptiveCard {
  if (view.kind === 'none') return notice('There is no rotation of PCEmail’s secret under way.');
  const note = extra ? { tone: 'info' as const, text: extra } : view.notice;
  return renderRotationCard({
    record: view.record,
    now: deps.now(),
    quietHours: ports.quietHours,
    signIn: ports.delegated !== undefined,
    reveal,
    ...(note ? { notice: note } : {}),
  });
}

export function dialog(title: string, card: AdaptiveCard): TaskModuleTaskInfo {
  return { title, width: 'medium', height: 'medium', card: CardFactory.adaptiveCard(card) };
}

export function notice(line: string): AdaptiveCard {
  return renderNoticeCard({ title: 'Secret rotation', lines: [line], tone: 'warning' });
}

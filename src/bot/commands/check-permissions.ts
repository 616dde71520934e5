import type { TurnContext } from 'botbuilder';
import {
  executeAction,
  renderDiagnosisCard,
  renderNoticeCard,
  type AdaptiveCard,
} from '../../cards';
import { CARD_VERBS } from '../../cards/card-verbs';
import { CONSENT_VERBS } from '../../cards/consent';
import { isTenantError, type Diagnosis } from '../../domain';
import type { BotDeps } from '../bot-deps';
import { secretUsageRows } from '../rotation/secret-usage';
import { sendCard } from '../send-card';

const RUN_CHECK_VERB = CARD_VERBS.check.run;

/** `check pcemail permissions`: show progress, run the checks, answer with the card. */
export async function handleCheckPermissions(context: TurnContext, deps: BotDeps): Promise<void> {
  await context.sendActivity({ type: 'typing' });
  await sendCard(context, await checkPermissionsCard(deps));
}

/** Runs the checks and renders their card, or a plain notice when they could not run. */
export async function checkPermissionsCard(deps: BotDeps): Promise<AdaptiveCard> {
  try {
    const diagnosis = await deps.permissionCheck.run();
    const extraBody = await secretUsageRows(deps.rotation, diagnosis, deps.now());
    return renderDiagnosisCard({
      diagnosis,
      appName: deps.appName,
      runAgain: { verb: RUN_CHECK_VERB },
      extraActions: consentMissing(diagnosis)
        ? [executeAction('Request admin consent', CONSENT_VERBS.request)]
        : [],
      ...(extraBody.length > 0 ? { extraBody } : {}),
    });
  } catch (error) {
    if (!isTenantError(error)) throw error;
    deps.logger.warn({ error: error.info }, 'permission check could not run');
    return renderNoticeCard({
      title: 'The checks could not run',
      lines: [
        error.info.message,
        ...(error.info.requestId ? [`Request id: ${error.info.requestId}`] : []),
      ],
      tone: 'error',
      actions: [{ type: 'Action.Execute', title: 'Try again', verb: RUN_CHECK_VERB }],
    });
  }
}

/**
 * A consent.* row failing that a consent would fix: the card offers to carry a request to the
 * approvers. Under RBAC for Applications a tenant-wide Mail.* consent voids the scope, so only
 * User.Read counts there.
 */
function consentMissing(diagnosis: Diagnosis): boolean {
  const rbac = diagnosis.restriction === 'rbac';
  return diagnosis.checks.some(
    (row) =>
      row.id.startsWith('consent.') &&
      row.status === 'fail' &&
      (!rbac || row.id === 'consent.user-read'),
  );
}

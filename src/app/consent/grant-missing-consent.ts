import {
  type ConsentPermission,
  type GrantPlan,
  type GrantRefusal,
  type GrantStep,
} from '../../domain/consent';
import type { ErrorInfo } from '../../domain';
import type { ConsentGrantWriter } from '../../ports/consent-writer';

export interface GrantResult {
  steps: GrantStep[];
  refusal?: GrantRefusal;
}

/**
 * Writes exactly the plan's grants to Graph, one at a time, recording each one's outcome and
 * request id. A 403 means the bot may not grant that kind of permission at all: the rest of that
 * kind is not attempted and the refusal is reported (the link is offered instead). Any other
 * failure is recorded and the remaining grants still attempted; a later retry finishes the job.
 */
export async function grantMissingConsent(
  writer: ConsentGrantWriter,
  plan: GrantPlan,
): Promise<GrantResult> {
  const steps: GrantStep[] = plan.alreadyGranted.map((permission) => ({
    permission,
    outcome: 'already-granted',
  }));
  for (const permission of plan.noLongerRequested) {
    steps.push({ permission, outcome: 'not-attempted', error: 'PCEmail no longer requests it' });
  }
  for (const permission of plan.withheld ?? []) {
    steps.push({
      permission,
      outcome: 'not-attempted',
      error:
        'not granted tenant-wide: PCEmail is restricted with RBAC for Applications, which a tenant-wide ' +
        'Mail consent would void (Exchange grants it in the management scope)',
    });
  }
  let refusal: GrantRefusal | undefined;

  let rolesRefused: ErrorInfo | undefined;
  for (const role of plan.appRoles) {
    if (rolesRefused) {
      steps.push(notAttempted(role, rolesRefused));
      continue;
    }
    const outcome = await writer.assignAppRole({
      resourceId: plan.target.graphServicePrincipalId,
      principalId: plan.target.servicePrincipalId,
      appRoleId: role.id,
    });
    if (outcome.ok) {
      steps.push(doneStep(role, outcome));
      continue;
    }
    steps.push(failedStep(role, outcome.error));
    if (outcome.error.status === 403) {
      rolesRefused = outcome.error;
      refusal ??= refusalOf(outcome.error);
    }
  }

  for (const delegated of plan.scopes) {
    const outcome = await writer.grantOrganizationScope({
      clientId: plan.target.servicePrincipalId,
      resourceId: plan.target.graphServicePrincipalId,
      scope: delegated.name,
    });
    if (outcome.ok) {
      steps.push(doneStep(delegated, outcome));
      continue;
    }
    steps.push(failedStep(delegated, outcome.error));
    if (outcome.error.status === 403) refusal ??= refusalOf(outcome.error);
  }
  return { steps, ...(refusal ? { refusal } : {}) };
}

function strip(permission: ConsentPermission): ConsentPermission {
  return { name: permission.name, type: permission.type };
}

function doneStep(
  permission: ConsentPermission,
  outcome: { alreadyExisted: boolean; requestId?: string },
): GrantStep {
  return {
    permission: strip(permission),
    outcome: outcome.alreadyExisted ? 'already-granted' : 'granted',
    requestId: outcome.requestId,
  };
}

function failedStep(permission: ConsentPermission, error: ErrorInfo): GrantStep {
  return {
    permission: strip(permission),
    outcome: 'failed',
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.status ? { status: error.status } : {}),
    error: plainWords(error),
  };
}

function notAttempted(permission: ConsentPermission, cause: ErrorInfo): GrantStep {
  return {
    permission: strip(permission),
    outcome: 'not-attempted',
    error: `not attempted after Graph refused the bot${cause.status ? ` (HTTP ${cause.status})` : ''}`,
  };
}

function refusalOf(error: ErrorInfo): GrantRefusal {
  return {
    message: error.message,
    ...(error.status ? { status: error.status } : {}),
    ...(error.requestId ? { requestId: error.requestId } : {}),
  };
}

/** Graph's message, with the status when Graph answered one: "HTTP 403: Insufficient privileges…". */
function plainWords(error: ErrorInfo): string {
  const status =
    error.status && !error.message.includes(`HTTP ${error.status}`) ? `HTTP ${error.status}: ` : '';
  return `${status}${error.message}`;
}

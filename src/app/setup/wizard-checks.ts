import type { CheckResult, RegistrationFacts } from '../../domain/check-result';
import { isTenantError, type Diagnosis } from '../../domain';
import {
  EXTRA_MAILBOXES_PER_CLICK,
  mailboxesForNonApprover,
  reachabilityOnly,
  type SetupInputs,
} from '../../domain/setup';
import type { CardNotice } from '../../domain/setup/card-notice';
import type { SetupPorts } from './setup-ports';

export type CheckRun =
  | {
      ok: true;
      checks: CheckResult[];
      checkedAt: string;
      diagnosis: Diagnosis;
      facts: RegistrationFacts;
      /** Set when some typed mailboxes were left out (a non-approver's click). */
      notice?: CardNotice;
    }
  | { ok: false; notice: CardNotice };

/**
 * Runs the full check with the wizard's typed App ID and mailboxes in place of the configured ones.
 * For a non-approver: at most the configured mailboxes plus EXTRA_MAILBOXES_PER_CLICK others, and
 * each mailbox row says only reachable or not reachable (no counts, no Graph error).
 */
export async function runChecks(
  deps: Pick<SetupPorts, 'permissionCheck' | 'pcemailMailboxes' | 'logger'>,
  inputs: SetupInputs = {},
  viewer: { approver: boolean } = { approver: true },
): Promise<CheckRun> {
  const limited =
    inputs.mailboxes === undefined || viewer.approver
      ? undefined
      : mailboxesForNonApprover(inputs.mailboxes, deps.pcemailMailboxes);
  const mailboxes = limited?.mailboxes ?? inputs.mailboxes;
  try {
    const diagnosis = await deps.permissionCheck.run({
      ...(inputs.appId === undefined ? {} : { appId: inputs.appId }),
      ...(mailboxes === undefined ? {} : { mailboxes }),
      ...(inputs.scopeGroup === undefined ? {} : { scopeGroup: inputs.scopeGroup }),
    });
    const checks = viewer.approver ? diagnosis.checks : reachabilityOnly(diagnosis.checks);
    return {
      ok: true,
      checks,
      checkedAt: diagnosis.checkedAt,
      diagnosis: { ...diagnosis, checks },
      facts: diagnosis.facts ?? { credentials: [] },
      ...(limited && limited.dropped > 0
        ? {
            notice: {
              tone: 'warning' as const,
              lines: [
                `${limited.dropped} of the mailboxes you typed ${limited.dropped === 1 ? 'was' : 'were'} not checked: only approvers can check more than ${EXTRA_MAILBOXES_PER_CLICK} mailboxes beyond PCEmail’s own at a time.`,
              ],
            },
          }
        : {}),
    };
  } catch (error) {
    if (isTenantError(error)) {
      deps.logger.warn({ error: error.info }, 'setup checks could not run');
      return {
        ok: false,
        notice: {
          tone: 'error',
          lines: [
            'The checks could not run; your input is kept.',
            error.info.message,
            ...(error.info.requestId ? [`Request id: ${error.info.requestId}`] : []),
          ],
        },
      };
    }
    const err = error instanceof Error ? error : new Error(String(error));
    deps.logger.error({ err: { name: err.name, message: err.message } }, 'setup checks failed');
    return {
      ok: false,
      notice: {
        tone: 'error',
        lines: ['The checks could not run; your input is kept.', 'Try again in a minute.'],
      },
    };
  }
}

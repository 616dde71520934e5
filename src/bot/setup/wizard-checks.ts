import type { CheckResult, RegistrationFacts } from '../../domain/check-result';
import { isProductError, type Diagnosis } from '../../domain';
import type { SetupInputs } from '../../domain/setup';
import type { CardNotice } from '../../cards/setup';
import type { BotDeps } from '../bot-deps';

export type CheckRun =
  | { ok: true; checks: CheckResult[]; checkedAt: string; diagnosis: Diagnosis; facts: RegistrationFacts }
  | { ok: false; notice: CardNotice };

/** Runs the full check with the wizard's typed App ID and mailboxes in place of the configured ones. */
export async function runChecks(deps: BotDeps, inputs: SetupInputs = {}): Promise<CheckRun> {
  try {
    const diagnosis = await deps.permissionCheck.run({
      ...(inputs.appId === undefined ? {} : { appId: inputs.appId }),
      ...(inputs.mailboxes === undefined ? {} : { mailboxes: inputs.mailboxes }),
      ...(inputs.scopeGroup === undefined ? {} : { scopeGroup: inputs.scopeGroup }),
    });
    return {
      ok: true,
      checks: diagnosis.checks,
      checkedAt: diagnosis.checkedAt,
      diagnosis,
      facts: diagnosis.facts ?? { credentials: [] },
    };
  } catch (error) {
    if (isProductError(error)) {
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

import type { CheckResult } from '../../domain/check-result';
import { isProductError } from '../../domain';
import { withScopeGroup, type SetupInputs } from '../../domain/setup';
import type { CardNotice } from '../../cards/setup';
import type { BotDeps } from '../bot-deps';

export type CheckRun =
  { ok: true; checks: CheckResult[]; checkedAt: string } | { ok: false; notice: CardNotice };

/** Runs the full check with the wizard's typed App ID and mailboxes in place of the configured ones. */
export async function runChecks(deps: BotDeps, inputs: SetupInputs = {}): Promise<CheckRun> {
  try {
    const diagnosis = await deps.permissionCheck.run({
      ...(inputs.appId === undefined ? {} : { appId: inputs.appId }),
      ...(inputs.mailboxes === undefined ? {} : { mailboxes: inputs.mailboxes }),
    });
    return {
      ok: true,
      checks: withScopeGroup(diagnosis.checks, inputs.scopeGroup),
      checkedAt: diagnosis.checkedAt,
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

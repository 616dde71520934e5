import type { Request, Response } from 'restify';
import type { Bot } from '../bot';
import type { BotAdapter } from '../create-adapter';
import { withLogContext, type Logger } from '../../logger';
import { checkAuthorizationHeader } from './authorization-header';
import { classifyAuthError } from './auth-failure';
import { HANDLED_ACTIVITY_TYPES, readActivity, turnLogFields } from './read-activity';
import { withTimeout } from './with-timeout';

export interface MessagesEndpointOptions {
  adapter: BotAdapter;
  bot: Bot;
  logger: Logger;
  /** Off only in local mode (empty BOT_ID). */
  auth: { enabled: boolean; timeoutMs: number };
}

/**
 * POST /api/messages, after the server's drain gate and body limits: not JSON → 415; not an activity
 * → 400; no valid Bot Framework token → 401 (503 when the signing keys cannot be had in time); a type
 * Teams does not send → 200, ignored; else the turn runs and its invoke response (if any) is the
 * answer. No body carries an error's message or stack.
 */
export function messagesEndpoint(options: MessagesEndpointOptions) {
  const { adapter, bot, logger, auth } = options;
  const refusals = refusalLog(logger);
  const logic = (context: Parameters<Bot['run']>[0]) => bot.run(context).then(() => undefined);

  return async (req: Request, res: Response): Promise<void> => {
    if (!req.is('json')) return void res.send(415, { error: 'send application/json' });
    const read = readActivity(req.body);
    if (!read.ok) return void res.send(400, { error: read.problem });
    const activity = read.activity;

    const header = req.header('authorization') ?? '';
    if (auth.enabled) {
      const shape = checkAuthorizationHeader(header);
      if (!shape.ok) return refuse(res, refusals, 401, shape.reason);
    }
    let authenticated;
    try {
      const authenticating = adapter.authenticate(activity, header);
      // Only a real check can wait on the network (the signing keys); local mode answers at once.
      authenticated = auth.enabled
        ? await withTimeout(authenticating, auth.timeoutMs)
        : await authenticating;
    } catch (error) {
      const failure = classifyAuthError(error);
      return refuse(res, refusals, failure.status, failure.reason);
    }
    if (!HANDLED_ACTIVITY_TYPES.has(activity.type)) return void res.send(200);

    const started = performance.now();
    try {
      const invoke = await withLogContext(turnLogFields(activity), async () => {
        const answer = await adapter.runTurn(authenticated, activity, logic);
        // Debug: one line per turn at info would cost ~9% of help's throughput (bench/load).
        logger.debug(
          { status: answer?.status ?? 200, durationMs: Math.round(performance.now() - started) },
          'turn handled',
        );
        return answer;
      });
      res.send(invoke?.status ?? 200, invoke?.body);
    } catch (error) {
      logger.error(
        {
          ...turnLogFields(activity),
          err: { name: (error as Error).name, message: (error as Error).message },
        },
        'activity processing failed',
      );
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  };
}

function refuse(res: Response, log: RefusalLog, status: 401 | 503, reason: string): void {
  log.note(status, reason);
  if (status === 503) res.setHeader('Retry-After', '5');
  res.send(status, {
    error: status === 401 ? 'unauthorized' : 'cannot verify the request now; try again',
  });
}

interface RefusalLog {
  note(status: number, reason: string): void;
}

/** At most one line a second about refused requests, with how many were left out. */
function refusalLog(logger: Logger): RefusalLog {
  let lastAt = 0;
  let suppressed = 0;
  return {
    note(status, reason) {
      const now = Date.now();
      if (now - lastAt < 1000) {
        suppressed++;
        return;
      }
      logger.warn({ status, reason, suppressed }, 'refused an inbound request');
      lastAt = now;
      suppressed = 0;
    },
  };
}

import type { Request, Response } from 'restify';
import type { Bot } from '../bot';
import type { BotAdapter } from '../create-adapter';
import { withLogContext, type Logger } from '../../logger';
import { checkAuthorizationHeader } from './authorization-header';
import { classifyAuthError } from './auth-failure';
import { HANDLED_ACTIVITY_TYPES, readActivity, turnLogFields } from './read-activity';
import { withTimeout } from './with-timeout';
import { isServiceUrlAllowed } from '../../domain/service-url';
import { errorMessage, errorName } from '../../domain/product-error';

export interface MessagesEndpointOptions {
  adapter: BotAdapter;
  bot: Bot;
  logger: Logger;
  /** Off only in local mode (empty BOT_ID). */
  auth: {
    enabled: boolean;
    timeoutMs: number;
    /** The `iss` of Teams-channel tokens; a token with another issuer (e.g. the Emulator's) is 401. */
    channelIssuer: string;
    /** The bot's app id: the audience every accepted token must carry. */
    botId: string;
  };
  /** Bot Connector addresses the reply may go to; an activity naming another is refused (401). */
  allowedServiceUrls: readonly string[];
}

/**
 * POST /api/messages, after the server's drain gate and body limits: not JSON → 415; not an activity
 * → 400; no valid Bot Framework token → 401 (503 when the signing keys cannot be had in time); a type
 * Teams does not send → 200, ignored; else the turn runs and its invoke response (if any) is the
 * answer. No body carries an error's message or stack.
 */
export function messagesEndpoint(options: MessagesEndpointOptions) {
  const { adapter, bot, logger, auth, allowedServiceUrls } = options;
  const refusals = refusalLog(logger);
  const logic = (context: Parameters<Bot['run']>[0]) => bot.run(context).then(() => undefined);

  return async (req: Request, res: Response): Promise<void> => {
    if (!req.is('json')) return void res.send(415, { error: 'send application/json' });
    const read = readActivity(req.body);
    if (!read.ok) return void res.send(400, { error: read.problem });
    const activity = read.activity;

    // The reply would carry the bot's own token to this address: only Teams' connectors qualify.
    if (!isServiceUrlAllowed(activity.serviceUrl, allowedServiceUrls)) {
      return refuse(res, refusals, 401, 'the activity names a serviceUrl that is not allowed');
    }
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
    if (auth.enabled) {
      const unusable = unusableToken(authenticated, auth);
      if (unusable) return refuse(res, refusals, 401, unusable);
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
          err: { name: errorName(error), message: errorMessage(error) },
        },
        'activity processing failed',
      );
      if (res.headersSent) return;
      // An error the SDK raises about the caller's identity (a token it accepted but cannot use) is 401.
      if (isIdentityError(error)) return refuse(res, refusals, 401, errorMessage(error));
      res.send(500, { error: 'internal error' });
    }
  };
}

/**
 * Why a token the SDK accepted still cannot run a turn (undefined = it can): only the Teams
 * channel's issuer and the bot's own audience (no Emulator or skill tokens).
 */
function unusableToken(
  authenticated: { claimsIdentity?: { getClaimValue(type: string): string | null } },
  auth: MessagesEndpointOptions['auth'],
): string | undefined {
  const claims = authenticated.claimsIdentity;
  if (!claims) return 'no claims';
  const issuer = claims.getClaimValue('iss');
  if (issuer !== auth.channelIssuer)
    return `issuer ${String(issuer).slice(0, 100)} is not the Teams channel`;
  const audience = claims.getClaimValue('aud');
  if (audience !== auth.botId) return 'the token is for another audience';
  return undefined;
}

function isIdentityError(error: unknown): boolean {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (statusCode === 401 || statusCode === 403) return true;
  const message = error instanceof Error ? error.message.slice(0, 500) : '';
  return /\b(?:appid|audience|claims?|authenticat\w*|unauthori[sz]ed)\b/i.test(message);
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

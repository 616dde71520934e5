import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards';
import { headerValue } from '../domain/header-value';
import { parseRetryAfterMs } from '../domain/retry-after';
import type { Notifier, PostOutcome } from '../ports/notifier';
import type { StoredConversation } from '../ports/conversations';

/**
 * The Notifier port over Bot Framework proactive messages (continueConversationAsync). One attempt
 * per call: pacing and retries are the PacedNotifier's (monitor/), on an injectable clock, so the
 * connector client's own retry policy (which sleeps for real, up to ~11 s) is taken out of the way.
 */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  post(conversation: StoredConversation, card: AdaptiveCard): Promise<PostOutcome> {
    return this.send(conversation, async (context) => {
      const response = await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      );
      return response?.id ?? '';
    });
  }

  update(
    conversation: StoredConversation,
    activityId: string,
    card: AdaptiveCard,
  ): Promise<PostOutcome> {
    return this.send(conversation, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.id = activityId;
      await context.updateActivity(activity);
      return activityId;
    });
  }

  private async send(
    conversation: StoredConversation,
    work: (context: TurnContext) => Promise<string>,
  ): Promise<PostOutcome> {
    let outcome: PostOutcome = {
      ok: false,
      reason: 'failed',
      message: 'Teams did not accept the message',
    };
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        conversation.reference,
        async (context) => {
          withoutConnectorRetries(context, this.adapter);
          // Caught here: an error escaping this callback goes to onTurnError, which swallows it.
          try {
            outcome = { ok: true, activityId: await work(context) };
          } catch (error) {
            outcome = failureOf(error);
          }
        },
      );
    } catch (error) {
      outcome = failureOf(error);
    }
    return outcome;
  }
}

interface ConnectorError {
  statusCode?: number;
  code?: string;
  response?: { headers?: unknown; bodyAsText?: string };
}

function failureOf(error: unknown): PostOutcome {
  const failure = error as ConnectorError;
  const status = failure.statusCode;
  const gone = status === 403 || status === 404;
  const retryAfterMs = retryAfterOf(failure);
  return {
    ok: false,
    reason: gone ? 'gone' : 'failed',
    ...(status !== undefined ? { status } : {}),
    message: gone
      ? `the bot can no longer post in this conversation (HTTP ${status}${teamsCode(failure)})`
      : status !== undefined
        ? `Teams did not accept the message (HTTP ${status}${teamsCode(failure)})`
        : `Teams could not be reached (${failure.code ?? 'no answer'})`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

/** Retry-After in seconds or as an HTTP date, as Teams sends it with 429. */
function retryAfterOf(failure: ConnectorError): number | undefined {
  return parseRetryAfterMs(headerValue(failure.response?.headers, 'retry-after'), Date.now());
}

/** Teams' error code (e.g. MessageWritesBlocked), for the log line. */
function teamsCode(failure: ConnectorError): string {
  try {
    const body = JSON.parse(failure.response?.bodyAsText ?? '') as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? ` ${body.error.code}` : '';
  } catch {
    return '';
  }
}

/** The connector client's core pipeline retries 429/5xx with real sleeps; ours retries instead. */
function withoutConnectorRetries(context: TurnContext, adapter: TeamsAdapter): void {
  const connector = context.turnState.get<unknown>(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy?: (options: { phase: string }) => unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy?.({ phase: 'Retry' });
}

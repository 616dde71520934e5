import { ErrorCode, type ErrorInfo } from '../domain/product-error';
import type { AdaptiveCard } from './adaptive-card';
import { renderNoticeCard } from './notice-card';

/** What the person is told per code; `undefined` = the code's own message is safe and useful. */
const PLAIN_WORDS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.StoreConflict]: 'Someone else changed the same thing at the same moment.',
  [ErrorCode.StoreUnavailable]: 'The bot’s storage did not answer.',
  [ErrorCode.StoreCorrupt]:
    'The bot’s storage holds something it cannot read; tell your administrator.',
  [ErrorCode.AuthTimeout]: 'Teams’ sign-in keys could not be fetched in time.',
  [ErrorCode.StartupFailed]: 'The bot is not set up completely; tell your administrator.',
  [ErrorCode.Internal]: undefined,
};

/**
 * The one card for a turn that failed, whatever its activity type. Shows the error code and, for
 * tenant errors, their message (`ErrorInfo.message` is secret-free by contract); an unclassified
 * error's message stays in the log, so no library text or stack trace reaches Teams.
 */
export function renderTurnFailedCard(info: ErrorInfo): AdaptiveCard {
  const detail = info.code in PLAIN_WORDS ? PLAIN_WORDS[info.code] : info.message;
  return renderNoticeCard({
    title: 'Something went wrong',
    lines: [
      'I could not finish that. What is stored is unchanged or safely retryable; please try again in a minute.',
      ...(detail ? [detail] : []),
      `Error code: ${info.code}${info.requestId ? ` · request id ${info.requestId}` : ''}`,
    ],
    tone: 'error',
  });
}

import { mentionsAccessPolicy } from '../error-knowledge';
import { ErrorCode, type ErrorInfo } from '../product-error';

/** How a failed mailbox read is judged (`mailbox.access`). */
export type MailboxDenial =
  | 'unavailable'
  /** 403 ErrorAccessDenied "Access to OData is disabled": the application access policy refused. */
  | 'access-policy'
  /** Any other 403: the token lacks the role (or RBAC for Applications leaves the mailbox out). */
  | 'role-missing'
  | 'no-such-user'
  | 'not-exchange-online'
  /** Another definite answer from Graph. */
  | 'other-graph'
  /** Could not be had for a reason Graph did not give. */
  | 'not-judged';

export function classifyMailboxError(error: ErrorInfo): MailboxDenial {
  if (error.code === ErrorCode.ServiceUnavailable) return 'unavailable';
  if (error.status === 403)
    return mentionsAccessPolicy(error.message) ? 'access-policy' : 'role-missing';
  if (error.serviceCode === 'MailboxNotEnabledForRESTAPI') return 'not-exchange-online';
  if (error.serviceCode === 'ErrorInvalidUser') return 'no-such-user';
  if (error.status === 404) return 'no-such-user';
  if (error.code === ErrorCode.GraphRequestFailed) return 'other-graph';
  return 'not-judged';
}

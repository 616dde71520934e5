/** A Graph failure raised inside a handler; the router turns it into Graph's error body. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
  date: Date;
}

/** Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
export function graphErrorBody(code: string, message: string, ids: RequestIds) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: ids.date.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

// Messages below are Microsoft's wording; the product explains errors by matching them.
export const graphErrors = {
  insufficientPrivileges: () =>
    new GraphHttpError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    ),
  mailAccessDenied: () =>
    new GraphHttpError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    ),
  blockedByAccessPolicy: () =>
    new GraphHttpError(
      403,
      'ErrorAccessDenied',
      'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    ),
  mailboxNotEnabled: () =>
    new GraphHttpError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    ),
  invalidUser: (address: string) =>
    new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${address}' is invalid.`),
  resourceNotFound: (id: string) =>
    new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  segmentNotFound: (segment: string) =>
    new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  badRequest: (message: string) => new GraphHttpError(400, 'BadRequest', message),
  directoryBadRequest: (message: string) => new GraphHttpError(400, 'Request_BadRequest', message),
  methodNotAllowed: () =>
    new GraphHttpError(
      405,
      'Request_BadRequest',
      'Specified HTTP method is not allowed for the request target.',
    ),
  itemNotFound: () =>
    new GraphHttpError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    ),
};

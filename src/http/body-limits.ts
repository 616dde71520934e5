import type { Request, Response, Next } from 'restify';

/**
 * Refuses bodies before they are read: a declared length over the limit (413) and any content
 * encoding (415; restify would gunzip without a bound on the inflated size). Chunked bodies are
 * counted by restify's body reader as they arrive.
 */
export function refuseOversizedBodies(maxBodyBytes: number) {
  return (req: Request, res: Response, next: Next): void => {
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      res.setHeader('Connection', 'close');
      res.send(415, { error: 'content encoding not supported' });
      next(false);
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      res.setHeader('Connection', 'close');
      res.send(413, { error: `request body larger than ${maxBodyBytes} bytes` });
      next(false);
      return;
    }
    next();
  };
}

/**
 * Parses JSON bodies into req.body; a malformed one is a 400 with a fixed message (the parser's
 * own message quotes the input). Other content types keep the raw body.
 */
export function parseJsonBodies() {
  return (req: Request, res: Response, next: Next): void => {
    const raw: unknown = req.body;
    if (!req.is('json') || typeof raw !== 'string' || raw === '') {
      next();
      return;
    }
    try {
      req.body = JSON.parse(raw) as unknown;
    } catch {
      res.send(400, { error: 'malformed JSON' });
      next(false);
      return;
    }
    next();
  };
}

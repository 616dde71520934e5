import { withLogContext } from '../../src/logger';
import { capturingLogger } from '../support/log-capture';

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJyb2xlcyI6WyJNYWlsLlJlYWQiXX0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';

describe('log redaction', () => {
  it('when records carry credentials under well-known names, then pino blanks them at any of the first three levels', () => {
    const { logger, lines } = capturingLogger([]);
    logger.info({ authorization: 'Bearer opaque-value-1' }, 'top');
    logger.info({ req: { headers: { authorization: 'Basic b3BhcXVlLXZhbHVlLTI=' } } }, 'headers');
    logger.info(
      { inspector: { clientSecret: 'opaque-value-3' }, body: { client_secret: 'opaque-value-4' } },
      'secrets',
    );
    logger.info(
      {
        result: { accessToken: 'opaque-value-5', refresh_token: 'opaque-value-6' },
        token: 'opaque-value-7',
      },
      'tokens',
    );
    logger.info(
      { settings: { store: { connectionString: 'AccountKey=opaque-value-8' } } },
      'storage',
    );
    const text = lines.join('');
    for (let i = 1; i <= 8; i++) expect(text).not.toContain(`opaque-value-${i}`);
    expect(text).not.toContain('b3BhcXVlLXZhbHVlLTI=');
    expect(text.match(/\[REDACTED\]/g)).toHaveLength(8);
  });

  it('when a token hides inside a message or an error, then the line scrubber removes it', () => {
    const { logger, lines } = capturingLogger([]);
    logger.warn(`request failed with header Bearer ${JWT}`);
    logger.error({ err: { message: `token ${JWT} rejected` } }, 'failure');
    logger.info({ url: `https://example.test/cb#access_token=${JWT}` }, 'redirect');
    const text = lines.join('');
    expect(text).not.toContain(JWT.split('.')[2]);
    expect(text).toContain('Bearer [REDACTED]');
    expect(text).toContain('[REDACTED JWT]');
  });

  it('when a configured secret appears anywhere, raw or JSON-escaped, then it is scrubbed', () => {
    const awkward = 'Sec"ret\\with~quote';
    const { logger, lines } = capturingLogger(['Plain~Secret.Value_0001', awkward]);
    logger.info({ note: 'the value Plain~Secret.Value_0001 was pasted' }, 'x');
    logger.info({ detail: `got ${awkward}` }, 'y');
    logger.info(`message Plain~Secret.Value_0001`);
    const text = lines.join('');
    expect(text).not.toContain('Plain~Secret.Value_0001');
    expect(text).not.toContain('Sec\\"ret');
    expect(text).not.toContain(awkward);
  });

  it('when lines are logged inside a turn’s context, then each carries the turn’s ids, across awaits', async () => {
    const { logger, lines } = capturingLogger([]);
    await withLogContext(
      { activityId: 'act-9', conversationId: 'a:conv', tenantId: 't-1' },
      async () => {
        logger.info('before');
        await new Promise((resolve) => setTimeout(resolve, 5));
        logger.info({ tenantId: 'explicit' }, 'after');
      },
    );
    logger.info('outside');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      activityId: 'act-9',
      conversationId: 'a:conv',
      tenantId: 't-1',
      msg: 'before',
    });
    expect(records[1]).toMatchObject({ activityId: 'act-9', tenantId: 'explicit', msg: 'after' });
    expect(records[2]).not.toHaveProperty('activityId');
  });
});

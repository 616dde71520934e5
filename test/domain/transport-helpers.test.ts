import { headerValue } from '../../src/domain/header-value';
import { mapPool } from '../../src/domain/map-pool';
import { parseRetryAfterMs } from '../../src/domain/retry-after';

const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('Retry-After, header lookup and the worker pool (one of each, shared by Graph and Teams)', () => {
  it.each([
    ['120', 120_000],
    [' 3 ', 3_000],
    ['0', 0],
    ['Wed, 02 Dec 2026 10:00:30 GMT', 30_000],
    ['Wed, 02 Dec 2026 09:00:00 GMT', 0], // a date in the past: no wait
  ])('when Retry-After is %p, then the wait is %p ms', (raw, ms) => {
    expect(parseRetryAfterMs(raw, NOW)).toBe(ms);
  });

  it.each([[undefined], [null], [''], ['  '], ['-5'], ['soon'], [7]])(
    'when Retry-After is %p, then there is no wait from it',
    (raw) => {
      expect(parseRetryAfterMs(raw, NOW)).toBeUndefined();
    },
  );

  it('when a header is looked up, then case does not matter, in a record or in a Headers object', () => {
    expect(headerValue({ 'Retry-After': '5' }, 'retry-after')).toBe('5');
    expect(headerValue(new Headers({ 'Request-Id': 'abc' }), 'request-id')).toBe('abc');
    expect(headerValue({ 'retry-after': 5 }, 'retry-after')).toBeUndefined();
    expect(headerValue(undefined, 'retry-after')).toBeUndefined();
  });

  it('when work is pooled, then at most `limit` run at once and results keep input order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapPool([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
    await expect(mapPool([1], 0, (n) => Promise.resolve(n))).resolves.toEqual([1]);
  });
});

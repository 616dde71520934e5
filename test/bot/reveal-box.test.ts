import { RevealBox } from '../../src/bot/rotation/reveal-box';

const ROTATION = 'rot-1';
const APPROVER = 'approver-1';
const VALUE = 'Abc8Q~waiting-value-0123456789';

afterEach(() => {
  jest.useRealTimers();
});

describe('the delegated rotation’s new value waiting in memory (RevealBox)', () => {
  it('when the dialog takes the value, then it is gone: a second take gets nothing', () => {
    const box = new RevealBox(() => new Date(0));
    box.put(ROTATION, APPROVER, VALUE);
    expect(box.take(ROTATION, APPROVER)).toBe(VALUE);
    expect(box.size).toBe(0);
    expect(box.take(ROTATION, APPROVER)).toBeUndefined();
  });

  it('when someone else asks, then they get nothing and the approver still can', () => {
    const box = new RevealBox(() => new Date(0));
    box.put(ROTATION, APPROVER, VALUE);
    expect(box.take(ROTATION, 'someone-else')).toBeUndefined();
    expect(box.take(ROTATION, APPROVER)).toBe(VALUE);
  });

  it('when the new secret is discarded, then its value is dropped', () => {
    const box = new RevealBox(() => new Date(0));
    box.put(ROTATION, APPROVER, VALUE);
    box.drop(ROTATION);
    expect(box.size).toBe(0);
    expect(box.take(ROTATION, APPROVER)).toBeUndefined();
  });

  it('when the clock passes 10 minutes, then the next call sweeps the value away', () => {
    let now = 0;
    const box = new RevealBox(() => new Date(now));
    box.put(ROTATION, APPROVER, VALUE);
    now = 10 * 60_000;
    expect(box.take(ROTATION, APPROVER)).toBeUndefined();
    expect(box.size).toBe(0);
  });

  it('when 10 minutes pass and nobody clicks again, then the timer drops the value on its own', () => {
    jest.useFakeTimers();
    const box = new RevealBox(() => new Date(0));
    box.put(ROTATION, APPROVER, VALUE);
    jest.advanceTimersByTime(10 * 60_000 - 1);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1);
    expect(jest.getTimerCount()).toBe(0);
    // The clock never moved: only the timer can have dropped it.
    expect(box.size).toBe(0);
  });

  it('when the value is taken, then its timer is cleared too', () => {
    jest.useFakeTimers();
    const box = new RevealBox(() => new Date(0));
    box.put(ROTATION, APPROVER, VALUE);
    box.take(ROTATION, APPROVER);
    expect(jest.getTimerCount()).toBe(0);
  });
});

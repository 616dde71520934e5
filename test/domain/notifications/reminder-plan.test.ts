import type { AppRegistration } from '../../../src/domain';
import {
  crossedThreshold,
  daysLeft,
  newerCredential,
  reminderDue,
  watchedCredentials,
} from '../../../src/domain/notifications/reminder-plan';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-01T08:00:00Z');
const THRESHOLDS = [30, 14, 7, 3, 1, 0];
const at = (days: number) => new Date(NOW + days * DAY).toISOString();

const app = (
  password: [string, number][],
  certificates: [string, number][] = [],
): AppRegistration => ({
  id: 'o',
  appId: 'a',
  displayName: 'PCEmail',
  signInAudience: 'AzureADMyOrg',
  requiredResourceAccess: [],
  passwordCredentials: password.map(([keyId, days]) => ({
    keyId,
    displayName: keyId,
    hint: 'abc',
    startDateTime: at(-300),
    endDateTime: at(days),
  })),
  keyCredentials: certificates.map(([keyId, days]) => ({
    keyId,
    displayName: keyId,
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    startDateTime: at(-300),
    endDateTime: at(days),
  })),
});

describe('reminder rules', () => {
  it.each([
    [45, undefined],
    [30, 30],
    [29.5, 30],
    [13, 14],
    [6.9, 7],
    [2, 3],
    [0.5, 1],
    [0, 0],
    [-3, 0],
  ])(
    'when a credential ends in %p days, then the most severe crossed threshold is %p',
    (days, expected) => {
      expect(crossedThreshold(NOW + days * DAY, NOW, THRESHOLDS)).toBe(expected);
    },
  );

  it('when whole days are counted, then they round down and count back once expired', () => {
    expect(daysLeft(NOW + 19.9 * DAY, NOW)).toBe(19);
    expect(daysLeft(NOW - 2.5 * DAY, NOW)).toBe(-2);
  });

  it('when a threshold was posted, then only a more severe one is due; a snooze in force holds it back', () => {
    const [credential] = watchedCredentials([app([['k', 2]])]);
    expect(reminderDue(credential!, NOW, THRESHOLDS, undefined, undefined)).toBe(3);
    expect(reminderDue(credential!, NOW, THRESHOLDS, { threshold: 7 }, undefined)).toBe(3);
    expect(reminderDue(credential!, NOW, THRESHOLDS, { threshold: 3 }, undefined)).toBeUndefined();
    expect(reminderDue(credential!, NOW, THRESHOLDS, { threshold: 1 }, undefined)).toBeUndefined();
    expect(reminderDue(credential!, NOW, THRESHOLDS, { threshold: 7 }, at(1))).toBeUndefined();
    expect(reminderDue(credential!, NOW, THRESHOLDS, { threshold: 7 }, at(-1))).toBe(3);
  });

  it('when secrets and certificates are read, then both are watched and a later-ending one is the newer', () => {
    const all = watchedCredentials([
      app(
        [
          ['old', 5],
          ['new', 700],
        ],
        [['cert', 3]],
      ),
    ]);
    expect(all.map((c) => [c.credential.keyId, c.credential.kind])).toEqual([
      ['old', 'secret'],
      ['new', 'secret'],
      ['cert', 'certificate'],
    ]);
    expect(newerCredential(all[0]!, all)?.credential.keyId).toBe('new');
    expect(newerCredential(all[1]!, all)).toBeUndefined();
    expect(all[2]!.credential.hint).toBeNull();
  });
});

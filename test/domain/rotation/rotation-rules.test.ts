import {
  mayStart,
  newSecretEnd,
  newSecretName,
  oldSecretQuiet,
  unknownUsageNote,
  usagePhrase,
  type RotationRecord,
} from '../../../src/domain/rotation';

const NOW = new Date('2026-12-02T12:00:00Z');
const HOUR = 3_600_000;

function record(over: Partial<RotationRecord> = {}): RotationRecord {
  return {
    id: 'r1',
    appId: 'app',
    appName: 'PCEmail',
    oldKeyId: 'old',
    state: 'in-use',
    startedBy: { name: 'Ada' },
    startedAt: new Date(NOW.getTime() - 48 * HOUR).toISOString(),
    verified: true,
    newKeyId: 'new',
    inUseAt: new Date(NOW.getTime() - 47 * HOUR).toISOString(),
    updatedAt: NOW.toISOString(),
    ...over,
  };
}

describe('rotation rules', () => {
  it('when the old secret signed in 23 hours ago, then it is not quiet for 24 hours; at 25 hours it is', () => {
    const at = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();
    expect(oldSecretQuiet(record({ oldLastUsed: at(23) }), NOW, 24).quiet).toBe(false);
    expect(oldSecretQuiet(record({ oldLastUsed: at(25) }), NOW, 24)).toMatchObject({ quiet: true });
    expect(oldSecretQuiet(record({ state: 'created', oldLastUsed: at(25) }), NOW, 24).quiet).toBe(
      false,
    );
  });

  it('when nothing is verified, then only an approver’s confirmation makes the old secret quiet', () => {
    expect(oldSecretQuiet(record({ verified: false }), NOW, 24).quiet).toBe(false);
    expect(
      oldSecretQuiet(record({ verified: false, quietConfirmedBy: { name: 'Ada' } }), NOW, 24).quiet,
    ).toBe(true);
  });

  it('when a rotation is under way, then another may not start; after it ended, failed or its claim went stale, one may', () => {
    expect(mayStart(undefined, NOW)).toBe(true);
    expect(mayStart(record({ state: 'created' }), NOW)).toBe(false);
    expect(mayStart(record({ state: 'removed' }), NOW)).toBe(true);
    expect(mayStart(record({ state: 'failed' }), NOW)).toBe(true);
    const claim = (ms: number) => ({
      token: 't',
      by: { name: 'Ada' },
      until: new Date(NOW.getTime() + ms).toISOString(),
    });
    expect(mayStart(record({ state: 'creating', claim: claim(60_000) }), NOW)).toBe(false);
    expect(mayStart(record({ state: 'creating', claim: claim(-1) }), NOW)).toBe(true);
  });

  it('when a secret is named and dated, then the name says when and by whom (at most 90 characters) and the lifetime is capped at 24 months', () => {
    expect(newSecretName('Ada Admin', NOW)).toBe(
      'PCEmail Ops rotation 2026-12-02 12:00 UTC by Ada Admin',
    );
    expect(newSecretName('x'.repeat(200), NOW)).toHaveLength(90);
    expect(newSecretEnd(NOW, 12)).toBe('2027-12-02T12:00:00.000Z');
    expect(newSecretEnd(NOW, 99)).toBe('2028-12-02T12:00:00.000Z');
  });

  it('when the use is known or not, then the phrase and the note say so plainly', () => {
    const facts = {
      known: true as const,
      windowDays: 30,
      uses: [{ keyId: 'a', lastUsed: '2026-12-01T10:00:00Z' }, { keyId: 'b' }],
    };
    expect(usagePhrase(facts, 'a', (iso) => iso)).toBe('last used 2026-12-01T10:00:00Z');
    expect(usagePhrase(facts, 'b', (iso) => iso)).toBe('not used in the last 30 days');
    expect(unknownUsageNote(facts)).toBeUndefined();
    expect(unknownUsageNote({ known: false, reason: 'no-licence' })).toMatch(/P1 or P2 licence/);
    expect(unknownUsageNote({ known: false, reason: 'no-permission', requestId: 'r-1' })).toMatch(
      /AuditLog\.Read\.All.*r-1/,
    );
  });
});

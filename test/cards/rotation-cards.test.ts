import {
  renderRotationCard,
  renderSecretDialogCard,
  secretUsageSection,
} from '../../src/cards/rotation';
import { adaptiveCard } from '../../src/cards/adaptive-card';
import { renderSecretReminderCard } from '../../src/cards/notifications';
import type { RotationRecord } from '../../src/domain/rotation';
import { expectValidCard } from '../support/adaptive-card-validator';
import { cardText } from '../support/card-text';

const NOW = new Date('2026-12-02T12:00:00Z');
const base: RotationRecord = {
  id: 'r1',
  appId: 'b9259bd9-35cc-447d-b27e-25a535631ef2',
  appName: 'PCEmail',
  oldKeyId: '3089e250-60a1-461e-a530-677d956337f5',
  state: 'created',
  startedBy: { name: 'Ada Admin' },
  startedAt: '2026-12-02T11:00:00Z',
  verified: true,
  newKeyId: 'dcc06867-f994-4500-90f5-2724c0f4f961',
  newHint: 'fCb',
  shownTo: { name: 'Ada Admin' },
  updatedAt: '2026-12-02T11:00:00Z',
};
const STATES: RotationRecord['state'][] = [
  'creating',
  'created',
  'in-use',
  'removing',
  'removed',
  'discarding',
  'discarded',
  'failed',
];

describe('rotation cards (Adaptive Card 1.5, validated with the SDK)', () => {
  it.each(STATES)(
    'when the rotation is %s, then its card is valid and never carries a secret value',
    (state) => {
      const card = renderRotationCard({
        record: {
          ...base,
          state,
          failure: {
            step: 'add',
            message: 'Insufficient privileges',
            requestId: 'req-1',
            at: base.startedAt,
          },
        },
        now: NOW,
        quietHours: 24,
        notice: { tone: 'error', text: 'Something *bold*' },
      });
      expectValidCard(card);
      expect(cardText(card)).toMatch(/Rotating the PCEmail client secret/);
      expect(cardText(card)).toMatch(/Graph request id: req-1/);
    },
  );

  it('when the value is shown, then it stands verbatim (no markdown escapes) in the dialog card and the card says it is shown once', () => {
    const value = 'Ab_c~d.e-f*g[h]_ij~kl.mn-op_qr~st.uv-wx';
    const card = renderSecretDialogCard({
      appName: 'PCEmail',
      appId: base.appId,
      rotationId: 'r1',
      keyId: base.newKeyId ?? '',
      displayName: 'PCEmail Ops rotation 2026-12-02 12:00 UTC by Ada Admin',
      endDateTime: '2027-12-02T12:00:00Z',
      secretText: value,
      keyVault: 'not-configured',
    });
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain(JSON.stringify(value));
    expect(cardText(card)).toMatch(/shown this once/);
    expect(JSON.stringify(card.actions)).not.toContain(value);
  });

  it('when the use is unknown, then the check card rows say why once; Rotate now carries only the first 8 characters of the ID', () => {
    const body = secretUsageSection({
      appId: base.appId,
      usage: { known: false, reason: 'no-licence' },
      secrets: [
        {
          keyId: base.oldKeyId,
          displayName: 'one',
          hint: 'abc',
          endDateTime: '2026-12-20T00:00:00Z',
          rotateOffered: true,
        },
        {
          keyId: 'ffffffff-60a1-461e-a530-677d956337f5',
          displayName: 'two',
          hint: 'xyz',
          rotateOffered: false,
        },
      ],
    });
    const card = adaptiveCard({ body });
    expectValidCard(card);
    expect(cardText(card).match(/licence/g)).toHaveLength(1);
    expect(JSON.stringify(card)).not.toContain(base.oldKeyId);
    expect(JSON.stringify(card)).toContain('"keyRef":"3089e250"');
  });

  it('when the reminder is for PCEmail’s secret, then it says when it was last used and offers Rotate now', () => {
    const card = renderSecretReminderCard({
      appName: 'PCEmail',
      appId: base.appId,
      credential: {
        kind: 'secret',
        keyId: base.oldKeyId,
        displayName: 'x',
        hint: 'abc',
        endDateTime: '2026-12-20T00:00:00Z',
      },
      daysLeft: 18,
      expired: false,
      simulated: false,
      usage: 'Last used 2 Dec 2026, 11:00 UTC',
      rotatable: true,
    });
    expectValidCard(card);
    expect(cardText(card)).toMatch(/Last used 2 Dec 2026[\s\S]*Rotate now/);
  });
});

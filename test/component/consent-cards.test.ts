import {
  renderConsentHistoryCard,
  renderConsentRequestCard,
  type ConsentRequestCardView,
} from '../../src/cards/consent';
import { auditRecord, newConsentRequest, type ConsentRequest } from '../../src/domain/consent';
import { expectValidCard } from '../support/adaptive-card-validator';
import { cardText, cardVerbs, rawCardText } from '../support/card-text';

/** The consent cards, rendered from stored requests in every state (pure: no bot, no tenant). */

const HOSTILE = '[Approve here](https://evil.example) <at>all</at> **now**';
const base = newConsentRequest({
  id: '5b1c9a0e-3f2d-4e1c-8b7a-6d5e4f3a2b1c',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  appId: '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8',
  appName: 'PCEmail',
  permissions: [
    { name: 'Mail.ReadWrite', type: 'Role' },
    { name: 'Mail.Send', type: 'Role' },
  ],
  reason: 'The consent checks found no admin consent.',
  requestedBy: { name: HOSTILE },
  now: new Date('2025-06-01T12:00:00Z'),
  ttlDays: 7,
  approverUserIds: ['29:grace'],
});
const grace = { aadObjectId: 'a1', name: 'Grace' };
const states: [string, ConsentRequest][] = [
  ['pending', base],
  [
    'granting',
    { ...base, state: 'granting', claim: { token: 't', by: grace, until: '2025-06-01T12:02:00Z' } },
  ],
  [
    'awaiting-consent',
    { ...base, state: 'awaiting-consent', approvedBy: grace, approvedAt: '2025-06-01T12:01:00Z' },
  ],
  [
    'partially-granted',
    {
      ...base,
      state: 'partially-granted',
      granted: [{ name: 'Mail.ReadWrite', type: 'Role' }],
      steps: [
        {
          permission: { name: 'Mail.ReadWrite', type: 'Role' },
          outcome: 'granted',
          requestId: 'rid-1',
        },
        {
          permission: { name: 'Mail.Send', type: 'Role' },
          outcome: 'failed',
          error: 'HTTP 503: Graph was unavailable.',
          requestId: 'rid-2',
        },
      ],
    },
  ],
  [
    'granted',
    {
      ...base,
      state: 'granted',
      approvedBy: grace,
      completedAt: '2025-06-01T12:03:00Z',
      completedHow: 'granted-by-bot',
      consentChecks: [
        { id: 'consent.mail-send', status: 'pass', title: 'Admin consent granted for Mail.Send' },
      ],
    },
  ],
  [
    'rejected',
    {
      ...base,
      state: 'rejected',
      rejectedBy: grace,
      rejectedAt: '2025-06-01T12:03:00Z',
      rejectReason: HOSTILE,
    },
  ],
  ['expired', { ...base, state: 'expired', expiredAt: '2025-06-08T12:00:00Z' }],
];

function view(
  request: ConsentRequest,
  extra: Partial<ConsentRequestCardView> = {},
): ConsentRequestCardView {
  return {
    request,
    tenant: { id: base.tenantId, mode: 'live' },
    links: {
      adminConsentUrl: 'https://login.microsoftonline.com/t/v2.0/adminconsent?client_id=x',
      apiPermissionsUrl: 'https://entra.microsoft.com/#view/x',
    },
    mode: 'grant',
    ...extra,
  };
}

describe('the consent request card', () => {
  it.each(states)(
    'when the request is %s, then the card is valid Adaptive Card 1.5 with the role note and outside text made plain',
    (_state, request) => {
      const card = renderConsentRequestCard(
        view(request, { notice: { tone: 'warning', text: HOSTILE } }),
      );
      expectValidCard(card);
      const text = cardText(card);
      expect(text).toMatch(
        /Only a Privileged Role Administrator or Global Administrator can consent to Microsoft Graph application permissions in Entra/,
      );
      expect(text).toContain('Mail.Send (application)');
      expect(rawCardText(card)).not.toContain('[Approve here](https://evil');
      expect(card.fallbackText).toMatch(/Admin consent request for PCEmail/);
    },
  );

  it('when the request is open, then Approve and Reject are on the card everyone sees, and refresh lists the approvers', () => {
    const card = renderConsentRequestCard(view(base));
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(['consent.approve', 'consent.reject']));
    expect(card.refresh).toEqual({
      action: expect.objectContaining({ verb: 'consent.refresh' }),
      userIds: ['29:grace'],
    });
    const theirs = renderConsentRequestCard(view(base, { viewer: 'other' }));
    expect(cardVerbs(theirs)).not.toContain('consent.approve');
    expect(cardText(theirs)).toMatch(/You are not an approver/);
  });

  it('when the request is closed, then no decision is offered and nothing refreshes', () => {
    for (const [, request] of states.filter(([s]) =>
      ['granted', 'rejected', 'expired'].includes(s),
    )) {
      const card = renderConsentRequestCard(view(request));
      expect(cardVerbs(card)).toEqual([]);
      expect(card.refresh).toBeUndefined();
      // Nothing is left to approve: the card does not say what approving would do.
      for (const mode of ['grant', 'link'] as const)
        expect(cardText(renderConsentRequestCard(view(request, { mode })))).not.toMatch(
          /Approving (gives|lets)|can approve or reject/,
        );
    }
  });

  it('when the request waits for a decision, then it says what approving does in this mode', () => {
    expect(cardText(renderConsentRequestCard(view(base, { mode: 'link' })))).toMatch(
      /Approving gives you the admin consent link/,
    );
    expect(cardText(renderConsentRequestCard(view(base)))).toMatch(
      /Approving lets PCEmail Ops grant exactly these permissions/,
    );
  });
});

describe('the consent history card', () => {
  it('when there are records, then each shows what, when, who and the request ids; with none it says how to start', () => {
    const records = [
      auditRecord({
        id: '1',
        now: new Date('2025-06-01T12:05:00Z'),
        kind: 'granted',
        request: base,
        actor: { name: HOSTILE },
        steps: states[3]![1].steps,
      }),
      auditRecord({
        id: '2',
        now: new Date('2025-06-01T12:00:00Z'),
        kind: 'requested',
        request: base,
        actor: { name: 'Ada' },
      }),
    ];
    const card = renderConsentHistoryCard({
      records,
      tenant: { id: base.tenantId, mode: 'simulated' },
    });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/GRANTED — 1 Jun 2025, 12:05 UTC/);
    expect(text).toMatch(/Not granted: Mail.Send \(application\): HTTP 503/);
    expect(text).toMatch(/Graph rid-1, Graph rid-2/);
    expect(rawCardText(card)).not.toContain('[Approve here](https://evil');
    const empty = renderConsentHistoryCard({
      records: [],
      tenant: { id: base.tenantId, mode: 'live' },
    });
    expectValidCard(empty);
    expect(cardText(empty)).toMatch(/No consent requests yet/);
  });
});

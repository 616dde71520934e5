import { explainAadsts, explainErrorText, explainGraphError } from '../../../src/domain';
import type { CheckResult } from '../../../src/domain/check-result';
import {
  generateRestrictionScripts,
  SETUP_STEP_IDS,
  SYMPTOMS,
  startWizard,
  type RestrictionPlan,
  type SetupStepId,
} from '../../../src/domain/setup';
import {
  renderExplanationCard,
  renderNoSetupCard,
  renderSetupCancelledCard,
  renderSetupFailedCard,
  renderSetupInProgressCard,
  renderSetupStepCard,
  renderSetupSummaryCard,
  renderStaleSetupCard,
  renderTroubleshootMenuCard,
  renderTroubleshootResultCard,
} from '../../../src/cards/setup';
import { cardSizeBytes, TEAMS_CARD_LIMIT_BYTES } from '../../../src/cards/card-size';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { cardText as everyText } from '../../support/card-text';
import { actions, cardText, texts } from '../card-text';
import { allPassingChecks, manyMailboxChecks, mixedChecks, SIMULATED_TENANT } from '../diagnoses';

const APP = '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8';
const SP = 'b7c8d9e0-f1a2-4b3c-9d4e-5f60718293a4';
const CHECKED_AT = '2025-03-04T09:05:27.000Z';
const HOSTILE = '**bold** [click](https://evil.example) <at>Ada</at> _x_ # heading';

type WorkStep = Exclude<SetupStepId, 'finish'>;
const WORK_STEPS = SETUP_STEP_IDS.filter((s): s is WorkStep => s !== 'finish');

function stepCard(step: WorkStep, extra: Partial<Parameters<typeof renderSetupStepCard>[0]> = {}) {
  return renderSetupStepCard({
    wizardId: 'w-1',
    step,
    tenant: SIMULATED_TENANT,
    appName: 'PCEmail',
    draft: {},
    ...extra,
  });
}

function inputs(card: object): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const r = node as Record<string, unknown>;
    if (typeof r.type === 'string' && r.type.startsWith('Input.')) out.push(r);
    Object.values(r).forEach(walk);
  };
  walk(card);
  return out;
}

function readyPlan(mailboxes = ['support@contoso.com']): RestrictionPlan {
  const result = generateRestrictionScripts({
    appId: APP,
    servicePrincipalId: SP,
    displayName: 'PCEmail',
    scopeGroup: 'pcemail@contoso.com',
    mailboxes,
  });
  if (!result.ok) throw new Error('plan');
  return { kind: 'ready', scripts: result.scripts };
}

describe('renderSetupStepCard', () => {
  it.each(WORK_STEPS)(
    'when step %s is shown, then the card is valid with Verify, Next, Cancel and the wizard reference on each',
    (step) => {
      const card = stepCard(step);
      expectValidCard(card);
      const verbs = actions(card)
        .filter((a) => a.type === 'Action.Execute')
        .map((a) => [a.verb, a.data]);
      const ref = { wizardId: 'w-1', step };
      expect(verbs).toEqual([
        ['setup.verify', ref],
        ...(step === 'register' ? [] : [['setup.back', ref]]),
        ['setup.next', ref],
        ['setup.cancel', ref],
      ]);
      expect(
        actions(card)
          .filter((a) => a.type === 'Action.OpenUrl')
          .every((a) => String(a.url).startsWith('https://')),
      ).toBe(true);
    },
  );

  it('when step 1 is shown, then it shows the served tenant, asks only for the App ID and says how to register', () => {
    const card = stepCard('register', { draft: { appId: APP } });
    const text = cardText(card);
    expect(text).toMatch(/step 1 of 5/);
    expect(text).toMatch(/Name: PCEmail/);
    expect(text).toMatch(/Accounts in this organizational directory only/);
    expect(text).toContain(
      `Directory (tenant) ID: ${SIMULATED_TENANT.id} — the tenant I check. Emplifi Agent needs it too.`,
    );
    expect(inputs(card).map((i) => [i.id, i.label, i.value])).toEqual([
      ['appId', 'Application (client) ID', APP],
    ]);
  });

  it('when step 2 is shown, then it says to copy the Value (not the Secret ID), at most 24 months, and asks for no secret', () => {
    const card = stepCard('secret');
    const text = cardText(card);
    expect(text).toMatch(/at most 24 months/);
    expect(text).toMatch(/Value column/);
    expect(text).toMatch(/The Secret ID is not the secret/);
    expect(inputs(card)).toEqual([]);
  });

  it('when a field is refused, then its message sits right below it, in attention colour, and the typed values stay', () => {
    const card = stepCard('register', {
      draft: { appId: APP.slice(0, -1) },
      errors: { appId: 'Application (client) ID has 35 characters, a GUID has 36.' },
      notice: {
        tone: 'warning',
        lines: ['Nothing was saved: correct the field marked below and try again.'],
      },
    });
    expectValidCard(card);
    const body = JSON.stringify(card);
    const appInput = body.indexOf('"id":"appId"');
    const message = body.indexOf('Application (client) ID has 35 characters');
    expect(appInput).toBeGreaterThan(-1);
    expect(message).toBeGreaterThan(appInput);
    expect(inputs(card).map((i) => i.value)).toEqual([APP.slice(0, -1)]);
    expect(cardText(card)).toMatch(/Nothing was saved/);
  });

  it('when typed values, errors and notices hold markdown, links or mentions, then TextBlocks show them as plain text', () => {
    const card = stepCard('restrict', {
      draft: { scopeGroup: HOSTILE },
      errors: { scopeGroup: `The scope group address "${HOSTILE}" contains a space.` },
      notice: { tone: 'error', lines: [HOSTILE] },
    });
    expectValidCard(card);
    for (const text of texts(card)) {
      expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
      expect(text).not.toMatch(/(^|[^\\])\[click\]/);
      expect(text).not.toMatch(/<at>/);
      expect(text).not.toContain('https://evil');
    }
  });

  it('when the restriction step has its commands, then both sit in inputs, RBAC first as Microsoft recommends', () => {
    const card = stepCard('restrict', {
      restriction: readyPlan(),
      draft: { scopeGroup: 'pcemail@contoso.com' },
    });
    expectValidCard(card);
    const scripts = inputs(card).filter((i) => String(i.id).startsWith('script.'));
    expect(scripts.map((i) => i.id)).toEqual(['script.rbac', 'script.accessPolicy']);
    expect(scripts.every((i) => i.isMultiline === true)).toBe(true);
    expect(String(scripts[0]?.value)).toContain('New-ManagementRoleAssignment');
    expect(String(scripts[1]?.value)).toContain('New-ApplicationAccessPolicy');
    const text = cardText(card);
    expect(text).toMatch(/Microsoft now recommends RBAC for Applications/);
    expect(text).toMatch(/must be a mail-enabled security group/);
    expect(text).toMatch(/an hour or more/);
  });

  it('when the commands were refused or cannot be written yet, then the card says why instead', () => {
    const refused = stepCard('restrict', {
      restriction: {
        kind: 'refused',
        problems: [{ field: 'mailboxes', message: 'The mailbox "a;b@c.com" contains ";".' }],
      },
    });
    expectValidCard(refused);
    expect(cardText(refused)).toMatch(/I did not write the commands[\s\S]*contains ";"/);
    const missing = stepCard('restrict', {
      restriction: { kind: 'missing', reason: 'Type the scope group’s address above.' },
    });
    expect(cardText(missing)).toContain('Type the scope group’s address above.');
    expect(inputs(missing).some((i) => String(i.id).startsWith('script.'))).toBe(false);
  });

  it('when a mailbox result fails after verification, then the card says to wait and re-check', () => {
    const checks = mixedChecks().filter((c) => c.id.startsWith('mailbox.'));
    const card = stepCard('restrict', {
      verification: { checkedAt: CHECKED_AT, checks, otherNotPassing: 2 },
    });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/Verification of step 5/);
    expect(text).toMatch(/FAIL/);
    expect(text).toMatch(/hour or more to reach Microsoft Graph[\s\S]*wait and re-check/);
    expect(text).toMatch(/2 results of earlier steps did not pass; one of them may be what blocks/);
  });

  it('when 50 mailboxes with long texts were verified along with the commands, then the card still fits Teams', () => {
    const checks = manyMailboxChecks(50, 50);
    const mailboxes = checks.flatMap((c) => (c.target ? [c.target] : []));
    const card = stepCard('restrict', {
      verification: { checkedAt: CHECKED_AT, checks, otherNotPassing: 0 },
      restriction: readyPlan(mailboxes.slice(0, 50)),
      draft: { mailboxes: mailboxes.join(', '), scopeGroup: 'pcemail@contoso.com' },
    });
    expectValidCard(card);
    expect(cardSizeBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
  });
});

describe('renderSetupSummaryCard', () => {
  const view = {
    wizardId: 'w-1',
    tenant: SIMULATED_TENANT,
    appName: 'PCEmail',
    appId: APP,
    mailboxes: ['support@contoso.com', 'sales@contoso.com'],
    credentials: [
      { kind: 'secret' as const, name: 'Emplifi Agent', hint: 'k8Q', expires: '2026-12-31' },
    ],
    verification: { checkedAt: CHECKED_AT, checks: allPassingChecks() },
    finished: false,
  };

  it('when the setup is summarised, then it lists what Emplifi Agent needs and the last full check, with Re-check, Back and Done', () => {
    const card = renderSetupSummaryCard(view);
    expectValidCard(card);
    const text = everyText(card);
    expect(text).toContain(APP);
    expect(text).toContain(SIMULATED_TENANT.id);
    expect(text).toContain('support@contoso.com, sales@contoso.com');
    expect(text).toContain('Secret "Emplifi Agent", value starts with "k8Q", expires 2026-12-31');
    expect(text).toMatch(/I never see or show it/);
    expect(text).toMatch(/Last full check[\s\S]*17 passed/);
    expect(actions(card).map((a) => a.verb)).toEqual(['setup.verify', 'setup.back', 'setup.done']);
    expect(actions(card).every((a) => (a.data as { step?: string }).step === 'finish')).toBe(true);
  });

  it('when the setup is done, then the same summary stays without buttons', () => {
    const card = renderSetupSummaryCard({ ...view, finished: true });
    expectValidCard(card);
    expect(cardText(card)).toMatch(/setup finished/i);
    expect(actions(card)).toEqual([]);
  });

  it('when nothing is known yet, then it says what is missing rather than showing blanks', () => {
    const card = renderSetupSummaryCard({
      ...view,
      appId: undefined,
      mailboxes: [],
      credentials: [],
      verification: undefined,
    });
    expectValidCard(card);
    expect(everyText(card)).toMatch(/Application \(client\) ID\nnot found yet/);
    expect(everyText(card)).toMatch(/Mailboxes\nnone configured/);
    expect(everyText(card)).toMatch(/none found/);
  });
});

describe('troubleshooting cards', () => {
  it('when the menu is shown, then each symptom is a button and the error message box explains on submit', () => {
    const card = renderTroubleshootMenuCard({ tenant: SIMULATED_TENANT });
    expectValidCard(card);
    const all = actions(card);
    expect(
      all
        .filter((a) => a.verb === 'troubleshoot.symptom')
        .map((a) => (a.data as { symptom: string }).symptom),
    ).toEqual(['sign-in', 'mail-not-picked-up', 'replies-not-sent', 'reads-other-mailboxes']);
    const show = all.find((a) => a.type === 'Action.ShowCard');
    expect(show?.title).toBe('I have an error message');
    expect(inputs(card)).toEqual([expect.objectContaining({ id: 'errorText', isMultiline: true })]);
    expect(all.some((a) => a.verb === 'troubleshoot.explain')).toBe(true);
  });

  it('when a symptom’s checks ran, then the card names the most likely cause with its fix and offers Re-check', () => {
    const symptom = SYMPTOMS.find((s) => s.id === 'replies-not-sent')!;
    const checks: CheckResult[] = mixedChecks().filter((c) => symptom.checks.includes(c.id));
    const card = renderTroubleshootResultCard({
      symptom,
      tenant: SIMULATED_TENANT,
      checks,
      checkedAt: CHECKED_AT,
    });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/Troubleshoot: Replies are not sent/);
    expect(text).toMatch(
      /Checks that matter for this: permission\.mail-send, consent\.mail-send, token\.roles/,
    );
    const failing = checks.find((c) => c.status === 'fail');
    if (failing) expect(text).toMatch(/Most likely cause: /);
    expect(actions(card).map((a) => [a.verb, a.data])).toEqual([
      ['troubleshoot.symptom', { symptom: 'replies-not-sent' }],
      ['troubleshoot.menu', undefined],
    ]);
  });

  it('when every check of the symptom passes, then it says so and where to look next', () => {
    const symptom = SYMPTOMS.find((s) => s.id === 'sign-in')!;
    const checks = allPassingChecks().filter((c) => symptom.checks.includes(c.id));
    const card = renderTroubleshootResultCard({
      symptom,
      tenant: SIMULATED_TENANT,
      checks,
      checkedAt: CHECKED_AT,
    });
    expectValidCard(card);
    expect(cardText(card)).toMatch(/Every check for this symptom passes/);
  });
});

describe('renderExplanationCard', () => {
  it('when codes are explained, then each shows cause, fix and a Learn more button to Microsoft Learn', () => {
    const explanations = [
      explainAadsts(7000215),
      explainGraphError('ErrorSendAsDenied'),
      explainAadsts(123456),
    ];
    const card = renderExplanationCard({ explanations, fromTroubleshooting: true });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/What these 3 errors mean/);
    expect(text).toMatch(/AADSTS7000215: Invalid client secret provided/);
    expect(text).toMatch(/Cause: /);
    expect(text).toMatch(/Fix: /);
    expect(text).toMatch(/AADSTS123456: not a code PCEmail Ops knows/);
    const links = actions(card).filter((a) => a.type === 'Action.OpenUrl');
    expect(links.map((a) => a.title)).toEqual(['Learn more', 'Learn more', 'Learn more']);
    expect(links.every((a) => String(a.url).startsWith('https://learn.microsoft.com/'))).toBe(true);
    expect(text).not.toMatch(/https:\/\//);
    expect(actions(card).find((a) => a.type === 'Action.Execute')?.verb).toBe('troubleshoot.menu');
  });

  it('when a pasted, unknown code holds markdown, then it is shown as plain text', () => {
    const card = renderExplanationCard({
      explanations: explainErrorText('{"error":{"code":"Error__init__","message":"?"}}'),
      fromTroubleshooting: false,
    });
    expectValidCard(card);
    expect(texts(card).join('\n')).toContain('Error\\_\\_init\\_\\_');
    expect(actions(card).some((a) => a.type === 'Action.Execute')).toBe(false);
  });

  it('when 50 codes are pasted, then the card shows the first ones, counts the rest and fits Teams', () => {
    const text = Array.from({ length: 60 }, (_, i) => `AADSTS${900000 + i}`).join(' ');
    const card = renderExplanationCard({
      explanations: explainErrorText(text),
      fromTroubleshooting: false,
    });
    expectValidCard(card);
    expect(cardText(card)).toMatch(/And 38 more/);
  });

  it('when nothing was recognised, then it says so and what to paste', () => {
    const card = renderExplanationCard({ explanations: [], fromTroubleshooting: true });
    expectValidCard(card);
    expect(cardText(card)).toMatch(/found no AADSTS code/);
  });
});

describe('setup notices', () => {
  const running = { ...startWizard('w-1', new Date(CHECKED_AT)), step: 'consent' as const };

  it.each([
    ['no wizard', renderStaleSetupCard({ kind: 'no-wizard' }), /no setup in progress/],
    [
      'another wizard',
      renderStaleSetupCard({ kind: 'other-wizard', current: running }),
      /earlier setup[\s\S]*step 4 of 5/,
    ],
    ['an ended wizard', renderStaleSetupCard({ kind: 'ended', status: 'finished' }), /finished/],
    [
      'an older step',
      renderStaleSetupCard({ kind: 'other-step', cardStep: 'register', current: running }),
      /out of date[\s\S]*step 1 of 5[\s\S]*step 4 of 5/,
    ],
    [
      'a running setup',
      renderSetupInProgressCard(running),
      /already in progress[\s\S]*step 4 of 5/,
    ],
    ['a cancelled setup', renderSetupCancelledCard(), /I changed nothing in your tenant/],
    ['no setup', renderNoSetupCard(), /setup pcemail/],
    ['a failure', renderSetupFailedCard(), /nothing was changed/],
  ])('when the answer is about %s, then the card is valid and says so', (_what, card, words) => {
    expectValidCard(card);
    expect(cardText(card)).toMatch(words);
  });
});

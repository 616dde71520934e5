import { executeAction, openUrlAction } from '../../src/cards/adaptive-card';
import { cardSizeBytes, TEAMS_CARD_LIMIT_BYTES } from '../../src/cards/card-size';
import { renderDiagnosisCard, type DiagnosisCardView } from '../../src/cards/diagnosis-card';
import type { CheckResult, Diagnosis } from '../../src/domain/check-result';
import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, blockWithText, cardText, texts } from './card-text';
import {
  allPassingChecks,
  diagnosisOf,
  manyMailboxChecks,
  mixedChecks,
  SIMULATED_TENANT,
} from './diagnoses';

const RUN_AGAIN = { verb: 'pcemail.check', data: { source: 'card' } };
const BANNER =
  'Simulated tenant — these results come from the built-in simulator, not your Microsoft 365 tenant';

function render(diagnosis: Diagnosis, extra: Partial<DiagnosisCardView> = {}) {
  return renderDiagnosisCard({ diagnosis, appName: 'PCEmail', runAgain: RUN_AGAIN, ...extra });
}

/** The status word shown beside the row whose title is `title`. */
function statusOf(card: object, title: string): string | undefined {
  const all = texts(card);
  return all[all.indexOf(title) - 1];
}

/** The hidden container of passed checks. */
function passedContainer(card: { body: { id?: string }[] }) {
  const found = card.body.find((e) => e.id === 'passed-checks');
  if (!found) throw new Error('no passed-checks container');
  return found as { id: string; isVisible?: boolean };
}

describe('renderDiagnosisCard', () => {
  it('when every check passes, then the card is valid, counts 17 passed and shows PASS on every row', () => {
    const card = render(diagnosisOf(allPassingChecks()));

    expectValidCard(card);
    expect(texts(card)[0]).toBe('PCEmail permissions check');
    expect(texts(card)).toContain('17 passed · 0 warnings · 0 failed · 0 skipped');
    expect(blockWithText(card, '17 passed · 0 warnings · 0 failed · 0 skipped')?.color).toBe(
      'good',
    );
    expect(texts(card).filter((t) => t === 'PASS')).toHaveLength(17);
    expect(cardText(card)).not.toMatch(/FAIL|WARN|SKIP|Fix:/);
  });

  it('when the card renders, then it says the tenant and the time checked in UTC, and is full width', () => {
    const card = render(diagnosisOf(allPassingChecks()));

    expect(texts(card)).toContain('Tenant: 72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(texts(card)).toContain('Checked 4 Mar 2025, 09:05 UTC');
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(card.version).toBe('1.5');
  });

  it('when the tenant is live, then there is no simulated banner', () => {
    expect(cardText(render(diagnosisOf(mixedChecks())))).not.toMatch(/[Ss]imulat/);
  });

  it('when the tenant is simulated, then a warning-coloured banner says the results are not from the real tenant', () => {
    const card = render(diagnosisOf(mixedChecks(), SIMULATED_TENANT));

    expectValidCard(card);
    const banner = blockWithText(card, BANNER);
    expect(banner).toMatchObject({ color: 'warning', weight: 'bolder' });
    expect(texts(card).indexOf(BANNER)).toBe(1);
    expect(texts(card)).toContain('Tenant: 11111111-2222-3333-4444-555555555555 (simulated)');
  });

  it('when checks warn and fail, then each shows its status word, id, detail and fix', () => {
    const card = render(diagnosisOf(mixedChecks()));

    expectValidCard(card);
    expect(texts(card)).toContain('12 passed · 2 warnings · 3 failed · 0 skipped');
    expect(blockWithText(card, '12 passed · 2 warnings · 3 failed · 0 skipped')?.color).toBe(
      'attention',
    );
    expect(statusOf(card, 'The secret expires in 12 days')).toBe('WARN');
    expect(statusOf(card, 'Mail.Send has no admin consent')).toBe('FAIL');
    expect(statusOf(card, 'Single tenant')).toBe('PASS');
    expect(blockWithText(card, 'FAIL')?.color).toBe('attention');
    expect(blockWithText(card, 'WARN')?.color).toBe('warning');
    expect(blockWithText(card, 'PASS')?.color).toBe('good');
    const text = cardText(card);
    expect(text).toContain('secret.expiry');
    expect(text).toContain('consent.mail-send');
    expect(text).toContain('No appRoleAssignment to Microsoft Graph for Mail.Send.');
    expect(text).toContain(
      'Fix: A Privileged Role Administrator or Global Administrator selects "Grant admin consent for Contoso" on the API permissions page.',
    );
    expect(text).toContain('mailbox.access · sales@contoso.com');
    expect(text).toContain('mailbox.access · support@contoso.com');
  });

  it('when a check passes, then no fix is shown for it even if one was given', () => {
    const checks = allPassingChecks().map((c) =>
      c.id === 'app.single-tenant' ? { ...c, fix: 'Nothing to do' } : c,
    );

    expect(cardText(render(diagnosisOf(checks)))).not.toContain('Fix:');
  });

  it('when results come in any order, then the passed ones appear under group headings in catalogue order', () => {
    const card = render(diagnosisOf(mixedChecks().reverse()));
    const hidden = passedContainer(card);
    const all = texts(hidden);
    const headings = ['Registration', 'Secret', 'Permissions', 'Consent', 'Mailboxes'];

    const positions = headings.map((h) => all.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const singleTenant = all.findIndex((t) => t.startsWith('app.single-tenant'));
    expect(singleTenant).toBeGreaterThan(all.indexOf('Registration'));
    expect(singleTenant).toBeLessThan(all.indexOf('Secret'));
  });

  it('when checks fail and warn, then the summary and what did not pass come first, failures before warnings, and the passed checks wait behind a toggle', () => {
    const card = render(diagnosisOf(mixedChecks()));
    expectValidCard(card);
    const body = card.body;
    const all = texts(card);
    const summary = all.indexOf('12 passed · 2 warnings · 3 failed · 0 skipped');
    const firstFail = all.indexOf('FAIL');
    const firstWarn = all.indexOf('WARN');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(firstFail);
    expect(firstFail).toBeLessThan(firstWarn);
    // Nothing that passed is in the open part of the card.
    const open = body.filter((e) => e.isVisible !== false && e.type !== 'ActionSet');
    expect(open.flatMap((e) => texts(e))).not.toContain('PASS');

    const show = body.find((e) => e.id === 'show-passed');
    const hide = body.find((e) => e.id === 'hide-passed');
    expect(show).toMatchObject({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: 'Show the 12 passed checks',
          targetElements: ['passed-checks', 'show-passed', 'hide-passed'],
        },
      ],
    });
    expect(show?.isVisible).toBeUndefined();
    expect(hide).toMatchObject({
      isVisible: false,
      actions: [{ title: 'Hide the 12 passed checks' }],
    });
    const hidden = passedContainer(card);
    expect(hidden.isVisible).toBe(false);
    expect(texts(hidden).filter((t) => t === 'PASS')).toHaveLength(12);
    expect(texts(hidden)).not.toContain('FAIL');
  });

  it('when nothing passed, then there is no toggle', () => {
    const checks = mixedChecks().filter((c) => c.status !== 'pass');
    const card = render(diagnosisOf(checks));
    expectValidCard(card);
    expect(actions(card).some((a) => a.type === 'Action.ToggleVisibility')).toBe(false);
  });

  it('when a group has no results, then its heading is left out', () => {
    const checks = allPassingChecks().filter((c) => !c.id.startsWith('mailbox.'));

    expect(texts(render(diagnosisOf(checks)))).not.toContain('Mailboxes');
  });

  it('when checks are skipped, then they show SKIP and the reason', () => {
    const checks: CheckResult[] = [
      {
        id: 'app.registered',
        status: 'fail',
        title: 'No app registration named PCEmail',
        detail: 'Searched by display name.',
        fix: 'Set PCEMAIL_APP_ID or rename the app registration to PCEmail.',
      },
      {
        id: 'secret.present',
        status: 'skip',
        title: 'Not checked',
        detail: 'app registration not found',
        fix: 'Fix app.registered first.',
      },
    ];
    const card = render(diagnosisOf(checks));

    expectValidCard(card);
    expect(statusOf(card, 'Not checked')).toBe('SKIP');
    expect(texts(card)).toContain('0 passed · 0 warnings · 1 failed · 1 skipped');
    expect(cardText(card)).toContain('app registration not found');
  });

  it('when the card renders, then "Run again" is an Action.Execute with the verb and data, followed by the extra actions', () => {
    const consent = executeAction('Request admin consent', 'pcemail.consent.request');
    const docs = openUrlAction('Open API permissions', 'https://entra.microsoft.com/');
    const card = render(diagnosisOf(mixedChecks()), { extraActions: [consent, docs] });

    expectValidCard(card);
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Run again',
        verb: 'pcemail.check',
        data: { source: 'card' },
      },
      consent,
      docs,
    ]);
  });

  it('when run-again has no data, then the action carries only the verb', () => {
    const card = renderDiagnosisCard({
      diagnosis: diagnosisOf(allPassingChecks()),
      appName: 'PCEmail',
      runAgain: { verb: 'pcemail.check' },
    });

    expect(card.actions?.[0]).toEqual({
      type: 'Action.Execute',
      title: 'Run again',
      verb: 'pcemail.check',
    });
  });

  it('when there are 500 mailboxes and 3 fail, then the 3 are listed, the rest counted, and the card fits', () => {
    const card = render(diagnosisOf(manyMailboxChecks(500, 3)));

    expectValidCard(card);
    expect(cardSizeBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    const text = cardText(card);
    expect(text).toContain('mailbox.access · pcemail-queue-001@contoso.onmicrosoft.com');
    expect(text).toContain('mailbox.access · pcemail-queue-003@contoso.onmicrosoft.com');
    expect(text).not.toContain('pcemail-queue-004@');
    expect(texts(passedContainer(card))).toContain('497 mailboxes passed');
    expect(texts(card)).toContain('512 passed · 0 warnings · 3 failed · 0 skipped');
  });

  it('when 500 mailboxes all pass, then one line says so', () => {
    const card = render(diagnosisOf(manyMailboxChecks(500, 0)));

    expectValidCard(card);
    expect(texts(card)).toContain('500 mailboxes passed');
    expect(cardText(card)).not.toContain('pcemail-queue-');
  });

  it('when 500 mailboxes all fail, then some are listed, the rest counted with a pointer to the CLI, and the card fits', () => {
    const card = render(diagnosisOf(manyMailboxChecks(500, 500)));

    expectValidCard(card);
    const listed = texts(card).filter((t) => t.startsWith('mailbox.access · '));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(10);
    expect(texts(card)).toContain(
      `and ${500 - listed.length} more mailboxes did not pass (${500 - listed.length} failed). Run npx pcemail check to list every one.`,
    );
    expect(texts(card)).toContain('15 passed · 0 warnings · 500 failed · 0 skipped');
  });

  it('when exactly 10 mailboxes are configured, then every one is listed', () => {
    const card = render(diagnosisOf(manyMailboxChecks(10, 1)));

    expect(texts(card).filter((t) => t.startsWith('mailbox.access · '))).toHaveLength(10);
  });

  it('when details and fixes are huge, then they are capped and the card still fits', () => {
    const huge = (c: CheckResult): CheckResult => ({
      ...c,
      status: 'fail',
      title: `${c.title} ${'T'.repeat(5_000)}`,
      detail: `**${'detail '.repeat(3_000)}**`,
      fix: `[fix](https://evil) ${'fix '.repeat(3_000)}`,
    });
    const card = render(diagnosisOf(manyMailboxChecks(40, 40).map(huge)));

    expectValidCard(card);
    expect(cardSizeBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    expect(texts(card).every((t) => t.length < 700)).toBe(true);
    expect(cardText(card)).toContain('Some details are shortened');
    expect(texts(card).filter((t) => t === 'FAIL').length).toBeGreaterThanOrEqual(16);
  });

  it('when every text is hostile and multi-byte at the largest sizes, then the card still fits', () => {
    const nasty = '😈[x](http://e)*_<at>'.repeat(2_000);
    const checks = manyMailboxChecks(500, 500).map((c): CheckResult => ({
      ...c,
      title: nasty,
      detail: nasty,
      fix: nasty,
      target: nasty,
    }));
    const card = render(diagnosisOf(checks), { appName: nasty });

    expectValidCard(card);
    expect(cardSizeBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
  });

  it('when tenant strings are hostile, then they render escaped and never as links, mentions or markdown', () => {
    const checks = mixedChecks().map((c): CheckResult =>
      c.target === 'sales@contoso.com'
        ? {
            ...c,
            target: '[sales@contoso.com](http://evil.example)',
            detail: '**Urgent** <at>Admin</at>\nclick https://evil.example',
          }
        : c,
    );
    const card = render(diagnosisOf(checks), { appName: '# PCEmail _prod_' });

    expectValidCard(card);
    const text = cardText(card);
    expect(text).not.toContain('[sales@contoso.com](');
    expect(text).toContain('mailbox.access · \\[sales@contoso.com\\]\\(http:\u2060//evil.example)');
    expect(text).toContain(
      '\\*\\*Urgent\\*\\* \\<at\\>Admin\\</at\\> click https:\u2060//evil.example',
    );
    expect(texts(card)[0]).toBe('\\# PCEmail \\_prod\\_ permissions check');
  });

  it('when the check time is not a valid date, then it is shown as given rather than "Invalid Date"', () => {
    const card = render({ ...diagnosisOf(allPassingChecks()), checkedAt: 'yesterday' });

    expect(texts(card)).toContain('Checked yesterday');
  });

  it('when no checks ran, then the card says so and stays valid', () => {
    const card = render(diagnosisOf([]));

    expectValidCard(card);
    expect(texts(card)).toContain('No checks ran.');
  });
});

import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import {
  acceptedWrites,
  actionData,
  APPROVER,
  cardsPostedTo,
  cardsUpdatedIn,
  chatIdOf,
  clickAs,
  openChat,
  openUrl,
  pcemailGrants,
} from './consent-support';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const JOBS_KEY = 'consent-jobs-key-0123456789abcdef';
// The in-process schedule is off: the tests run the job themselves.
const LINK_MODE = {
  CONSENT_MODE: 'link',
  APPROVERS: APPROVER.aadObjectId,
  JOBS_KEY,
  CONSENT_RECHECK_SCHEDULE: 'off',
};

async function requestAndApprove(h: BotHarness): Promise<Record<string, unknown>> {
  await openChat(h, APPROVER);
  await h.say('check pcemail permissions');
  await h.execute('consent.request', {});
  const posted = cardsPostedTo(h, chatIdOf(APPROVER)).find((c) =>
    cardVerbs(c).includes('consent.approve'),
  )!;
  const { card } = await clickAs(
    h,
    APPROVER,
    'consent.approve',
    actionData(posted, 'consent.approve')!,
  );
  return card;
}

/** An administrator opens the consent page and accepts, in the simulated Entra, over HTTP. */
async function acceptOnConsentPage(url: string): Promise<void> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/Permissions requested/);
  const target = new URL(url);
  const form = new URLSearchParams(target.searchParams);
  form.set('decision', 'accept');
  const accepted = await fetch(`${target.origin}${target.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  // Entra sends the browser back to the app's registered redirect URI with admin_consent=True.
  expect(accepted.status).toBe(302);
  const location = new URL(accepted.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(target.searchParams.get('redirect_uri'));
  expect(location.searchParams.get('admin_consent')).toBe('True');
}

describe('admin consent in link mode, over HTTP against the simulated tenant', () => {
  it('when an approver approves, then the card gives the API permissions page and the tenant’s admin-consent URL with the Graph .default scope', async () => {
    harness = await startHarness({ scenario: 'consent-missing', env: LINK_MODE });
    const card = await requestAndApprove(harness);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/Approved by Grace Approver on .* waiting for the admin consent in Entra/);
    expect(text).toMatch(/Privileged Role Administrator or Global Administrator/);
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    const tenantId = harness.config.tenant.id;
    expect(openUrl(card, 'Open admin consent page')).toBe(
      `${harness.simulator.url}/${tenantId}/v2.0/adminconsent?client_id=${appId}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=${encodeURIComponent('http://localhost:3978/consented')}`,
    );
    expect(openUrl(card, 'Open API permissions in Entra')).toBe(
      `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${appId}/isMSAApp~/false`,
    );
    expect(cardVerbs(card)).toContain('consent.check');
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 0,
      grantCreates: 0,
      grantUpdates: 0,
    });
    // Everyone's copy says it was approved, with the link.
    const update = cardsUpdatedIn(harness, chatIdOf(APPROVER)).at(-1)!;
    expect(cardText(update)).toMatch(/Approved by Grace Approver/);
  });

  it('when "I have consented" is clicked before and after the consent page’s Accept, then it waits and then completes with the consent checks passing', async () => {
    harness = await startHarness({ scenario: 'consent-missing', env: LINK_MODE });
    const card = await requestAndApprove(harness);
    const check = actionData(card, 'consent.check')!;

    const early = await clickAs(harness, APPROVER, 'consent.check', check);
    expectValidCard(early.card);
    expect(cardText(early.card)).toMatch(
      /I do not see the consent yet: User.Read \(delegated\), Mail.ReadWrite \(application\), Mail.Send \(application\) still lack admin consent/,
    );

    await acceptOnConsentPage(openUrl(card, 'Open admin consent page')!);
    expect((await pcemailGrants(harness)).roles).toHaveLength(2);

    harness.connector.clear();
    const done = await clickAs(harness, APPROVER, 'consent.check', check);
    expectValidCard(done.card);
    const text = cardText(done.card);
    expect(text).toMatch(
      /Granted: admin consent found in the tenant on .* \(approved by Grace Approver\)/,
    );
    expect(text).toMatch(/PASS consent\.user-read/);
    expect(text).toMatch(/PASS consent\.mail-send/);
    expect(cardVerbs(done.card)).not.toContain('consent.check');
    expect(cardText(cardsUpdatedIn(harness, chatIdOf(APPROVER)).at(-1))).toMatch(
      /Granted: admin consent found/,
    );
  });

  it('when the consent appears and the consent-requests job runs, then the request completes without anyone clicking', async () => {
    harness = await startHarness({ scenario: 'consent-missing', env: LINK_MODE });
    const card = await requestAndApprove(harness);
    const runJob = async () => {
      const response = await fetch(`${harness!.server.url}/api/jobs/consent-requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${JOBS_KEY}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        ran: boolean;
        summary: string;
        details: Record<string, unknown>;
      };
    };

    expect((await runJob()).details).toMatchObject({ open: 1, completed: 0, expired: 0 });
    await acceptOnConsentPage(openUrl(card, 'Open admin consent page')!);
    harness.connector.clear();
    const report = await runJob();
    expect(report.details).toMatchObject({ open: 1, completed: 1 });

    const updated = cardsUpdatedIn(harness, chatIdOf(APPROVER));
    expect(updated).toHaveLength(1);
    expectValidCard(updated[0]!);
    expect(cardText(updated[0])).toMatch(/Granted: admin consent found in the tenant/);
    expect((await runJob()).details).toMatchObject({ open: 0 });

    harness.connector.clear();
    await harness.say('consent history');
    const history = cardText(harness.connector.cards().at(-1));
    expect(history).toMatch(/CONSENT FOUND — .* — PCEmail Ops/);
    expect(history).toMatch(/APPROVED — .* — Grace Approver/);
    expect(history).toMatch(/REQUESTED — .* — Ada Admin/);
  });
});

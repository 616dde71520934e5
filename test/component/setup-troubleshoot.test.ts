import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

type Card = Record<string, unknown>;

function openUrls(card: unknown): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const r = node as Record<string, unknown>;
    if (r.type === 'Action.OpenUrl') found.push({ title: String(r.title), url: String(r.url) });
    Object.values(r).forEach(walk);
  };
  walk(card);
  return found;
}

async function execute(verb: string, data: Record<string, unknown> = {}): Promise<Card> {
  const { status, body } = await harness!.execute(verb, data);
  expect(status).toBe(200);
  expectValidCard(body.value!);
  return body.value!;
}

describe('troubleshoot, over HTTP', () => {
  it('when an admin types troubleshoot, then a card offers each symptom and a box for an error message', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    await harness.say('troubleshoot');
    const card = harness.connector.cards().at(-1)!;
    expectValidCard(card);
    const text = cardText(card);
    for (const label of [
      'PCEmail cannot sign in',
      'New mail is not picked up',
      'Replies are not sent',
      'PCEmail can read mailboxes it should not',
      'I have an error message',
    ]) {
      expect(text).toContain(label);
    }
    expect(cardVerbs(card)).toEqual(
      expect.arrayContaining(['troubleshoot.symptom', 'troubleshoot.explain']),
    );
  });

  it('when replies are not sent because Mail.Send was never consented, then the card names that cause and its fix, and Re-check sees the repair', async () => {
    harness = await startHarness({ scenario: 'consent-mail-send-missing' });
    const card = await execute('troubleshoot.symptom', { symptom: 'replies-not-sent' });
    const text = cardText(card);
    expect(text).toMatch(
      /Most likely cause: No admin consent for Mail\.Send \(consent\.mail-send\)\. Fix: [^\n]*Grant admin consent/,
    );
    expect(text).toMatch(/FAIL[\s\S]{0,300}token\.roles/);
    expect(text).not.toContain('mailbox.access');
    expect(text).not.toContain('secret.expiry');

    harness.simulator.load('healthy');
    const again = await execute('troubleshoot.symptom', { symptom: 'replies-not-sent' });
    expect(cardText(again)).toMatch(/Every check for this symptom passes/);
    expect(cardText(again)).not.toMatch(/\bFAIL\b/);
  });

  it('when PCEmail can read every mailbox, then the restriction symptom shows mailbox.restricted failing', async () => {
    harness = await startHarness({ scenario: 'unrestricted' });
    const card = await execute('troubleshoot.symptom', { symptom: 'reads-other-mailboxes' });
    expect(cardText(card)).toMatch(/FAIL[\s\S]{0,300}mailbox\.restricted/);
    expect(cardText(card)).toMatch(/wait and re-check/);
  });

  it('when new mail is not picked up because a mailbox is outside the scope group, then mailbox.access fails with the policy fix', async () => {
    harness = await startHarness({ scenario: 'mailbox-out-of-scope' });
    const card = await execute('troubleshoot.symptom', { symptom: 'mail-not-picked-up' });
    const text = cardText(card);
    expect(text).toMatch(/Most likely cause: Blocked by the access policy/);
    expect(text).toMatch(/Add-DistributionGroupMember/);
  });

  it('when an error message is submitted from the card, then every code in it is explained with a Learn more link', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const card = await execute('troubleshoot.explain', {
      errorText:
        '{"error":"invalid_client","error_description":"AADSTS7000229: The client application 3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8 is missing service principal in the tenant."}\n' +
        '{"error":{"code":"ErrorSendAsDenied","message":"The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account."}}',
    });
    const text = cardText(card);
    expect(text).toMatch(/AADSTS7000229: The app has no enterprise application/);
    expect(text).toMatch(/ErrorSendAsDenied: Not allowed to send as this address/);
    expect(openUrls(card).map((l) => l.title)).toEqual(['Learn more', 'Learn more']);
    expect(cardVerbs(card)).toEqual(['troubleshoot.menu']);
  });

  it('when the error box is empty or the symptom is forged, then the menu comes back with a clear word and no check runs', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    harness.simulator.clearRequests();
    const empty = await execute('troubleshoot.explain', { errorText: '   ' });
    expect(cardText(empty)).toMatch(/Paste the error message into the box first/);
    const forged = await execute('troubleshoot.symptom', { symptom: '__proto__' });
    expect(cardText(forged)).toMatch(/I do not know that symptom/);
    expect(harness.simulator.requests()).toHaveLength(0);
  });

  it('when the checks cannot run, then the menu says why and shows no stack trace', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { GRAPH_CLIENT_SECRET: 'Wrong~Inspector.Secret_0000000' },
    });
    const card = await execute('troubleshoot.symptom', { symptom: 'sign-in' });
    const text = cardText(card);
    expect(text).toMatch(/The checks could not run/);
    expect(text).toMatch(/GRAPH_CLIENT_SECRET/);
    expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(JSON.stringify(card)).not.toContain('Wrong~Inspector.Secret_0000000');
  });
});

describe('pasted error text in the chat', () => {
  it('when an admin pastes a Graph access-policy denial, then an explanation card answers with the cause, the fix and a Learn more button', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    await harness.say(
      'Graph said: {"error":{"code":"ErrorAccessDenied","message":"Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.","innerError":{"date":"2025-06-01T12:00:00","request-id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}}}',
    );
    const card = harness.connector.cards().at(-1)!;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/What this error means/);
    expect(text).toMatch(/ErrorAccessDenied: Blocked by the application access policy/);
    expect(text).toMatch(/Cause: /);
    expect(text).toMatch(/Fix: [^\n]*Add-DistributionGroupMember/);
    expect(text).not.toMatch(/Learn more: https/);
    expect(openUrls(card)).toEqual([
      { title: 'Learn more', url: 'https://learn.microsoft.com/graph/auth-limit-mailbox-access' },
    ]);
  });

  it('when the text holds nothing to explain, then the answer suggests the commands', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    await harness.say('my pcemail is broken');
    expect(cardText(harness.connector.cards().at(-1))).toMatch(/"setup pcemail" or "troubleshoot"/);
  });

  it('when help is asked, then the new commands are listed with one line each', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    await harness.say('help');
    const text = cardText(harness.connector.cards().at(-1));
    for (const name of ['setup pcemail', 'continue setup', 'troubleshoot'])
      expect(text).toContain(name);
  });
});

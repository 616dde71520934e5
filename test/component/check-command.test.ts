import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import { CASCADING_SCENARIOS, SCENARIO_EXPECTATIONS } from './scenario-expectations';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** Status word and id as the card shows them, e.g. "FAIL" near "consent.mail-send". */
function rowsOf(card: Record<string, unknown>): string {
  return cardText(card);
}

describe('check pcemail permissions, over HTTP', () => {
  it('when an admin asks in the healthy tenant, then a typing indicator and then a valid card with every passing check reach Teams', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const status = await harness.say('check pcemail permissions');

    expect(status).toBe(200);
    const kinds = harness.connector.sent.map((s) => s.activity.type);
    expect(kinds[0]).toBe('typing');
    const cards = harness.connector.cards();
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expectValidCard(card);
    const text = rowsOf(card);
    expect(text).toMatch(/18 passed/);
    expect(text).toMatch(/0 failed/);
    for (const id of [
      'app.registered',
      'secret.expiry',
      'consent.mail-send',
      'token.roles',
      'mailbox.restricted',
    ]) {
      expect(text).toContain(id);
    }
    expect(text).toMatch(/Simulated tenant/i);
    expect(text).not.toMatch(/FAIL/);
    expect(cardVerbs(card)).toContain('checkPermissions.run');
  });

  it.each([
    ['Check PCEmail Permissions'],
    ['<at>PCEmail Ops</at> check pcemail permissions please'],
    ['  CHECK   pcemail   permissions  now'],
  ])('when the command is written as %j, then it still runs the check', async (text) => {
    harness = await startHarness({ scenario: 'healthy' });
    await harness.say(text);
    expect(cardText(harness.connector.cards()[0])).toMatch(/PCEmail permissions check/);
  });

  const notPassing = { ...SCENARIO_EXPECTATIONS, ...CASCADING_SCENARIOS };
  it.each(Object.entries(notPassing).filter(([, rows]) => rows.length > 0))(
    'when the tenant is the %s scenario, then the card shows each expected status word with its id and a fix',
    async (scenario, expected) => {
      harness = await startHarness({ scenario });
      await harness.say('check pcemail permissions');
      const card = harness.connector.cards()[0]!;
      expectValidCard(card);
      const text = cardText(card);
      for (const row of expected) {
        expect(text).toMatch(
          new RegExp(`${row.status.toUpperCase()}[\\s\\S]{0,400}${row.id.replace('.', '\\.')}`),
        );
      }
      if (expected.some((r) => r.status !== 'pass')) expect(text).toMatch(/Fix:/);
    },
  );

  it('when "Run again" is clicked, then the invoke answers with a refreshed card in the body', async () => {
    harness = await startHarness({ scenario: 'consent-mail-send-missing' });
    await harness.say('check pcemail permissions');
    expect(cardText(harness.connector.cards()[0])).toMatch(/FAIL[\s\S]{0,400}consent\.mail-send/);

    harness.simulator.load('healthy');
    const { status, body } = await harness.execute('checkPermissions.run');
    expect(status).toBe(200);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(body.value!);
    expect(cardText(body.value)).not.toMatch(/FAIL/);
  });

  it('when the inspector cannot sign in, then a plain notice says why and how to fix it, with no stack trace or secret', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { GRAPH_CLIENT_SECRET: 'Wrong~Inspector.Secret_0000000' },
    });
    await harness.say('check pcemail permissions');
    const card = harness.connector.cards()[0]!;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/The checks could not run/);
    expect(text).toMatch(/GRAPH_CLIENT_SECRET/);
    expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(JSON.stringify(harness.connector.sent)).not.toContain('Wrong~Inspector.Secret_0000000');
    expect(harness.logLines.join('')).not.toContain('Wrong~Inspector.Secret_0000000');
  });

  it('when "help" is asked, then every command is listed with a line', async () => {
    harness = await startHarness();
    await harness.say('help');
    const card = harness.connector.cards()[0]!;
    expectValidCard(card);
    expect(cardText(card)).toContain('check pcemail permissions');
    expect(cardText(card)).toContain('help');
  });

  it('when a help button is clicked, then the message carrying its command runs it as if typed', async () => {
    harness = await startHarness();
    await harness.say('help');
    const help = harness.connector.cards()[0]!;
    const button = JSON.stringify(help).match(
      /"title":"check pcemail permissions","data":(\{[^}]*\})/,
    );
    expect(button).not.toBeNull();
    const data = JSON.parse(button![1]!) as { command: string };
    // Teams and the Agents Playground send an Action.Submit as a message with no text: data is the value.
    await harness.say('', { value: data });
    expect(cardText(harness.connector.cards().at(-1)!)).toMatch(/PCEmail permissions check/);
  });

  it('when a forged button value names no command, then it is treated as an empty message', async () => {
    harness = await startHarness();
    await harness.say('', { value: { command: 'check pcemail permissions; rm -rf /' } });
    await harness.say('', { value: { command: 42 } });
    const texts = harness.connector.cards().map((c) => cardText(c));
    expect(texts.join('\n')).not.toMatch(/PCEmail permissions check/);
    expect(harness.simulator.requests()).toHaveLength(0);
  });

  it('when the bot is installed, then a welcome card is sent once', async () => {
    harness = await startHarness();
    const response = await harness.post({
      type: 'conversationUpdate',
      id: 'cu-1',
      channelId: 'msteams',
      serviceUrl: harness.connector.url,
      from: { id: '29:user-1' },
      recipient: { id: '28:pcemail-ops', name: 'PCEmail Ops' },
      conversation: {
        id: 'a:welcome',
        conversationType: 'personal',
        tenantId: harness.config.tenant.id,
      },
      channelData: { tenant: { id: harness.config.tenant.id } },
      membersAdded: [{ id: '28:pcemail-ops' }],
    });
    expect(response.status).toBe(200);
    const cards = harness.connector.cards();
    expect(cards).toHaveLength(1);
    expectValidCard(cards[0]!);
    expect(cardText(cards[0])).toMatch(/check pcemail permissions/);
  });

  it('when someone types something else, then a short "did you mean" with help answers', async () => {
    harness = await startHarness();
    await harness.say('hello there');
    const text = cardText(harness.connector.cards()[0]);
    expect(text).toMatch(/help/);
  });

  it('when an error text is pasted, then its codes are explained', async () => {
    harness = await startHarness();
    await harness.say(
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID"}',
    );
    const card = harness.connector.cards()[0]!;
    expectValidCard(card);
    expect(cardText(card)).toMatch(/AADSTS7000215/);
    expect(cardText(card)).toMatch(/Secret ID|secret ID/i);
  });

  it('when a user from another tenant writes, then a polite refusal answers and no check runs', async () => {
    harness = await startHarness();
    harness.simulator.clearRequests();
    await harness.say('check pcemail permissions', {
      conversation: {
        id: 'a:other',
        conversationType: 'personal',
        tenantId: '11111111-2222-4333-8444-555555555555',
      },
      channelData: { tenant: { id: '11111111-2222-4333-8444-555555555555' } },
    });
    expect(cardText(harness.connector.cards()[0])).toMatch(/not available to your organization/);
    expect(harness.simulator.requests()).toHaveLength(0);
  });
});

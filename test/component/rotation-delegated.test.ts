import { PCEMAIL_APP_ID } from '../../src/simulator/scenarios/healthy-tenant';
import { randomUUID } from 'node:crypto';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { APPROVER, clickAs, openChat, OUTSIDER, type TeamsUser } from './consent-support';
import { dialogCard, dialogInvoke, secretShown, simState, submitData } from './rotation-support';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const LOGIN_REQUEST = 'application/vnd.microsoft.activity.loginRequest';

/** Delegated mode on a tenant where the bot does NOT own PCEmail: only the approver's rights can rotate. */
async function start(consent = true): Promise<BotHarness> {
  h = await startHarness({
    scenario: 'rotation-not-owner',
    env: { CONSENT_MODE: 'delegated', PCEMAIL_APP_ID, APPROVERS: APPROVER.aadObjectId },
  });
  if (consent) {
    const res = await fetch(`${h.simulator.url}/_sim/sso/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: h.config.sso.clientId,
        scopes: ['Application.ReadWrite.All'],
      }),
    });
    expect(res.status).toBe(204);
  }
  return h;
}

async function ssoToken(bot: BotHarness, user: TeamsUser, roles: string[]): Promise<string> {
  const res = await fetch(`${bot.simulator.url}/_sim/sso/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: bot.config.sso.clientId,
      userId: user.aadObjectId,
      displayName: user.name,
      directoryRoles: roles,
    }),
  });
  return ((await res.json()) as { token: string }).token;
}

const withToken = (token: string) => ({
  authentication: { id: randomUUID(), connectionName: '', token },
});

async function rotateNowData(bot: BotHarness): Promise<Record<string, unknown>> {
  await openChat(bot, APPROVER);
  await bot.say('check pcemail permissions', { from: APPROVER });
  const card = bot.connector.cards().at(-1);
  const action = JSON.stringify(card).match(/"verb":"rotation\.begin","data":(\{[^}]*\})/);
  expect(action).not.toBeNull();
  return JSON.parse(action?.[1] ?? '{}') as Record<string, unknown>;
}

const secretsOf = async (bot: BotHarness) =>
  (await simState(bot)).applications.find(
    (a) => a.appId === bot.simulator.scenario.pcemailAppIds[0],
  )?.passwordCredentials ?? [];

describe('CONSENT_MODE=delegated: the rotation acts with the approver’s own rights', () => {
  it('when an Application Administrator rotates, then Teams signs them in, Graph adds the secret with their token, and the value is shown once in a dialog', async () => {
    const bot = await start();
    const data = await rotateNowData(bot);
    const unsigned = await clickAs(bot, APPROVER, 'rotation.begin', data);
    expect(unsigned.body).toMatchObject({ statusCode: 401, type: LOGIN_REQUEST });
    expect(await secretsOf(bot)).toHaveLength(1);

    const token = await ssoToken(bot, APPROVER, ['Application Administrator']);
    const signed = await clickAs(bot, APPROVER, 'rotation.begin', data, withToken(token));
    expectValidCard(signed.card);
    expect(cardText(signed.card)).toMatch(
      /created with your rights[\s\S]*Show the new secret \(once\)/,
    );
    expect(await secretsOf(bot)).toHaveLength(2);
    // Graph saw the approver's delegated token, not the bot's.
    const write = bot.simulator.requests().find((r) => r.path.includes('/addPassword'));
    expect(write?.status).toBe(200);
    expect(JSON.stringify(signed.body)).not.toMatch(/secretText/);

    const reveal = submitData(signed.card).find((d) => d.verb === 'rotation.reveal') ?? {};
    const shown = await dialogInvoke(bot, 'task/fetch', reveal, APPROVER);
    const value = secretShown(dialogCard(shown.body));
    expect(value?.length).toBeGreaterThan(20);
    expect(JSON.stringify(bot.connector.sent)).not.toContain(value);
    expect(bot.logLines.join('\n')).not.toContain(value);
    const again = await dialogInvoke(bot, 'task/fetch', reveal, APPROVER);
    expect(secretShown(dialogCard(again.body))).toBeUndefined();
    expect(cardText(dialogCard(again.body))).toMatch(/no longer here[\s\S]*start over/);
  });

  it('when the approver holds no application role and does not own PCEmail, then Graph’s 403 is explained and nothing is created', async () => {
    const bot = await start();
    const data = await rotateNowData(bot);
    const token = await ssoToken(bot, APPROVER, []);
    const refused = await clickAs(bot, APPROVER, 'rotation.begin', data, withToken(token));
    expect(cardText(refused.card)).toMatch(
      /Insufficient privileges[\s\S]*refused your own rights: only an owner of the PCEmail app registration, an Application Administrator/,
    );
    expect(await secretsOf(bot)).toHaveLength(1);
  });

  it('when the bot has no consent for delegated Application.ReadWrite.All, or a non-approver clicks, then nothing is created and no sign-in is asked of the non-approver', async () => {
    const bot = await start(false);
    const data = await rotateNowData(bot);
    const token = await ssoToken(bot, APPROVER, ['Application Administrator']);
    const refused = await clickAs(bot, APPROVER, 'rotation.begin', data, withToken(token));
    expect(cardText(refused.card)).toMatch(
      /no admin consent[\s\S]*Application\.ReadWrite\.All[\s\S]*AADSTS65001/,
    );
    const outsider = await clickAs(bot, OUTSIDER, 'rotation.begin', data);
    expect(outsider.body.type).not.toBe(LOGIN_REQUEST);
    expect(cardText(outsider.card)).toMatch(/Only an approver/);
    expect(await secretsOf(bot)).toHaveLength(1);
    // An old dialog button does not fall back to the bot's own rights.
    const dialogTry = await dialogInvoke(
      bot,
      'task/fetch',
      { ...data, verb: 'rotation.start' },
      APPROVER,
    );
    expect(cardText(dialogCard(dialogTry.body))).toMatch(/signs you in first/);
  });
});

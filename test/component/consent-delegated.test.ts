import { PCEMAIL_APP_ID } from '../../src/simulator/scenarios/healthy-tenant';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import { FakeTokenService } from '../support/fake-token-service';
import { BotFrameworkAuthority } from '../support/bot-framework-authority';
import { startSimulator } from '../../src/simulator';
import {
  acceptedWrites,
  actionData,
  APPROVER,
  cardsPostedTo,
  chatIdOf,
  clickAs,
  graphWrites,
  MAIL_READWRITE_ROLE,
  MAIL_SEND_ROLE,
  openChat,
  OUTSIDER,
  pcemailGrants,
  SECOND_APPROVER,
  type TeamsUser,
} from './consent-support';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const DELEGATED_MODE = {
  CONSENT_MODE: 'delegated',
  PCEMAIL_APP_ID,
  APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}`,
};
const DELEGATED_SCOPES = [
  'AppRoleAssignment.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
];
const LOGIN_REQUEST = 'application/vnd.microsoft.activity.loginRequest';

/** The bot (read-only in Graph) with admin consent for its delegated scopes, and an open request. */
async function openRequest(
  options: { consentDelegated?: boolean } = {},
): Promise<{ h: BotHarness; approve: Record<string, unknown> }> {
  const h = await startHarness({ scenario: 'consent-missing', env: DELEGATED_MODE });
  harness = h;
  if (options.consentDelegated !== false) {
    const consented = await fetch(`${h.simulator.url}/_sim/sso/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: h.config.sso.clientId, scopes: DELEGATED_SCOPES }),
    });
    expect(consented.status).toBe(204);
  }
  await openChat(h, APPROVER);
  await h.say('check pcemail permissions');
  const checkCard = h.connector.cards().at(-1)!;
  const requested = await h.execute(
    'consent.request',
    actionData(checkCard, 'consent.request') ?? {},
  );
  expect(requested.status).toBe(200);
  const card = cardsPostedTo(h, chatIdOf(APPROVER)).find((c) =>
    cardVerbs(c).includes('consent.approve'),
  );
  if (!card) throw new Error('no request card reached the approver');
  expect(cardText(card)).toMatch(/with your own Microsoft Entra rights/);
  h.simulator.clearRequests();
  return { h, approve: actionData(card, 'consent.approve')! };
}

/** The token Teams single sign-on would hand the bot for this user (minted by the simulated Entra). */
async function ssoToken(
  h: BotHarness,
  user: TeamsUser,
  options: { roles?: string[]; lifetimeSeconds?: number; clientId?: string } = {},
): Promise<string> {
  const response = await fetch(`${h.simulator.url}/_sim/sso/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: options.clientId ?? h.config.sso.clientId,
      userId: user.aadObjectId,
      displayName: user.name,
      directoryRoles: options.roles ?? [],
      ...(options.lifetimeSeconds !== undefined
        ? { lifetimeSeconds: options.lifetimeSeconds }
        : {}),
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function approveAs(h: BotHarness, user: TeamsUser, data: Record<string, unknown>, token?: string) {
  return clickAs(h, user, 'consent.approve', data, {
    ...(token ? { authentication: { id: randomUUID(), connectionName: '', token } } : {}),
  });
}

/** Every file of the file store, as text. */
function readStore(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? readStore(full) : [readFileSync(full, 'utf8')];
  });
}

async function nothingGranted(h: BotHarness): Promise<void> {
  expect(graphWrites(h)).toBe(0);
  expect(await pcemailGrants(h)).toEqual({ roles: [], organizationScopes: [] });
}

describe('admin consent with the approver’s own rights (CONSENT_MODE=delegated), over HTTP', () => {
  it('when an approver clicks Approve without a sign-in, then Teams is asked to sign them in (SSO, sign-in fallback) and nothing changes', async () => {
    const { h, approve } = await openRequest();

    const first = await approveAs(h, APPROVER, approve);
    expect(first.status).toBe(200);
    expect(first.body.statusCode).toBe(401);
    expect(first.body.type).toBe(LOGIN_REQUEST);
    const value = first.body.value as {
      text: string;
      tokenExchangeResource: { id: string; uri: string };
    };
    expect(value.tokenExchangeResource.uri).toBe(`api://botid-${h.config.sso.clientId}`);
    expect(value.tokenExchangeResource.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(value.text).toMatch(/Sign in to approve/);
    await nothingGranted(h);
    expect(h.simulator.requests().filter((r) => r.area === 'entra')).toHaveLength(0);

    // Someone who is not an approver is refused before any sign-in.
    const outsider = await approveAs(h, OUTSIDER, approve);
    expect(outsider.body.statusCode).toBe(200);
    expect(cardText(outsider.card)).toMatch(/not one of the approvers/);
    await nothingGranted(h);
  });

  it('when an approver who is a Privileged Role Administrator approves, then the grant is made with their delegated token and recorded so', async () => {
    const { h, approve } = await openRequest();
    const token = await ssoToken(h, APPROVER, { roles: ['Privileged Role Administrator'] });

    const approved = await approveAs(h, APPROVER, approve, token);
    expectValidCard(approved.card);
    expect(cardText(approved.card)).toMatch(/Granted by Grace Approver/);
    expect(await pcemailGrants(h)).toEqual({
      roles: [MAIL_READWRITE_ROLE, MAIL_SEND_ROLE].sort(),
      organizationScopes: ['User.Read'],
    });
    // One on-behalf-of exchange by the bot's app; every write carried it.
    const entra = h.simulator.requests().filter((r) => r.area === 'entra' && r.method === 'POST');
    expect(entra.filter((r) => r.clientId === h.config.sso.clientId).length).toBeGreaterThanOrEqual(
      1,
    );
    expect(acceptedWrites(h)).toEqual({ roleAssignments: 2, grantCreates: 1, grantUpdates: 0 });

    await h.say('consent history');
    const history = cardText(h.connector.cards().at(-1)!);
    expect(history).toMatch(/approver’s own Microsoft Entra rights/);
    // The approver's token is used for the turn only: never logged, never stored.
    const signature = token.split('.')[2]!;
    expect(h.logLines.join('\n')).not.toContain(signature);
    expect(JSON.stringify(readStore(h.stateDir))).not.toContain(signature);
  });

  it('when an approver without the role approves, then Graph refuses, nothing is stored as granted, the card says who can approve, and an administrator can retry', async () => {
    const { h, approve } = await openRequest();
    const token = await ssoToken(h, APPROVER, { roles: ['User Administrator'] });

    const refused = await approveAs(h, APPROVER, approve, token);
    expectValidCard(refused.card);
    const text = cardText(refused.card);
    expect(text).toMatch(
      /your account is not a Privileged Role Administrator or Global Administrator/,
    );
    expect(text).toMatch(
      /Only a person who is both an approver of PCEmail Ops and a Privileged Role Administrator or Global Administrator/,
    );
    expect(text).toMatch(/Nothing was granted/);
    expect(await pcemailGrants(h)).toEqual({ roles: [], organizationScopes: [] });
    const forbidden = h.simulator
      .requests()
      .filter((r) => r.area === 'graph' && r.method !== 'GET' && r.status === 403);
    expect(forbidden.length).toBeGreaterThan(0);
    expect(acceptedWrites(h)).toEqual({ roleAssignments: 0, grantCreates: 0, grantUpdates: 0 });

    const retry = actionData(refused.card, 'consent.approve');
    expect(retry).toBeDefined();
    const adminToken = await ssoToken(h, SECOND_APPROVER, { roles: ['Global Administrator'] });
    const granted = await approveAs(h, SECOND_APPROVER, retry!, adminToken);
    expect(cardText(granted.card)).toMatch(/Granted by Linus Approver/);
    expect((await pcemailGrants(h)).roles).toHaveLength(2);
  });

  it.each([
    ['an expired sign-in', { lifetimeSeconds: -3600 }, /expired before I could use it/],
    [
      'a token for another app',
      { clientId: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d' },
      /issued for another app/,
    ],
  ])(
    'when Teams sends %s, then the card says so and nothing is granted',
    async (_name, options, message) => {
      const { h, approve } = await openRequest();
      const token = await ssoToken(h, APPROVER, { roles: ['Global Administrator'], ...options });
      const answer = await approveAs(h, APPROVER, approve, token);
      expect(answer.body.statusCode).toBe(200);
      expect(cardText(answer.card)).toMatch(message);
      expect(cardText(answer.card)).toMatch(/Nothing was granted/);
      expect(cardVerbs(answer.card)).toContain('consent.approve');
      await nothingGranted(h);
    },
  );

  it('when the token is forged or the bot lacks consent for its delegated scopes, then the card says why and nothing is granted', async () => {
    const { h, approve } = await openRequest({ consentDelegated: false });
    const token = await ssoToken(h, APPROVER, { roles: ['Global Administrator'] });
    const [head, body] = token.split('.');
    const forged = `${head}.${body}.${Buffer.from('not the signature').toString('base64url')}`;

    const foreign = await approveAs(h, APPROVER, approve, forged);
    expect(cardText(foreign.card)).toMatch(/did not accept the sign-in token/);
    const noConsent = await approveAs(h, APPROVER, approve, token);
    expect(cardText(noConsent.card)).toMatch(/AADSTS65001/);
    expect(cardText(noConsent.card)).toMatch(
      /has no admin consent for its delegated Microsoft Graph permissions/,
    );
    await nothingGranted(h);
  });

  it.each([
    ['throttled', { throttle: 1, entra: true }, /throttling sign-ins/],
    ['down', { unavailable: 1, entra: true }, /could not be reached/],
  ])(
    'when Entra is %s during the exchange, then the card says to try again and nothing is granted',
    async (_name, faults, message) => {
      const { h, approve } = await openRequest();
      const token = await ssoToken(h, APPROVER, { roles: ['Global Administrator'] });
      h.simulator.setFaults(faults);
      const answer = await approveAs(h, APPROVER, approve, token);
      expect(cardText(answer.card)).toMatch(message);
      expect(cardText(answer.card)).toMatch(/Nothing was granted/);
      h.simulator.setFaults({});
      await nothingGranted(h);

      const again = await approveAs(h, APPROVER, approve, token);
      expect(cardText(again.card)).toMatch(/Granted by Grace Approver/);
    },
  );

  it('when two approvers approve at the same moment, then the permissions are granted once', async () => {
    const { h, approve } = await openRequest();
    await openChat(h, SECOND_APPROVER);
    const [first, second] = await Promise.all([
      ssoToken(h, APPROVER, { roles: ['Global Administrator'] }),
      ssoToken(h, SECOND_APPROVER, { roles: ['Privileged Role Administrator'] }),
    ]);
    h.simulator.clearRequests();

    const answers = await Promise.all([
      approveAs(h, APPROVER, approve, first),
      approveAs(h, SECOND_APPROVER, approve, second),
    ]);
    for (const answer of answers) expect(answer.body.statusCode).toBe(200);
    expect(acceptedWrites(h)).toEqual({ roleAssignments: 2, grantCreates: 1, grantUpdates: 0 });
    expect((await pcemailGrants(h)).roles).toHaveLength(2);
    const texts = answers.map((a) => cardText(a.card)).join('\n');
    expect(texts).toMatch(
      /Granted by (Grace|Linus) Approver|being granted|granting these permissions right now/i,
    );
  });

  it('when Teams sends signin/tokenExchange, then a usable token is accepted (200) and anything else answered 412 so Teams shows the sign-in button', async () => {
    const { h } = await openRequest();
    const token = await ssoToken(h, APPROVER, { roles: [] });
    const exchange = async (value: Record<string, unknown>) => {
      const response = await h.post({
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: h.connector.url,
        from: APPROVER,
        recipient: { id: '28:pcemail-ops', name: 'PCEmail Ops' },
        conversation: {
          id: chatIdOf(APPROVER),
          conversationType: 'personal',
          tenantId: h.config.tenant.id,
        },
        channelData: { tenant: { id: h.config.tenant.id } },
        type: 'invoke',
        name: 'signin/tokenExchange',
        value,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const ok = await exchange({ id: 'x1', connectionName: 'sso', token });
    expect(ok).toEqual({ status: 200, body: { id: 'x1', connectionName: 'sso' } });
    const bad = await exchange({ id: 'x2', connectionName: 'sso', token: 'not-a-token' });
    expect(bad.status).toBe(412);
    expect(bad.body.failureDetail).toMatch(/could not be exchanged/);
    await nothingGranted(h);
  });
});

describe('the sign-in button fallback through the Azure Bot’s OAuth connection', () => {
  let tokenService: FakeTokenService | undefined;
  let authority: BotFrameworkAuthority | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
    await tokenService?.stop();
    await authority?.stop();
    tokenService = undefined;
    authority = undefined;
  });

  it('when silent sign-in is not possible, then the sign-in request carries the sign-in button, and the magic code Teams sends back signs the approver in', async () => {
    tokenService = await new FakeTokenService().start();
    authority = await new BotFrameworkAuthority().start();
    const signer = authority;
    // An OAuth connection belongs to a registered bot: BOT_ID is set, so activities are signed. The
    // SSO app is the simulated tenant's bot app (its identity is the same in every scenario).
    const probe = await startSimulator({ scenario: 'consent-missing' });
    const { GRAPH_CLIENT_ID = '', GRAPH_CLIENT_SECRET = '' } = probe.productEnv();
    await probe.close();
    const h = await startHarness({
      scenario: 'consent-missing',
      env: {
        ...DELEGATED_MODE,
        ...authority.env(),
        SSO_CLIENT_ID: GRAPH_CLIENT_ID,
        SSO_CLIENT_SECRET: GRAPH_CLIENT_SECRET,
        SSO_CONNECTION_NAME: 'approver-sso',
        BOT_TOKEN_SERVICE_URL: tokenService.url.replace(/\/$/, ''),
      },
      authorization: (activity) => `Bearer ${signer.token(activity)}`,
    });
    harness = h;
    await fetch(`${h.simulator.url}/_sim/sso/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: h.config.sso.clientId, scopes: DELEGATED_SCOPES }),
    });
    await openChat(h, APPROVER);
    await h.say('check pcemail permissions');
    await h.execute(
      'consent.request',
      actionData(h.connector.cards().at(-1)!, 'consent.request') ?? {},
    );
    const card = cardsPostedTo(h, chatIdOf(APPROVER)).find((c) =>
      cardVerbs(c).includes('consent.approve'),
    )!;
    const approve = actionData(card, 'consent.approve')!;

    const first = await approveAs(h, APPROVER, approve);
    expect(first.body.statusCode).toBe(401);
    const value = first.body.value as {
      connectionName: string;
      buttons: { type: string; value: string }[];
    };
    expect(value.connectionName).toBe('approver-sso');
    expect(value.buttons).toEqual([
      expect.objectContaining({
        type: 'signin',
        value: expect.stringContaining(`${tokenService.url}signin?state=`),
      }),
    ]);
    expect(tokenService.requests).toContain('GET /api/botsignin/GetSignInResource');
    await nothingGranted(h);

    // The approver signed in with the button; Teams sends the click again with the magic code.
    tokenService.codes.set(
      '246810',
      await ssoToken(h, APPROVER, { roles: ['Global Administrator'] }),
    );
    const wrongCode = await clickAs(h, APPROVER, 'consent.approve', approve, { state: '999999' });
    expect(wrongCode.body.statusCode).toBe(401);
    const signedIn = await clickAs(h, APPROVER, 'consent.approve', approve, { state: '246810' });
    expect(cardText(signedIn.card)).toMatch(/Granted by Grace Approver/);
    expect((await pcemailGrants(h)).roles).toHaveLength(2);
  });
});

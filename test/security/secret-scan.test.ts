import { runCli } from '../../src/cli';
import { startSimulator } from '../../src/simulator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import {
  advanceSignIns,
  cardText,
  dialogCard,
  dialogInvoke,
  secretShown,
  submitData,
} from '../component/rotation-support';
import { APPROVER, clickAs, openChat } from '../component/consent-support';
import { PCEMAIL_APP_ID } from '../../src/simulator/scenarios/healthy-tenant';
import { BotFrameworkAuthority, TEST_BOT_PASSWORD } from '../support/bot-framework-authority';

const WRONG_INSPECTOR_SECRET = 'Wrong~Inspector.Secret_Known_0042';

/** Everything that left the product during the flows, to be scanned. */
const outputs: { where: string; text: string }[] = [];
/** Every secret value and token that existed during the flows. */
const secrets = new Set<string>([TEST_BOT_PASSWORD, WRONG_INSPECTOR_SECRET]);

/** The new secret values addPassword returned, in order. */
const addedValues: string[] = [];

let authority: BotFrameworkAuthority;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  authority = await new BotFrameworkAuthority().start();
  // Captures the access tokens Entra (the simulator) issues to the product, without changing them.
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/oauth2/v2.0/token') && response.ok) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { access_token?: string };
      if (body.access_token) secrets.add(body.access_token);
    }
    // Every new secret value Graph (the simulator) hands out, shown to anyone or not.
    if (url.includes('/addPassword') && response.ok) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { secretText?: string };
      if (body.secretText) {
        secrets.add(body.secretText);
        addedValues.push(body.secretText);
      }
    }
    return response;
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await authority.stop();
});

/**
 * A bot with inbound auth on (off with `inboundAuth: false`, where the flow needs Teams SSO for the
 * simulator's own app), the given tenant scenario; records what it emitted when stopped.
 */
async function withBot(
  scenario: string,
  env: Record<string, string>,
  flows: (bot: BotHarness) => Promise<void>,
  now?: () => Date,
  inboundAuth = true,
): Promise<void> {
  const bot = await startHarness({
    scenario,
    ...(now ? { now } : {}),
    env: inboundAuth ? { ...authority.env(), ...env } : env,
    ...(inboundAuth
      ? {
          authorization: (activity: Record<string, unknown>) => {
            const token = authority.token(activity);
            secrets.add(token);
            return `Bearer ${token}`;
          },
        }
      : {}),
  });
  for (const [name, value] of Object.entries(bot.simulator.productEnv())) {
    if (name.endsWith('_SECRET')) secrets.add(value);
  }
  try {
    await flows(bot);
  } finally {
    outputs.push(
      { where: `${scenario}: replies to Teams`, text: JSON.stringify(bot.connector.sent) },
      { where: `${scenario}: log lines`, text: bot.logLines.join('') },
      {
        where: `${scenario}: simulator request URLs`,
        text: bot.simulator
          .requests()
          .map((r) => r.path)
          .join('\n'),
      },
      { where: `${scenario}: store files`, text: storeFiles(bot.stateDir) },
    );
    await bot.stop();
  }
}

/** Every file the state store wrote, as text. */
function storeFiles(dir: string): string {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(`${full}\n${readFileSync(full, 'utf8')}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

async function record(where: string, response: Response): Promise<void> {
  outputs.push({
    where,
    text: `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`,
  });
}

describe('secrets never leave in a reply, a log line, a URL or an error', () => {
  it.each(['healthy', 'demo', 'secret-id-pasted', 'consent-missing', 'mailbox-out-of-scope'])(
    'when the %s tenant is checked (chat, Run again, help, a pasted error, install), then the flows complete',
    async (scenario) => {
      await withBot(scenario, {}, async (bot) => {
        expect(await bot.say('check pcemail permissions')).toBe(200);
        const invoke = await bot.execute('checkPermissions.run');
        outputs.push({ where: `${scenario}: invoke body`, text: JSON.stringify(invoke.body) });
        expect(invoke.status).toBe(200);
        expect(await bot.say('help')).toBe(200);
        expect(
          await bot.say(
            '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}',
          ),
        ).toBe(200);
        const install = await bot.post({
          type: 'conversationUpdate',
          id: 'install-1',
          channelId: 'msteams',
          serviceUrl: bot.connector.url,
          from: { id: '29:user-1' },
          recipient: { id: '28:pcemail-ops' },
          conversation: {
            id: 'a:install',
            conversationType: 'personal',
            tenantId: bot.config.tenant.id,
          },
          channelData: { tenant: { id: bot.config.tenant.id } },
          membersAdded: [{ id: '28:pcemail-ops' }],
        });
        expect(install.status).toBe(200);
        await record(`${scenario}: /readyz`, await fetch(`${bot.server.url}/readyz`));
        expect(bot.connector.cards().length).toBeGreaterThanOrEqual(4);
      });
    },
  );

  it('when the inspector’s secret is wrong, then the check, /readyz and the logs say so without the secret', async () => {
    await withBot('healthy', { GRAPH_CLIENT_SECRET: WRONG_INSPECTOR_SECRET }, async (bot) => {
      await bot.say('check pcemail permissions');
      const readiness = await fetch(`${bot.server.url}/readyz`);
      expect(readiness.status).toBe(503);
      await record('wrong secret: /readyz', readiness);
      const unauthorized = await fetch(`${bot.server.url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TEST_BOT_PASSWORD}.x.y`,
        },
        body: '{}',
      });
      await record('wrong secret: refused request', unauthorized);
    });
  });

  it('when the CLI runs (right and wrong secrets, text and JSON), then stdout and stderr hold no secret', async () => {
    const sim = await startSimulator({ scenario: 'demo' });
    try {
      const base = {
        ...sim.productEnv(),
        GRAPH_RETRY_AFTER_CAP_SECONDS: '0',
        BOT_PASSWORD: TEST_BOT_PASSWORD,
      };
      for (const [args, env] of [
        [['check', '--json'], base],
        [['check'], base],
        [['check', '--json'], { ...base, GRAPH_CLIENT_SECRET: WRONG_INSPECTOR_SECRET }],
        [['check'], { ...base, PCEMAIL_CLIENT_SECRET: WRONG_INSPECTOR_SECRET }],
      ] as const) {
        let out = '';
        await runCli([...args], env, {
          stdout: { write: (t: string) => (out += t) },
          stderr: { write: (t: string) => (out += t) },
        });
        outputs.push({ where: `cli ${args.join(' ')}`, text: out });
      }
      outputs.push({
        where: 'cli: simulator request URLs',
        text: sim
          .requests()
          .map((r) => r.path)
          .join('\n'),
      });
    } finally {
      await sim.close();
    }
  });

  it('when PCEmail’s secret is rotated (dialog, saved, watch, remove), then the new value appears only in the one dialog answer', async () => {
    let time = Date.now();
    await withBot(
      'rotation',
      { APPROVERS: TEST_USER.aadObjectId },
      async (bot) => {
        const invokes: unknown[] = [];
        await bot.say('check pcemail permissions');
        const rotate =
          submitData(bot.connector.cards().at(-1)).find((d) => d.verb === 'rotation.start') ?? {};
        const opened = await dialogInvoke(bot, 'task/fetch', rotate);
        const value = secretShown(dialogCard(opened.body)) ?? '';
        expect(value.length).toBeGreaterThan(20);
        // The scan would find it: the dialog answer (left out of the outputs) holds it verbatim.
        expect(opened.raw).toContain(value);
        secrets.add(value);
        const saved = submitData(dialogCard(opened.body)).find((d) => d.verb === 'rotation.saved');
        invokes.push((await dialogInvoke(bot, 'task/submit', saved ?? {})).body);
        time += 15 * 60_000;
        await advanceSignIns(bot, 15);
        invokes.push((await bot.execute('rotation.check', { appId: rotate.appId })).body);
        time += 25 * 3_600_000;
        await advanceSignIns(bot, 25 * 60);
        invokes.push((await bot.execute('rotation.check', { appId: rotate.appId })).body);
        const removed = await bot.execute('rotation.removeOld', { appId: rotate.appId });
        expect(JSON.stringify(removed.body)).toMatch(/old secret was removed/);
        invokes.push(removed.body);
        await bot.say('check pcemail permissions');
        outputs.push({
          where: 'rotation: invoke bodies but the dialog',
          text: JSON.stringify(invokes),
        });
      },
      () => new Date(time),
    );
  });

  it('when PCEmail’s secret is rotated with the approver’s rights (CONSENT_MODE=delegated: begin, discard, begin again, show once), then the value waiting in memory reaches only the one dialog', async () => {
    await withBot(
      'rotation-not-owner',
      { CONSENT_MODE: 'delegated', PCEMAIL_APP_ID, APPROVERS: APPROVER.aadObjectId },
      async (bot) => {
        const post = (url: string, body: unknown) =>
          fetch(`${bot.simulator.url}${url}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        await post('/_sim/sso/consent', {
          clientId: bot.config.sso.clientId,
          scopes: ['Application.ReadWrite.All'],
        });
        const sso = (await (
          await post('/_sim/sso/token', {
            clientId: bot.config.sso.clientId,
            userId: APPROVER.aadObjectId,
            displayName: APPROVER.name,
            directoryRoles: ['Application Administrator'],
          })
        ).json()) as { token: string };
        secrets.add(sso.token);
        const signedIn = { authentication: { id: 'sso-1', connectionName: '', token: sso.token } };
        const invokes: unknown[] = [];
        const click = async (verb: string, data: Record<string, unknown>) => {
          const answer = await clickAs(bot, APPROVER, verb, data, signedIn);
          invokes.push(answer.body);
          return answer;
        };
        const beginData = (card: unknown) =>
          JSON.parse(
            JSON.stringify(card).match(/"verb":"rotation\.begin","data":(\{[^}]*\})/)?.[1] ?? '{}',
          ) as Record<string, unknown>;

        await openChat(bot, APPROVER);
        await bot.say('check pcemail permissions', { from: APPROVER });
        const data = beginData(bot.connector.cards().at(-1));
        const addedBefore = addedValues.length;
        // Created, never shown, then discarded: the waiting value is dropped with it.
        const first = await click('rotation.begin', data);
        expect(cardText(first.card)).toMatch(/created with your rights/);
        expect(addedValues).toHaveLength(addedBefore + 1);
        const firstReveal = submitData(first.card).find((d) => d.verb === 'rotation.reveal');
        const discarded = await click('rotation.discardNew', { appId: data.appId });
        expect(cardText(discarded.card)).toMatch(/unsaved new secret was deleted/);
        const gone = await dialogInvoke(bot, 'task/fetch', firstReveal ?? {}, APPROVER);
        invokes.push(gone.body);
        expect(secretShown(dialogCard(gone.body))).toBeUndefined();
        // Created again and shown once: the dialog answer (left out of the outputs) holds it.
        const second = await click('rotation.begin', beginData(discarded.card));
        const reveal = submitData(second.card).find((d) => d.verb === 'rotation.reveal') ?? {};
        const shown = await dialogInvoke(bot, 'task/fetch', reveal, APPROVER);
        const value = secretShown(dialogCard(shown.body)) ?? '';
        expect(value.length).toBeGreaterThan(20);
        expect(addedValues).toHaveLength(addedBefore + 2);
        expect(addedValues.at(-1)).toBe(value);
        const again = await dialogInvoke(bot, 'task/fetch', reveal, APPROVER);
        invokes.push(again.body);
        expect(secretShown(dialogCard(again.body))).toBeUndefined();
        outputs.push({
          where: 'delegated rotation: invoke bodies but the one dialog',
          text: JSON.stringify(invokes),
        });
      },
      undefined,
      false,
    );
  });

  it('when everything above is scanned, then no secret, password or token appears anywhere', () => {
    for (const token of authority.issuedTokens) secrets.add(token);
    const simulatorTokens = [...secrets].filter((s) => s.startsWith('eyJ'));
    expect(simulatorTokens.length).toBeGreaterThan(5);
    expect(outputs.length).toBeGreaterThan(20);
    expect(outputs.some((o) => o.where.endsWith('log lines') && o.text.length > 1000)).toBe(true);
    const needles = [...secrets].flatMap((secret) =>
      // A token also must not appear in part: its signature alone is a credential's proof.
      secret.startsWith('eyJ') ? [secret, secret.split('.')[2] ?? secret] : [secret],
    );
    const leaks = outputs.flatMap((output) =>
      needles
        .filter((needle) => needle.length >= 8 && output.text.includes(needle))
        .map((needle) => `${output.where}: ${needle.slice(0, 12)}…`),
    );
    expect(leaks).toEqual([]);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectValidCard } from '../support/adaptive-card-validator';
import { FileStateStore } from '../../src/store';
import {
  advance,
  cardText,
  checkCard,
  dialogCard,
  dialogInvoke,
  OTHER_USER,
  secretShown,
  simState,
  startRotationHarness,
  submitData,
  type Started,
} from './rotation-support';

let started: Started | undefined;
afterEach(async () => {
  await started?.h.stop();
  started = undefined;
});

async function begin(scenario: string, env: Record<string, string> = {}, start = {}) {
  started = await startRotationHarness(scenario, env, start);
  const check = await checkCard(started.h);
  const rotate = submitData(check).find((d) => d.verb === 'rotation.start') ?? {};
  return { s: started, h: started.h, check, rotate };
}

const secretsOf = async (s: Started) =>
  (await simState(s.h)).applications.find(
    (a) => a.appId === s.h.simulator.scenario.pcemailAppIds[0],
  )?.passwordCredentials ?? [];

const addPasswordCalls = (s: Started) =>
  s.h.simulator.requests().filter((r) => r.method === 'POST' && r.path.includes('/addPassword'));

async function auditSteps(s: Started): Promise<string[]> {
  const store = new FileStateStore(s.h.stateDir);
  const keys = await store.list('rotation/audit/');
  const records = await Promise.all(
    keys.map((k) => store.get<{ step: string; outcome: string }>(k)),
  );
  return records.map((r) => `${r?.value.step}:${r?.value.outcome}`);
}

describe('guided secret rotation: refusals and failures, over HTTP', () => {
  it('when someone who is not an approver chooses Rotate now, then the dialog refuses and nothing is created', async () => {
    const { s, h, rotate } = await begin('rotation');
    const answer = await dialogInvoke(h, 'task/fetch', rotate, OTHER_USER);
    expect(cardText(dialogCard(answer.body))).toMatch(/Only an approver/);
    expect(secretShown(dialogCard(answer.body))).toBeUndefined();
    expect(addPasswordCalls(s)).toHaveLength(0);
    expect(await secretsOf(s)).toHaveLength(1);
    expect(await auditSteps(s)).toEqual(['start:refused']);
  });

  it('when the bot does not own PCEmail, then Graph’s 403 is shown with its request id, nothing is created, and Rotate now can be retried', async () => {
    const { s, h, rotate } = await begin('rotation-not-owner');
    const first = await dialogInvoke(h, 'task/fetch', rotate);
    const text = cardText(dialogCard(first.body));
    expect(text).toMatch(/did not create the new secret: Insufficient privileges/);
    expect(text).toMatch(/Application\.ReadWrite\.OwnedBy and must be an owner/);
    expect(text).toMatch(/Graph request id: [0-9a-f-]{36}/);
    expect(await secretsOf(s)).toHaveLength(1);
    const again = await dialogInvoke(h, 'task/fetch', rotate);
    expect(cardText(dialogCard(again.body))).toMatch(/did not create the new secret/);
    expect(addPasswordCalls(s)).toHaveLength(2);
    expect(await auditSteps(s)).toEqual(['add-password:failed', 'add-password:failed']);
  });

  it('when two clicks on Rotate now arrive at once, then exactly one secret is created and the other click is told a rotation is under way', async () => {
    const { s, h, rotate } = await begin('rotation');
    const [a, b] = await Promise.all([
      dialogInvoke(h, 'task/fetch', rotate),
      dialogInvoke(h, 'task/fetch', rotate),
    ]);
    const shown = [a, b].map((x) => secretShown(dialogCard(x.body))).filter(Boolean);
    expect(shown).toHaveLength(1);
    expect([a, b].map((x) => cardText(dialogCard(x.body))).join('\n')).toMatch(/already under way/);
    expect(addPasswordCalls(s)).toHaveLength(1);
    expect(await secretsOf(s)).toHaveLength(2);
  });

  it('when the dialog was closed before the value was saved, then the card deletes that new secret and Rotate now starts over', async () => {
    const { s, h, rotate } = await begin('rotation');
    await dialogInvoke(h, 'task/fetch', rotate);
    const created = (await secretsOf(s)).at(-1);
    const card = h.connector.cards().at(-1);
    expect(cardText(card)).toMatch(/value is lost: delete that new secret and start over/);
    const answer = await h.execute('rotation.discardNew', { appId: rotate.appId });
    expect(cardText(answer.body.value)).toMatch(/unsaved new secret was deleted/);
    expect((await secretsOf(s)).map((c) => c.keyId)).not.toContain(created?.keyId);
    expect(await secretsOf(s)).toHaveLength(1);
    const restart = submitData(answer.body.value).find((d) => d.verb === 'rotation.start') ?? {};
    const again = await dialogInvoke(h, 'task/fetch', restart);
    expect(secretShown(dialogCard(again.body))).toBeDefined();
    expect(await auditSteps(s)).toEqual(
      expect.arrayContaining(['delete-new-secret:done', 'add-password:done']),
    );
  });

  it('when the approver chose "I have saved it", then the card no longer offers to start over', async () => {
    const { h, rotate } = await begin('rotation');
    const opened = await dialogInvoke(h, 'task/fetch', rotate);
    const saved =
      submitData(dialogCard(opened.body)).find((d) => d.verb === 'rotation.saved') ?? {};
    const submitted = await dialogInvoke(h, 'task/submit', saved);
    expect(JSON.stringify(submitted.body)).toMatch(/"type":"message"/);
    const answer = await h.execute('rotation.check', { appId: rotate.appId });
    expect(cardText(answer.body.value)).not.toMatch(/value is lost/);
  });

  it('when Graph fails to remove the old secret, then the card shows the request id, keeps the old secret, and the retry removes it; the rotation survives a restart', async () => {
    const { s, h, rotate } = await begin('rotation');
    await dialogInvoke(h, 'task/fetch', rotate);
    await h.restart();
    await advance(s, 15);
    await h.execute('rotation.check', { appId: rotate.appId });
    await advance(s, 25 * 60);
    h.simulator.setFaults({ failWrites: 10 });
    const failed = await h.execute('rotation.removeOld', { appId: rotate.appId });
    expect(cardText(failed.body.value)).toMatch(
      /did not remove the secret[\s\S]*request id [0-9a-f-]{36}/,
    );
    expect(cardText(failed.body.value)).toMatch(/Remove old secret/);
    expect(await secretsOf(s)).toHaveLength(2);
    h.simulator.setFaults({});
    const retried = await h.execute('rotation.removeOld', { appId: rotate.appId });
    expect(cardText(retried.body.value)).toMatch(/old secret was removed/);
    expect(await secretsOf(s)).toHaveLength(1);
    expect(await auditSteps(s)).toEqual(
      expect.arrayContaining(['remove-old-secret:failed', 'remove-old-secret:done']),
    );
  });

  it('when the tenant has no Entra ID P1/P2 licence, then the check says so once, and the rotation asks the admin to confirm each step and says nothing was verified', async () => {
    const { s, h, check, rotate } = await begin('rotation-no-licence');
    const text = cardText(check);
    expect(text.match(/Entra ID P1 or P2 licence/g)).toHaveLength(1);
    expect(text).not.toMatch(/last used/);
    await dialogInvoke(h, 'task/fetch', rotate);
    const card = h.connector.cards().at(-1);
    expectValidCard(card ?? {});
    expect(cardText(card)).toMatch(/Nothing here was verified/);
    let answer = await h.execute('rotation.confirmInUse', { appId: rotate.appId });
    expect(cardText(answer.body.value)).toMatch(/uses the new secret[\s\S]*confirmed by Ada Admin/);
    answer = await h.execute('rotation.confirmQuiet', { appId: rotate.appId });
    expect(cardText(answer.body.value)).toMatch(/Remove old secret/);
    answer = await h.execute('rotation.removeOld', { appId: rotate.appId });
    expect(cardText(answer.body.value)).toMatch(/old secret was removed/);
    expect(await secretsOf(s)).toHaveLength(1);
    expect(await auditSteps(s)).toEqual(
      expect.arrayContaining(['in-use-confirmed:done', 'quiet-confirmed:done']),
    );
  });

  it('when a tampered Rotate now names another app or an unknown secret, then nothing is created', async () => {
    const { s, h, rotate } = await begin('rotation');
    const other = await dialogInvoke(h, 'task/fetch', {
      ...rotate,
      appId: h.config.inspector.clientId,
    });
    expect(cardText(dialogCard(other.body))).toMatch(/only the PCEmail app registration/);
    const unknown = await dialogInvoke(h, 'task/fetch', { ...rotate, keyRef: 'ffffffff' });
    expect(cardText(dialogCard(unknown.body))).toMatch(/no longer on the PCEmail app registration/);
    const garbage = await dialogInvoke(h, 'task/fetch', { ...rotate, keyRef: '<script>' });
    expect(cardText(dialogCard(garbage.body))).toMatch(/not one PCEmail Ops recognises/);
    expect(addPasswordCalls(s)).toHaveLength(0);
  });
});

describe('the new value written to Key Vault (PCEMAIL_SECRET_KEYVAULT_URL)', () => {
  let vault: http.Server | undefined;
  const received: { method: string; url: string; auth: string; body: string }[] = [];
  let answerStatus = 200;
  beforeEach(async () => {
    received.length = 0;
    answerStatus = 200;
    vault = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          auth: req.headers.authorization ?? '',
          body,
        });
        res.writeHead(answerStatus, {
          'content-type': 'application/json',
          'x-ms-request-id': 'kv-req-1',
        });
        res.end(
          answerStatus === 200
            ? JSON.stringify({ id: 'x', attributes: { enabled: true } })
            : JSON.stringify({ error: { code: 'Forbidden', message: 'denied' } }),
        );
      });
    });
    await new Promise<void>((resolve) => vault?.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => vault?.close(() => resolve()));
  });

  const vaultEnv = () => ({
    PCEMAIL_SECRET_KEYVAULT_URL: `http://127.0.0.1:${(vault?.address() as AddressInfo).port}/secrets/pcemail-secret`,
  });
  const vaultToken = { vaultToken: (scope: string) => Promise.resolve(`kv-token-for ${scope}`) };

  it('when Key Vault accepts, then the value is written there with the managed identity’s token and the dialog says nothing else is needed', async () => {
    const { h, rotate } = await begin('rotation', vaultEnv(), vaultToken);
    const opened = await dialogInvoke(h, 'task/fetch', rotate);
    const value = secretShown(dialogCard(opened.body));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'PUT',
      url: '/secrets/pcemail-secret?api-version=7.5',
      auth: 'Bearer kv-token-for https://vault.azure.net/.default',
    });
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({ value });
    expect(cardText(dialogCard(opened.body))).toMatch(/written to its Key Vault secret/);
  });

  it('when Key Vault refuses, then the dialog says who must update the bot, and the failure is audited with its request id', async () => {
    answerStatus = 403;
    const { s, h, rotate } = await begin('rotation', vaultEnv(), vaultToken);
    const opened = await dialogInvoke(h, 'task/fetch', rotate);
    expect(secretShown(dialogCard(opened.body))).toBeDefined();
    expect(cardText(dialogCard(opened.body))).toMatch(
      /writing the Key Vault secret failed \(Key Vault answered HTTP 403 Forbidden \(request id kv-req-1\)\)[\s\S]*must put the new value into the PCEmail secret setting[\s\S]*PCEMAIL_CLIENT_SECRET/,
    );
    expect(await auditSteps(s)).toEqual(expect.arrayContaining(['key-vault-write:failed']));
  });
});

import { expectValidCard } from '../support/adaptive-card-validator';
import { TEST_USER } from '../support/bot-harness';
import {
  advance,
  cardText,
  checkCard,
  dialogCard,
  dialogInvoke,
  secretShown,
  simState,
  startRotationHarness,
  submitData,
  type Started,
} from './rotation-support';
import { FileStateStore } from '../../src/store';
import { inChannel, JOBS_KEY, postsTo, runJob } from '../monitor/support/notification-helpers';

let started: Started | undefined;
afterEach(async () => {
  await started?.h.stop();
  started = undefined;
});

const pcemailSecrets = async (s: Started) =>
  (await simState(s.h)).applications.find(
    (a) => a.appId === s.h.simulator.scenario.pcemailAppIds[0],
  )?.passwordCredentials ?? [];

describe('guided secret rotation, over HTTP against the simulated tenant', () => {
  it('shows which secret is in use, rotates through a dialog, watches the switch and removes the old secret only once it is quiet', async () => {
    started = await startRotationHarness('rotation');
    const s = started;
    const { h } = s;
    const [old] = await pcemailSecrets(s);

    // 1. The check card: per secret, when it was last used, and Rotate now (20 days left).
    const check = await checkCard(h);
    expectValidCard(check);
    expect(cardText(check)).toMatch(/Secrets in use[\s\S]*last used/);
    const rotate = submitData(check).find((d) => d.verb === 'rotation.start');
    expect(rotate).toMatchObject({
      msteams: { type: 'task/fetch' },
      keyRef: old?.keyId.slice(0, 8),
    });

    // 2. Rotate now: the dialog shows the value once; the chat gets a card without it.
    const before = h.connector.sent.length;
    const opened = await dialogInvoke(h, 'task/fetch', rotate ?? {});
    expect(opened.status).toBe(200);
    const dialog = dialogCard(opened.body);
    expectValidCard(dialog ?? {});
    const value = secretShown(dialog) ?? '';
    expect(value.length).toBeGreaterThanOrEqual(30);
    expect(cardText(dialog)).toMatch(/shown this once/);
    expect(cardText(dialog)).toMatch(/PCEMAIL_CLIENT_SECRET/);
    const secrets = await pcemailSecrets(s);
    expect(secrets).toHaveLength(2);
    const created = secrets.find((c) => c.keyId !== old?.keyId);
    expect(created?.displayName).toMatch(
      /PCEmail Ops rotation \d{4}-\d\d-\d\d \d\d:\d\d UTC by Ada Admin/,
    );
    const posted = h.connector.sent.slice(before);
    expect(JSON.stringify(posted)).not.toContain(value);
    const rotationCard = h.connector.cards().at(-1);
    expectValidCard(rotationCard ?? {});
    expect(cardText(rotationCard)).toMatch(
      /new secret created[\s\S]*Value shown to\s+Ada Admin, once/,
    );
    expect(cardText(rotationCard)).toMatch(/Delete the new secret and start over/);

    // 3. Emplifi Agent switches 10 minutes later: until then the rotation waits.
    let answer = await h.execute('rotation.check', { appId: created && rotate?.appId });
    expect(cardText(answer.body.value)).toMatch(/Waiting for Emplifi Agent/);
    await advance(s, 15);
    answer = await h.execute('rotation.check', { appId: rotate?.appId });
    expect(cardText(answer.body.value)).toMatch(/Emplifi Agent uses the new secret/);
    expect(cardText(answer.body.value)).not.toMatch(/Remove old secret/);

    // Remove old secret before the quiet hours: refused, nothing removed.
    answer = await h.execute('rotation.removeOld', { appId: rotate?.appId });
    expect(cardText(answer.body.value)).toMatch(/cannot be removed yet/);
    expect(await pcemailSecrets(s)).toHaveLength(2);

    // 4. The old secret quiet for 24 hours: Remove old secret is offered, removes it, re-checks.
    await advance(s, 25 * 60);
    answer = await h.execute('rotation.check', { appId: rotate?.appId });
    expectValidCard(answer.body.value ?? {});
    expect(cardText(answer.body.value)).toMatch(/quiet long enough[\s\S]*Remove old secret/);
    answer = await h.execute('rotation.removeOld', { appId: rotate?.appId });
    expect(cardText(answer.body.value)).toMatch(/old secret was removed/);
    expect((await pcemailSecrets(s)).map((c) => c.keyId)).toEqual([created?.keyId]);

    // The check card now lists only the new secret, in use, with no Rotate now (12 months left).
    const after = await checkCard(h);
    expect(cardText(after)).toMatch(/last used/);
    expect(submitData(after).filter((d) => d.verb === 'rotation.start')).toHaveLength(0);

    // Every step is audited, and nothing stored holds the value.
    const store = new FileStateStore(h.stateDir);
    const audit = await store.list('rotation/audit/');
    const steps = await Promise.all(
      audit.map(async (k) => (await store.get<{ step: string; outcome: string }>(k))?.value),
    );
    expect(steps.map((x) => `${x?.step}:${x?.outcome}`)).toEqual(
      expect.arrayContaining(['add-password:done', 'in-use:done', 'remove-old-secret:done']),
    );
    expect(h.logLines.join('\n')).not.toContain(value);
    expect(TEST_USER.name).toBe('Ada Admin');
  });

  it('when the reminder is due, then it says when the secret was last used and offers Rotate now; once the old secret is removed, its reminders stop', async () => {
    started = await startRotationHarness('rotation', { JOBS_KEY });
    const s = started;
    const { h } = s;
    const ADMINS = '19:pcemail-admins@thread.tacv2';
    await h.say('notify here', inChannel(h, ADMINS));
    await runJob(h, 'secret-expiry');
    const [reminder] = postsTo(h.connector, ADMINS).filter((c) =>
      /client secret expires in/.test(cardText(c)),
    );
    expectValidCard(reminder ?? {});
    expect(cardText(reminder)).toMatch(/Last used \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    const rotate = submitData(reminder).find((d) => d.verb === 'rotation.start');
    expect(rotate).toBeDefined();

    const opened = await dialogInvoke(h, 'task/fetch', rotate ?? {});
    expect(secretShown(dialogCard(opened.body))).toBeDefined();
    await advance(s, 15);
    await h.execute('rotation.check', { appId: rotate?.appId });
    await advance(s, 25 * 60);
    await h.execute('rotation.check', { appId: rotate?.appId });
    const removed = await h.execute('rotation.removeOld', { appId: rotate?.appId });
    expect(cardText(removed.body.value)).toMatch(/old secret was removed/);

    // Days later the old secret would have crossed the next thresholds: nothing more is posted.
    const before = postsTo(h.connector, ADMINS).length;
    s.clock.set(s.clock.now().getTime() + 10 * 86_400_000);
    const report = await runJob(h, 'secret-expiry');
    expect(report.ran).toBe(true);
    expect(postsTo(h.connector, ADMINS)).toHaveLength(before);
  });
});

import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

type Card = Record<string, unknown>;

/** The wizard reference every wizard button carries, read from the card as Teams would send it. */
function refOf(card: Card): { wizardId: string; step: string } {
  const found: { wizardId: string; step: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const data = record.data as Record<string, unknown> | undefined;
    if (record.type === 'Action.Execute' && typeof data?.wizardId === 'string') {
      found.push({ wizardId: data.wizardId, step: String(data.step) });
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  if (!found[0]) throw new Error('card has no wizard button');
  return found[0];
}

/** The value an Input.Text shows. */
function inputValue(card: Card, id: string): string | undefined {
  let value: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Input.Text' && record.id === id)
      value = record.value as string | undefined;
    Object.values(record).forEach(walk);
  };
  walk(card);
  return value;
}

async function click(verb: string, card: Card, inputs: Record<string, string> = {}): Promise<Card> {
  const { status, body } = await harness!.execute(verb, { ...refOf(card), ...inputs });
  expect(status).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const next = body.value as Card;
  expectValidCard(next);
  return next;
}

async function startWizard(): Promise<Card> {
  await harness!.say('setup pcemail');
  const card = harness!.connector.cards().at(-1)!;
  expectValidCard(card);
  return card;
}

describe('setup pcemail, over HTTP', () => {
  it('when the healthy tenant is walked from start to finish, then every step verifies with only passing results and the summary holds what Emplifi Agent needs', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const tenantId = harness.config.tenant.id;
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    const mailboxes = harness.simulator.scenario.mailboxes;

    let card = await startWizard();
    expect(cardText(card)).toMatch(/step 1 of 5[\s\S]*Register the PCEmail app/);
    // The served tenant is shown, not asked for.
    expect(cardText(card)).toContain(`Directory (tenant) ID: ${tenantId} — the tenant I check.`);
    expect(inputValue(card, 'tenantId')).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('"id":"tenantId"');
    expect(cardVerbs(card)).toEqual(
      expect.arrayContaining(['setup.verify', 'setup.next', 'setup.cancel']),
    );

    const expectedIds: Record<string, string[]> = {
      'step 1 of 5': ['app.registered', 'app.single-tenant', 'app.service-principal'],
      'step 2 of 5': ['secret.present', 'secret.expiry', 'secret.works'],
      'step 3 of 5': [
        'permission.user-read',
        'permission.mail-readwrite',
        'permission.mail-send',
        'permission.least-privilege',
      ],
      'step 4 of 5': [
        'consent.user-read',
        'consent.mail-readwrite',
        'consent.mail-send',
        'token.roles',
      ],
      'step 5 of 5': ['mailbox.access', 'mailbox.restricted'],
    };
    const inputsFor: Record<string, Record<string, string>> = {
      'step 1 of 5': { appId },
      'step 5 of 5': {
        mailboxes: mailboxes.join(', '),
        scopeGroup: 'pcemail-mailboxes@contoso.example',
      },
    };
    for (const [step, ids] of Object.entries(expectedIds)) {
      expect(cardText(card)).toContain(step);
      card = await click('setup.verify', card, inputsFor[step] ?? {});
      const text = cardText(card);
      expect(text).toContain(`Verification of ${step.replace(' of 5', '')}`);
      for (const id of ids) expect(text).toContain(id);
      // An ID typed in the card is not the bot's setting, and step 1 has no earlier step.
      expect(text).not.toMatch(/PCEMAIL_APP_ID|PCEmail app ID setting|earlier step/);
      expect(text).not.toMatch(/\b(FAIL|WARN|SKIP)\b/);
      expect(text).toMatch(/\bPASS\b/);
      card = await click('setup.next', card, inputsFor[step] ?? {});
    }

    const summary = cardText(card);
    expect(summary).toMatch(/summary/i);
    expect(summary).toContain(appId);
    expect(summary).toContain(tenantId);
    for (const mailbox of mailboxes) expect(summary).toContain(mailbox);
    expect(summary).toMatch(/value starts with "[^"]+", expires \d{4}-\d{2}-\d{2}/);
    expect(summary).toContain('Last full check');
    expect(summary).not.toMatch(/\b(FAIL|WARN|SKIP)\b/);
    const secret = harness.simulator.productEnv().PCEMAIL_CLIENT_SECRET!;
    expect(JSON.stringify(card)).not.toContain(secret);
    expect(JSON.stringify(harness.connector.sent)).not.toContain(secret);

    const done = await click('setup.done', card);
    expect(cardText(done)).toMatch(/setup finished/i);
    expect(cardVerbs(done)).toEqual([]);
  });

  it('when the restriction step is reached, then it offers both command sets with the tenant’s app id, enterprise app id and the typed group, and says which way Microsoft recommends', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    let card = await startWizard();
    for (let i = 0; i < 4; i++) card = await click('setup.next', card);
    expect(cardText(card)).toContain('step 5 of 5');
    card = await click('setup.verify', card, {
      scopeGroup: 'pcemail-mailboxes@contoso.example',
      mailboxes: 'support@contoso.example',
    });
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    const rbac = inputValue(card, 'script.rbac')!;
    const policy = inputValue(card, 'script.accessPolicy')!;
    expect(policy).toContain(
      `New-ApplicationAccessPolicy -AppId '${appId}' -PolicyScopeGroupId 'pcemail-mailboxes@contoso.example' -AccessRight RestrictAccess -Description`,
    );
    expect(policy).toContain(
      `Test-ApplicationAccessPolicy -Identity 'support@contoso.example' -AppId '${appId}'`,
    );
    expect(rbac).toMatch(
      new RegExp(
        `New-ServicePrincipal -AppId '${appId}' -ObjectId '[0-9a-f-]{36}' -DisplayName 'PCEmail'`,
      ),
    );
    expect(rbac).toContain(`-Role "Application Mail.ReadWrite"`);
    expect(rbac).toContain(`-Role "Application Mail.Send"`);
    expect(rbac).toContain(
      `Test-ServicePrincipalAuthorization -Identity '${appId}' -Resource 'support@contoso.example'`,
    );
    const text = cardText(card);
    expect(text).toMatch(/Microsoft now recommends RBAC for Applications/);
    expect(text).toMatch(/must be a mail-enabled security group/);
    expect(text).toMatch(/an hour or more/);
  });

  it('when two registrations are named PCEmail, then the typed App ID picks one for this wizard’s checks, and typed mailboxes replace the configured ones', async () => {
    harness = await startHarness({ scenario: 'app-duplicate' });
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    let card = await startWizard();
    card = await click('setup.verify', card, { tenantId: '', appId: '' });
    expect(cardText(card)).toMatch(/WARN[\s\S]{0,300}app\.registered/);

    card = await click('setup.verify', card, { tenantId: '', appId });
    expect(cardText(card)).toMatch(/PASS[\s\S]{0,300}app\.registered/);
    expect(cardText(card)).not.toMatch(/\bWARN\b/);

    for (let i = 0; i < 4; i++) card = await click('setup.next', card, i === 0 ? { appId } : {});
    card = await click('setup.verify', card, {
      mailboxes: 'sales@contoso.example',
      scopeGroup: 'pcemail-mailboxes@contoso.example',
    });
    const rows = cardText(card).match(/mailbox\.access · \S+/g);
    expect(rows).toEqual(['mailbox.access · sales@contoso.example']);
    card = await click('setup.next', card, {
      mailboxes: 'sales@contoso.example',
      scopeGroup: 'pcemail-mailboxes@contoso.example',
    });
    expect(cardText(card)).toContain(appId);
    expect(cardText(card)).toMatch(/Mailboxes\nsales@contoso\.example\n/);
  });

  it('when Mail.Send consent is missing, then the consent step fails with the fix', async () => {
    harness = await startHarness({ scenario: 'consent-mail-send-missing' });
    let card = await startWizard();
    for (let i = 0; i < 3; i++) card = await click('setup.next', card);
    expect(cardText(card)).toContain('step 4 of 5');
    card = await click('setup.verify', card);
    const text = cardText(card);
    expect(text).toMatch(/FAIL[\s\S]{0,300}consent\.mail-send/);
    expect(text).toMatch(/Fix: [^\n]*Grant admin consent/);
    expect(text).toMatch(/PASS[\s\S]{0,300}consent\.mail-readwrite/);
  });

  it('when the App ID is one character short, then the card refuses it next to the field, keeps every other input, and saves nothing', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const tenantId = harness.config.tenant.id;
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    const card = await startWizard();
    harness.simulator.clearRequests();

    const refused = await click('setup.verify', card, { appId: appId.slice(0, -1) });
    const text = cardText(refused);
    expect(text).toMatch(/Application \(client\) ID has 35 characters, a GUID has 36/);
    expect(text).toMatch(/Nothing was saved/);
    expect(text).toContain(`Directory (tenant) ID: ${tenantId}`);
    expect(inputValue(refused, 'appId')).toBe(appId.slice(0, -1));
    expect(harness.simulator.requests()).toHaveLength(0);

    // Nothing was stored: continue setup shows empty fields at step 1.
    await harness.say('continue setup');
    const shown = harness.connector.cards().at(-1)!;
    expect(cardText(shown)).toContain('step 1 of 5');
    expect(inputValue(shown, 'appId')).toBeUndefined();
  });

  it('when an old card still sends a Tenant ID, then it is ignored: the wizard checks the tenant it serves and moves on', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    const card = await startWizard();
    const next = await click('setup.next', card, {
      tenantId: '11111111-2222-4333-8444-555555555555',
      appId,
    });
    const text = cardText(next);
    expect(text).toContain('step 2 of 5');
    expect(text).not.toMatch(/not the tenant I am set up for/);
  });

  it('when the bot restarts mid-wizard, then continue setup shows the same step with the same inputs, and the old card still works', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const tenantId = harness.config.tenant.id;
    const appId = harness.simulator.scenario.pcemailAppIds[0]!;
    let card = await startWizard();
    card = await click('setup.next', card, { appId });
    card = await click('setup.next', card);
    expect(cardText(card)).toContain('step 3 of 5');

    await harness.restart();
    await harness.say('continue setup');
    const resumed = harness.connector.cards().at(-1)!;
    expectValidCard(resumed);
    expect(cardText(resumed)).toContain('step 3 of 5');
    expect(refOf(resumed)).toEqual(refOf(card));

    const back = await click('setup.back', card);
    const backAgain = await click('setup.back', back);
    expect(cardText(backAgain)).toContain('step 1 of 5');
    expect(cardText(backAgain)).toContain(`Directory (tenant) ID: ${tenantId}`);
    expect(inputValue(backAgain, 'appId')).toBe(appId);
  });

  it('when a card of an older step is clicked, then it says so and changes nothing', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const first = await startWizard();
    const second = await click('setup.next', first);
    expect(cardText(second)).toContain('step 2 of 5');

    const stale = await click('setup.next', first);
    expect(cardText(stale)).toMatch(
      /out of date[\s\S]*step 1 of 5[\s\S]*step 2 of 5[\s\S]*Nothing was changed/,
    );
    expect(cardVerbs(stale)).toEqual(['setup.show']);

    const { body } = await harness.execute('setup.show');
    expectValidCard(body.value!);
    expect(cardText(body.value)).toContain('step 2 of 5');
  });

  it('when the setup was cancelled, then its cards answer that it was cancelled and nothing moves', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const card = await startWizard();
    const cancelled = await click('setup.cancel', card);
    expect(cardText(cancelled)).toMatch(/Setup cancelled/);
    const late = await click('setup.next', card);
    expect(cardText(late)).toMatch(/This setup was cancelled[\s\S]*Nothing was changed/);
    await harness.say('continue setup');
    expect(cardText(harness.connector.cards().at(-1))).toMatch(/cancelled/);
  });

  it('when setup pcemail is typed while a setup runs, then it offers to continue or start over, and a card of the replaced wizard is refused', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const first = await startWizard();
    await click('setup.next', first);
    await harness.say('setup pcemail');
    const offer = harness.connector.cards().at(-1)!;
    expectValidCard(offer);
    expect(cardText(offer)).toMatch(/already in progress[\s\S]*step 2 of 5/);
    expect(cardVerbs(offer)).toEqual(['setup.show', 'setup.startOver']);

    const fresh = await click('setup.startOver', offer);
    expect(cardText(fresh)).toContain('step 1 of 5');
    expect(refOf(fresh).wizardId).not.toBe(refOf(first).wizardId);
    const old = await click('setup.verify', first);
    expect(cardText(old)).toMatch(/earlier setup/);
  });

  it('when the action data is forged (unknown step, missing wizard), then nothing changes and no stack trace is shown', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    await startWizard();
    for (const data of [{}, { wizardId: 'x', step: 'nope' }, { wizardId: 42, step: null }]) {
      const { status, body } = await harness.execute('setup.next', data);
      expect(status).toBe(200);
      expectValidCard(body.value!);
      const text = cardText(body.value);
      expect(text).toMatch(/earlier setup|no setup in progress/i);
      expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    await harness.say('continue setup');
    expect(cardText(harness.connector.cards().at(-1))).toContain('step 1 of 5');
  });
});

describe('setup pcemail with RBAC for Applications, over HTTP', () => {
  it('when RBAC for Applications restricts PCEmail correctly, then the consent and restriction steps verify with only passing results', async () => {
    harness = await startHarness({ scenario: 'rbac-restricted' });
    const mailboxes = harness.simulator.scenario.mailboxes;
    let card = await startWizard();
    for (let i = 0; i < 3; i++) card = await click('setup.next', card);
    expect(cardText(card)).toContain('step 4 of 5');
    card = await click('setup.verify', card);
    let text = cardText(card);
    for (const id of ['consent.mail-readwrite', 'consent.mail-send', 'token.roles']) {
      expect(text).toMatch(new RegExp(`PASS[\\s\\S]{0,300}${id.replace('.', '\\.')}`));
    }
    expect(text).not.toMatch(/\b(FAIL|WARN|SKIP)\b/);

    card = await click('setup.next', card);
    card = await click('setup.verify', card, {
      mailboxes: mailboxes.join(', '),
      scopeGroup: 'pcemail-mailboxes@contoso.example',
    });
    text = cardText(card);
    expect(text).toMatch(/PASS[\s\S]{0,300}mailbox\.restricted/);
    expect(text).not.toMatch(/\b(FAIL|WARN|SKIP)\b/);
    expect(text).toMatch(/My checks recognise RBAC for Applications and pass/);
    expect(text).not.toMatch(/report them missing/);
  });
});

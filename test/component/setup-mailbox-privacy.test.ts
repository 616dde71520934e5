import { EXTRA_MAILBOXES_PER_CLICK } from '../../src/domain/setup';
import { APPROVER } from './consent-support';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

type Card = Record<string, unknown>;

function refOf(card: Card): { wizardId: string; step: string } {
  let found: { wizardId: string; step: string } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    const data = record.data as Record<string, unknown> | undefined;
    if (record.type === 'Action.Execute' && typeof data?.wizardId === 'string') {
      found = { wizardId: data.wizardId, step: String(data.step) };
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error('card has no wizard button');
  return found;
}

async function click(h: BotHarness, verb: string, card: Card, inputs: Record<string, string> = {}) {
  const { status, body } = await h.execute(verb, { ...refOf(card), ...inputs });
  expect(status).toBe(200);
  const next = body.value as Card;
  expectValidCard(next);
  return next;
}

/** The wizard at its mailbox step (step 5), walked with Next. */
async function mailboxStep(h: BotHarness): Promise<Card> {
  await h.say('setup pcemail');
  let card = h.connector.cards().at(-1)!;
  const appId = h.simulator.scenario.pcemailAppIds[0]!;
  card = await click(h, 'setup.next', card, { tenantId: h.config.tenant.id, appId });
  for (let i = 0; i < 3; i++) card = await click(h, 'setup.next', card);
  expect(cardText(card)).toContain('step 5 of 5');
  return card;
}

/** Distinct mailboxes the bot read as PCEmail (the simulator's request log). */
function probedMailboxes(h: BotHarness): Set<string> {
  const probed = new Set<string>();
  for (const request of h.simulator.requests()) {
    const paths = [request.path, ...(request.batch ?? []).map((item) => item.url)];
    for (const path of paths) {
      const match = /\/users\/([^/?]+)\/(?:mailFolders|messages)/.exec(path);
      if (match) probed.add(decodeURIComponent(match[1]!).toLowerCase());
    }
  }
  return probed;
}

const OTHERS = Array.from({ length: 8 }, (_, i) => `someone${i + 1}@contoso.example`);

describe('setup wizard mailbox checks and who may see what', () => {
  it('when a non-approver types the PCEmail mailboxes and 8 others, then at most 5 others are checked and each row says reachable or not, with no counts', async () => {
    harness = await startHarness({ scenario: 'healthy', env: { APPROVERS: APPROVER.aadObjectId } });
    const configured = harness.config.pcemail.mailboxes;
    const card = await mailboxStep(harness);
    harness.simulator.clearRequests();
    const verified = await click(harness, 'setup.verify', card, {
      mailboxes: [...configured, ...OTHERS].join(', '),
      scopeGroup: 'pcemail-mailboxes@contoso.example',
    });
    const text = cardText(verified);
    expect(text).toMatch(/Reachable/);
    expect(text).toMatch(/Not reachable/);
    expect(text).not.toMatch(/unread|\d+ items?\b|No such user|ErrorInvalidUser/);
    expect(text).toMatch(/3 of the mailboxes you typed were not checked/);
    const probed = probedMailboxes(harness);
    for (const extra of OTHERS.slice(EXTRA_MAILBOXES_PER_CLICK))
      expect(probed).not.toContain(extra);
    expect(probed.size).toBeLessThanOrEqual(configured.length + EXTRA_MAILBOXES_PER_CLICK + 1);
  });

  it('when an approver types the same, then every mailbox is checked and Graph’s full answer is shown', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { APPROVERS: TEST_USER.aadObjectId },
    });
    const configured = harness.config.pcemail.mailboxes;
    const card = await mailboxStep(harness);
    harness.simulator.clearRequests();
    const verified = await click(harness, 'setup.verify', card, {
      mailboxes: [...configured, ...OTHERS].join(', '),
      scopeGroup: 'pcemail-mailboxes@contoso.example',
    });
    expect(cardText(verified)).toMatch(/No such user[\s\S]*ErrorInvalidUser/);
    const probed = probedMailboxes(harness);
    for (const extra of OTHERS) expect(probed).toContain(extra);
  });
});

import type { AdaptiveCard } from '../../src/cards';
import { CARD_VERBS, type CardVerb } from '../../src/cards/card-verbs';
import { cardActions } from '../../src/bot/actions';
import { execute, type CardData } from '../../src/bot/actions/card-action';
import { accept, refuse } from '../../src/bot/actions/card-data';
import { registerActions } from '../../src/bot/actions/register-actions';
import type { Bot } from '../../src/bot/bot';
import type { BotDeps } from '../../src/bot/bot-deps';
import type { RotationPorts } from '../../src/app/rotation/rotation-ports';

type Handler = (context: unknown, state: unknown, data: unknown) => Promise<unknown>;

/** A stand-in for teams-ai's Application that keeps what was registered. */
function fakeApp() {
  const executes = new Map<string, Handler>();
  const dialogs = new Map<string, Handler>();
  const submits = new Map<string, Handler>();
  const app = {
    adaptiveCards: { actionExecute: (verb: string, h: Handler) => executes.set(verb, h) },
    taskModules: {
      fetch: (verb: string, h: Handler) => dialogs.set(verb, h),
      submit: (verb: string, h: Handler) => submits.set(verb, h),
    },
  } as unknown as Bot;
  return { app, executes, dialogs, submits };
}

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

function depsFor(consentMode: BotDeps['consentMode'], delegatedRotation: boolean): BotDeps {
  const rotation = {
    ...(delegatedRotation ? { delegated: { exchange: jest.fn(), writerFor: jest.fn() } } : {}),
  } as unknown as RotationPorts;
  return { consentMode, rotation, logger, now: () => new Date(0) } as unknown as BotDeps;
}

function allVerbs(): CardVerb[] {
  return Object.values(CARD_VERBS).flatMap((group) => Object.values(group));
}

describe('the card-action registry', () => {
  it('registers each verb at most once, and every verb of card-verbs.ts in one of the modes', () => {
    const seen = new Set<string>();
    for (const [mode, delegated] of [
      ['grant', false],
      ['delegated', true],
    ] as const) {
      const verbs = cardActions(depsFor(mode, delegated)).map((a) => a.verb);
      expect(new Set(verbs).size).toBe(verbs.length);
      verbs.forEach((v) => seen.add(v));
    }
    expect([...seen].sort()).toEqual(allVerbs().sort());
  });

  it('answers refused data with one plain card and never calls the handler', async () => {
    const run = jest.fn((): Promise<AdaptiveCard> => Promise.resolve({} as AdaptiveCard));
    const { app, executes } = fakeApp();
    registerActions(app, depsFor('grant', false), [
      execute(
        CARD_VERBS.consent.approve,
        (data: CardData) =>
          typeof data.requestId === 'string'
            ? accept({ id: data.requestId })
            : refuse({ title: 'Refused', lines: ['Not a card of mine.'] }),
        run,
      ),
    ]);
    const handler = executes.get(CARD_VERBS.consent.approve)!;
    for (const data of [{ requestId: { $gt: '' } }, null, 'text', [1, 2], undefined]) {
      const answer = (await handler({}, {}, data)) as AdaptiveCard;
      expect(JSON.stringify(answer)).toContain('Not a card of mine.');
    }
    expect(run).not.toHaveBeenCalled();
    await handler({}, {}, { requestId: 'r-1' });
    expect(run).toHaveBeenCalledWith({}, { id: 'r-1' });
  });

  it.each([
    [CARD_VERBS.consent.approve, { requestId: '../../consent/requests/x' }],
    [CARD_VERBS.consent.reject, { requestId: 'r'.repeat(500) }],
    [CARD_VERBS.consent.check, {}],
    [CARD_VERBS.notify.snooze, { keyId: 'k', reminder: 'not an object' }],
    [CARD_VERBS.rotation.check, { appId: '../x' }],
    [CARD_VERBS.rotation.removeOld, { appId: 42 }],
  ])('the parser of %s refuses tampered data (case %#)', (verb, data) => {
    const action = cardActions(depsFor('grant', false)).find((a) => a.verb === verb)!;
    expect(action.parse(data).ok).toBe(false);
  });

  it('the parser of rotation.start refuses a button without an 8-character key reference', () => {
    const action = cardActions(depsFor('grant', false)).find(
      (a) => a.verb === CARD_VERBS.rotation.start,
    )!;
    const appId = '11111111-2222-4333-8444-555555555555';
    expect(action.parse({ appId, keyRef: 'abc' }).ok).toBe(false);
    expect(action.parse({ appId, keyRef: '0123abcd' })).toEqual({
      ok: true,
      value: { appId, keyRef: '0123abcd' },
    });
  });
});

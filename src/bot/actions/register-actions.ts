import { renderNoticeCard } from '../../cards';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import type { CardAction, CardData, Refusal } from './card-action';
import { CardFactory } from 'botbuilder';

/**
 * Registers each action with teams-ai. The card data is parsed by the verb's own parser first; a
 * refusal is answered with one plain card (or dialog) and the handler is not called. Verbs nobody
 * registered are answered by teams-ai without running anything.
 */
export function registerActions(app: Bot, deps: BotDeps, actions: readonly CardAction[]): void {
  for (const action of actions) {
    const parse = (data: unknown) => {
      const parsed = action.parse(asData(data));
      if (!parsed.ok) {
        deps.logger.info({ verb: action.verb }, 'card data refused before its handler');
      }
      return parsed;
    };
    switch (action.kind) {
      case 'execute':
        app.adaptiveCards.actionExecute<CardData>(action.verb, async (context, _state, data) => {
          const parsed = parse(data);
          return parsed.ok ? action.run(context, parsed.value) : refusalCard(parsed.refusal);
        });
        break;
      case 'dialog':
        app.taskModules.fetch<CardData>(action.verb, async (context, _state, data) => {
          const parsed = parse(data);
          if (parsed.ok) return action.run(context, parsed.value);
          return {
            title: action.dialogTitle ?? parsed.refusal.title,
            width: 'medium',
            height: 'medium',
            card: CardFactory.adaptiveCard(refusalCard(parsed.refusal)),
          };
        });
        break;
      case 'dialog-submit':
        app.taskModules.submit<CardData>(action.verb, async (context, _state, data) => {
          const parsed = parse(data);
          return parsed.ok ? action.run(context, parsed.value) : parsed.refusal.lines.join(' ');
        });
        break;
    }
  }
}

function refusalCard(refusal: Refusal) {
  return renderNoticeCard({ title: refusal.title, lines: refusal.lines, tone: 'warning' });
}

function asData(value: unknown): CardData {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as CardData)
    : {};
}

import type { TurnContext } from 'botbuilder';
import { explainErrorText, MAX_EXPLAINED_TEXT } from '../../domain';
import { findSymptom } from '../../domain/setup';
import type { AdaptiveCard } from '../../cards';
import {
  renderExplanationCard,
  renderTroubleshootMenuCard,
  renderTroubleshootResultCard,
  TROUBLESHOOT_VERBS,
  type CardNotice,
} from '../../cards/setup';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { runChecks } from '../../app/setup/wizard-checks';

type Data = Record<string, unknown>;

/** `troubleshoot` */
export async function handleTroubleshoot(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, menu(deps));
}

export function registerTroubleshootActions(app: Bot, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<Data>(TROUBLESHOOT_VERBS.menu, () => Promise.resolve(menu(deps)));
  app.adaptiveCards.actionExecute<Data>(
    TROUBLESHOOT_VERBS.symptom,
    async (_context, _state, data) => checkSymptom(deps, data?.symptom),
  );
  app.adaptiveCards.actionExecute<Data>(TROUBLESHOOT_VERBS.explain, (_context, _state, data) =>
    Promise.resolve(explain(deps, data?.errorText)),
  );
}

/** Runs the checks of a symptom the card names (the symptom id is checked, never trusted). */
async function checkSymptom(deps: BotDeps, value: unknown): Promise<AdaptiveCard> {
  const symptom = findSymptom(value);
  if (symptom === undefined || symptom.checks.length === 0) {
    return menu(deps, { tone: 'warning', lines: ['I do not know that symptom; pick one below.'] });
  }
  const run = await runChecks(deps);
  if (!run.ok) return menu(deps, run.notice);
  return renderTroubleshootResultCard({
    symptom,
    tenant: deps.tenant,
    checks: run.checks.filter((c) => symptom.checks.includes(c.id)),
    checkedAt: run.checkedAt,
  });
}

function explain(deps: BotDeps, value: unknown): AdaptiveCard {
  const text = typeof value === 'string' ? value : '';
  if (text.trim().length === 0) {
    return menu(deps, {
      tone: 'warning',
      lines: ['Paste the error message into the box first, then press Explain.'],
    });
  }
  return renderExplanationCard({
    explanations: explainErrorText(text.slice(0, MAX_EXPLAINED_TEXT)),
    fromTroubleshooting: true,
  });
}

function menu(deps: BotDeps, notice?: CardNotice): AdaptiveCard {
  return renderTroubleshootMenuCard({ tenant: deps.tenant, ...(notice ? { notice } : {}) });
}

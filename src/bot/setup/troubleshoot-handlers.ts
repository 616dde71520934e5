import type { TurnContext } from 'botbuilder';
import { explainErrorText, MAX_EXPLAINED_TEXT } from '../../domain';
import { findSymptom, type Symptom } from '../../domain/setup';
import type { AdaptiveCard } from '../../cards';
import {
  renderExplanationCard,
  renderTroubleshootMenuCard,
  renderTroubleshootResultCard,
  TROUBLESHOOT_VERBS,
  type CardNotice,
} from '../../cards/setup';
import { execute, type CardAction } from '../actions/card-action';
import { accept, noData } from '../actions/card-data';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { runChecks } from '../../app/setup/wizard-checks';

/** `troubleshoot` */
export async function handleTroubleshoot(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, menu(deps));
}

export function troubleshootActions(deps: BotDeps): CardAction[] {
  return [
    execute(TROUBLESHOOT_VERBS.menu, noData, () => Promise.resolve(menu(deps))),
    // The symptom id is looked up, never trusted; an unknown one gets the menu with a warning.
    execute(
      TROUBLESHOOT_VERBS.symptom,
      (data) => accept({ symptom: findSymptom(data.symptom) }),
      async (_context, { symptom }) => checkSymptom(deps, symptom),
    ),
    execute(
      TROUBLESHOOT_VERBS.explain,
      (data) => accept({ text: typeof data.errorText === 'string' ? data.errorText : '' }),
      (_context, { text }) => Promise.resolve(explain(deps, text)),
    ),
  ];
}

/** Runs the checks of a symptom the card named. */
async function checkSymptom(deps: BotDeps, symptom: Symptom | undefined): Promise<AdaptiveCard> {
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

function explain(deps: BotDeps, text: string): AdaptiveCard {
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

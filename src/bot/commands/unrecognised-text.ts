import type { TurnContext } from 'botbuilder';
import { renderNoticeCard } from '../../cards';
import { renderExplanationCard } from '../../cards/setup';
import { explainErrorText } from '../../domain';
import { sendCard } from '../send-card';

/**
 * Text that is no command: explain any AADSTS number, Graph error code or malformed GUID in it
 * (admins paste error messages); otherwise suggest `help`.
 */
export async function handleUnrecognisedText(context: TurnContext, text: string): Promise<void> {
  const explanations = explainErrorText(text);
  if (explanations.length === 0) {
    await sendCard(
      context,
      renderNoticeCard({
        title: 'I did not understand that',
        lines: [
          'Did you mean "check pcemail permissions", "setup pcemail" or "troubleshoot"? Type "help" to see everything I can do.',
          'You can also paste an error message (an AADSTS code or a Graph error) and I will explain it.',
        ],
        tone: 'info',
      }),
    );
    return;
  }
  await sendCard(context, renderExplanationCard({ explanations, fromTroubleshooting: false }));
}

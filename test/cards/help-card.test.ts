import { renderHelpCard } from '../../src/cards/help-card';
import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, cardText, texts } from './card-text';

const COMMANDS = [
  {
    name: 'check pcemail permissions',
    description: 'Runs every check and shows what passed and what to fix.',
  },
  { name: 'setup pcemail', description: 'Walks you through the app registration step by step.' },
  { name: 'help', description: 'Shows this list.' },
];

describe('renderHelpCard', () => {
  it('when given the registry commands, then each is a button that sends the command to the bot, with its description, in order', () => {
    const card = renderHelpCard({ commands: COMMANDS, simulated: false });

    expectValidCard(card);
    const buttons = actions(card);
    expect(buttons.map((b) => b.title)).toEqual(COMMANDS.map((c) => c.name));
    for (const [i, command] of COMMANDS.entries()) {
      expect(buttons[i]).toEqual({
        type: 'Action.Submit',
        title: command.name,
        data: { command: command.name },
        associatedInputs: 'none',
      });
      expect(texts(card)).toContain(command.description);
    }
    const all = texts(card);
    expect(all.indexOf(COMMANDS[0]!.description)).toBeLessThan(
      all.indexOf(COMMANDS[1]!.description),
    );
    expect(cardText(card)).not.toMatch(/[Ss]imulat/);
  });

  it('when the registry has other commands, then the card lists those and nothing hard-coded', () => {
    const card = renderHelpCard({
      commands: [{ name: 'notify here', description: 'Posts reminders here.' }],
      simulated: false,
    });

    expectValidCard(card);
    expect(actions(card).map((a) => a.title)).toEqual(['notify here']);
    expect(cardText(card)).not.toContain('check pcemail permissions');
  });

  it('when the bot runs on the simulated tenant, then the help card says so', () => {
    const card = renderHelpCard({ commands: COMMANDS, simulated: true });

    expectValidCard(card);
    expect(cardText(card)).toContain('Simulated tenant — this bot talks to its built-in simulator');
  });

  it('when a command text contains markdown, then it is escaped', () => {
    const card = renderHelpCard({
      commands: [{ name: '**consent**', description: 'See [history](http://x)' }],
      simulated: false,
    });

    expect(actions(card)[0]).toMatchObject({ title: '**consent**' }); // plain text, not markdown
    expect(texts(card)).toContain('See \\[history\\]\\(http:\u2060//x)');
  });
});

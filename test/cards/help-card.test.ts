import { renderHelpCard } from '../../src/cards/help-card';
import { expectValidCard } from '../support/adaptive-card-validator';
import { blockWithText, cardText, texts } from './card-text';

const COMMANDS = [
  {
    name: 'check pcemail permissions',
    description: 'Runs every check and shows what passed and what to fix.',
  },
  { name: 'setup pcemail', description: 'Walks you through the app registration step by step.' },
  { name: 'help', description: 'Shows this list.' },
];

describe('renderHelpCard', () => {
  it('when given the registry commands, then each name is shown bold with its description, in order', () => {
    const card = renderHelpCard({ commands: COMMANDS, simulated: false });

    expectValidCard(card);
    for (const command of COMMANDS) {
      expect(blockWithText(card, command.name)?.weight).toBe('bolder');
      const all = texts(card);
      expect(all[all.indexOf(command.name) + 1]).toBe(command.description);
    }
    const all = texts(card);
    expect(all.indexOf('check pcemail permissions')).toBeLessThan(all.indexOf('setup pcemail'));
    expect(cardText(card)).not.toMatch(/[Ss]imulat/);
  });

  it('when the registry has other commands, then the card lists those and nothing hard-coded', () => {
    const card = renderHelpCard({
      commands: [{ name: 'notify here', description: 'Posts reminders here.' }],
      simulated: false,
    });

    expectValidCard(card);
    expect(texts(card)).toContain('notify here');
    expect(texts(card)).not.toContain('check pcemail permissions');
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

    expect(texts(card)).toContain('\\*\\*consent\\*\\*');
    expect(texts(card)).toContain('See \\[history\\]\\(http:\u2060//x)');
  });
});

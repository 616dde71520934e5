import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../src/bot/command-catalogue';
import { CARD_VERBS } from '../../src/cards/card-verbs';

/** docs/ARCHITECTURE.md is how a newcomer finds a command's path: every command and verb is in it. */
const map = readFileSync(path.join(__dirname, '..', '..', 'docs', 'ARCHITECTURE.md'), 'utf8');

function verbs(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.values(node as Record<string, unknown>).flatMap(verbs);
}

describe('docs/ARCHITECTURE.md as the map of the commands', () => {
  it.each(COMMANDS.map((command) => command.name))(
    'when the chat command "%s" is looked up, then the command table names it',
    (name) => {
      expect(map).toContain(`\`${name}\``);
    },
  );

  it.each(verbs(CARD_VERBS))(
    'when the card verb "%s" is looked up, then the action table names it',
    (verb) => {
      const [family = '', action = ''] = verb.split('.');
      // The table writes a family's further verbs short: `setup.verify`, `.next`, `.back` …
      expect([
        map.includes(`\`${verb}\``),
        map.includes(`\`.${action}\``) && map.includes(`\`${family}.`),
      ]).toContain(true);
    },
  );
});

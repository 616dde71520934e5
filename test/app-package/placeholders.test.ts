import path from 'node:path';
import { listEnvironments, parseEnvFile, readEnvFile } from '../../scripts/app-package/env-file';
import { fillPlaceholders } from '../../scripts/app-package/placeholders';
import { ROOT } from './repo';

describe('filling ${{VAR}} placeholders from toolkit env files', () => {
  it('when an env file has comments, quotes and inline comments, then it reads like the toolkit', () => {
    const env = parseEnvFile(
      [
        '# a comment',
        'A=1',
        'B = two words ',
        'C="quoted # kept"',
        "D='single'",
        'E=value # note',
        'F=',
        'export G=g',
      ].join('\n'),
    );
    expect(Object.fromEntries(env)).toEqual({
      A: '1',
      B: 'two words',
      C: 'quoted # kept',
      D: 'single',
      E: 'value',
      F: '',
      G: 'g',
    });
  });

  it('when values fill the placeholders, then they land inside strings without breaking the JSON', () => {
    const template = { id: '${{ID}}', name: { short: 'Bot${{ SUFFIX }}' }, list: ['${{ID}}', 3] };
    const { value, unfilled } = fillPlaceholders(
      template,
      new Map([
        ['ID', 'a"b'],
        ['SUFFIX', '-dev'],
      ]),
    );
    expect(unfilled).toEqual([]);
    expect(value).toEqual({ id: 'a"b', name: { short: 'Bot-dev' }, list: ['a"b', 3] });
    expect(template.id).toBe('${{ID}}');
  });

  it('when variables are missing or empty, then each is reported once, except those allowed empty', () => {
    const { unfilled } = fillPlaceholders(
      { a: '${{MISSING}}', b: '${{EMPTY}}', c: '${{MISSING}}', d: 'x${{SUFFIX}}' },
      new Map([
        ['EMPTY', ''],
        ['SUFFIX', ''],
      ]),
      new Set(['SUFFIX']),
    );
    expect(unfilled).toEqual(['MISSING', 'EMPTY']);
  });

  it('when env/.env.local of a fresh clone is read, then it holds valid placeholder GUIDs and no secret', () => {
    const env = readEnvFile(path.join(ROOT, 'env'), 'local');
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    expect(env.get('TEAMS_APP_ID')).toMatch(guid);
    expect(env.get('BOT_ID')).toMatch(guid);
    expect(env.get('TEAMSFX_ENV')).toBe('local');
  });

  it('when the env folder is listed, then local and dev are environments and the example is not', () => {
    expect(listEnvironments(path.join(ROOT, 'env'))).toEqual(
      expect.arrayContaining(['dev', 'local']),
    );
    expect(listEnvironments(path.join(ROOT, 'env'))).not.toContain('example');
  });

  it('when an environment name tries to leave the env folder, then it is refused', () => {
    expect(() => readEnvFile(path.join(ROOT, 'env'), '../package')).toThrow(
      'is not an environment name',
    );
  });
});

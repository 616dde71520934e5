import { PLAIN_TEXT_MAX_LENGTH, plainText } from '../../src/cards/plain-text';

const WJ = '\u2060';

/** What a reader sees once the renderer has consumed the backslash escapes (CommonMark). */
function unescaped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replaceAll(WJ, '');
}

describe('plainText', () => {
  it('when the text is an ordinary mailbox address or sentence, then it is unchanged', () => {
    expect(plainText('pcemail.support@contoso.com')).toBe('pcemail.support@contoso.com');
    expect(plainText('Access to OData is disabled (ErrorAccessDenied).')).toBe(
      'Access to OData is disabled (ErrorAccessDenied).',
    );
  });

  it('when the text is a markdown link, then brackets, the link target and the scheme are neutralised', () => {
    const out = plainText('[click](http://evil.example/login)');

    expect(out).toBe(`\\[click\\]\\(http:${WJ}//evil.example/login)`);
    expect(out).not.toContain('](');
    expect(unescaped(out)).toBe('[click](http://evil.example/login)');
  });

  it('when the text is an image or an angle-bracket autolink, then neither can form', () => {
    expect(plainText('![x](https://evil/p.png)')).toBe(`\\!\\[x\\]\\(https:${WJ}//evil/p.png)`);
    expect(plainText('<https://evil>')).toBe(`\\<https:${WJ}//evil\\>`);
  });

  it('when the text has emphasis, code or strike-through markers, then they are escaped', () => {
    expect(plainText('**bold** _it_ `code` ~~gone~~ a|b')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ a\\|b',
    );
  });

  it('when the text is a Teams mention tag, then it stays literal text', () => {
    const out = plainText('<at>Megan Bowen</at> approve this');

    expect(out).toBe('\\<at\\>Megan Bowen\\</at\\> approve this');
    expect(unescaped(out)).toBe('<at>Megan Bowen</at> approve this');
  });

  it('when the text starts like a heading, list, quote or numbered item, then that start is escaped', () => {
    expect(plainText('# Big')).toBe('\\# Big');
    expect(plainText('- item')).toBe('\\- item');
    expect(plainText('+ item')).toBe('\\+ item');
    expect(plainText('> quote')).toBe('\\> quote');
    expect(plainText('1. first')).toBe('1\\. first');
    expect(plainText('2025) year')).toBe('2025\\) year');
    expect(plainText('a - b. c # d')).toBe('a - b. c # d');
  });

  it('when the text has a backslash, then it is escaped so it cannot escape what follows', () => {
    expect(plainText('C:\\temp\\*')).toBe('C:\\\\temp\\\\\\*');
    expect(unescaped(plainText('C:\\temp'))).toBe('C:\\temp');
  });

  it('when the text has newlines, tabs and control characters, then they become single spaces', () => {
    expect(plainText('line one\n\n- line two\r\n\tend\u0000\u0007\u009b')).toBe(
      'line one - line two end',
    );
  });

  it('when the text hides bidi overrides or zero-width characters, then they are removed', () => {
    expect(plainText('admin@con\u202Emoc.osot\u202C\u200Bcontoso.com')).toBe(
      'admin@conmoc.osotcontoso.com',
    );
  });

  it('when the text holds www, mailto or a date function, then no link or date is made of it', () => {
    expect(plainText('see www.evil.example')).toBe(`see www${WJ}.evil.example`);
    expect(plainText('mailto:a@b.c')).toBe(`mailto${WJ}:a@b.c`);
    expect(plainText('{{DATE(2017-02-14T06:08:39Z, SHORT)}}')).toBe(
      `{${WJ}{DATE(2017-02-14T06:08:39Z, SHORT)}}`,
    );
  });

  it('when the text is very long, then it is cut to the limit and ends in an ellipsis', () => {
    const out = plainText('a'.repeat(10_000));

    expect(out).toBe(`${'a'.repeat(PLAIN_TEXT_MAX_LENGTH)}…`);
    expect(plainText('abcdef', 3)).toBe('abc…');
    expect(plainText('abc', 3)).toBe('abc');
  });

  it('when a long text is cut, then escaping happens after the cut and no surrogate pair is split', () => {
    expect(plainText('*'.repeat(400), 5)).toBe('\\*\\*\\*\\*\\*…');
    expect(plainText('😀'.repeat(10), 3)).toBe('😀😀😀…');
  });

  it('when the input is hostile in every way at once, then the result is one plain, short line', () => {
    const hostile = `${'**[pay](https://evil)** <at>x</at>\n'.repeat(100)}`;
    const out = plainText(hostile);

    expect(out).not.toMatch(/[\n\r]/);
    expect(out).not.toMatch(/(^|[^\\])[[\]*<>]/);
    expect(out).not.toContain('://');
    expect(Array.from(unescaped(out)).length).toBeLessThanOrEqual(PLAIN_TEXT_MAX_LENGTH + 1);
  });
});

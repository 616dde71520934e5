import { describeGuidProblem, isGuid } from '../../src/domain';

const GOOD = 'e2a3a72e-5f79-4c64-b1b1-878b674786c9';

describe('isGuid', () => {
  test('when the value is 8-4-4-4-12 hex digits in any case, then it is a GUID', () => {
    expect(isGuid(GOOD)).toBe(true);
    expect(isGuid(GOOD.toUpperCase())).toBe(true);
  });

  test('when the value is close but wrong, then it is not a GUID', () => {
    for (const bad of [
      GOOD.slice(1),
      `${GOOD}0`,
      ` ${GOOD}`,
      `{${GOOD}}`,
      GOOD.replace(/-/g, ''),
      '',
    ]) {
      expect(isGuid(bad)).toBe(false);
    }
  });
});

describe('describeGuidProblem', () => {
  test('when the value is a GUID, then there is no problem', () => {
    expect(describeGuidProblem(GOOD)).toBeUndefined();
  });

  test('when one character is missing, then it counts the characters and names the short group', () => {
    expect(describeGuidProblem(GOOD.slice(0, -1))).toBe(
      'has 35 characters, a GUID has 36 (8-4-4-4-12 hex digits); the last group has 11 characters, not 12',
    );
  });

  test('when a character is not hex, then it names it and its position', () => {
    expect(describeGuidProblem(`${GOOD.slice(0, 9)}5g79${GOOD.slice(13)}`)).toBe(
      'contains "g" at position 11, which is not a hex digit (0-9, a-f)',
    );
  });

  test('when the value is empty, wrapped, padded or missing hyphens, then it says exactly that', () => {
    expect(describeGuidProblem('')).toContain('is empty');
    expect(describeGuidProblem(`{${GOOD}}`)).toContain('wrapped in braces');
    expect(describeGuidProblem(`${GOOD}\n`)).toBe(
      'has spaces or line breaks around it; remove them',
    );
    expect(describeGuidProblem(GOOD.replace(/-/g, ''))).toContain('32 hex digits without hyphens');
  });

  test('when a hyphen is in the wrong place, then it names the groups', () => {
    expect(describeGuidProblem('e2a3a72e5-f79-4c64-b1b1-878b674786c9')).toBe(
      'the first group has 9 characters, not 8, and the second group has 3 characters, not 4',
    );
  });

  test('when a secret value is given instead of an ID, then it counts characters and groups', () => {
    const problem = describeGuidProblem('k8Q8Q~abcdefghijklmnopqrstuvwxyz0123456789');
    expect(problem).toContain('has 42 characters, a GUID has 36');
    expect(problem).toContain('has no hyphens');
  });
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP_LENGTHS = [8, 4, 4, 4, 12] as const;
const GROUP_NAMES = ['first', 'second', 'third', 'fourth', 'last'] as const;
const SHAPE = 'a GUID has 36 characters (8-4-4-4-12 hex digits)';

/** True for the 8-4-4-4-12 hex form Entra uses for tenant, app and object ids. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * What is wrong with a value that should be a GUID, as a phrase to follow its name
 * ("PCEMAIL_APP_ID has 35 characters, …"); `undefined` when it is a valid GUID.
 */
export function describeGuidProblem(value: string): string | undefined {
  if (isGuid(value)) return undefined;
  if (value.length === 0) return `is empty; ${SHAPE}`;
  if (value.trim() !== value) {
    const inner = describeGuidProblem(value.trim());
    return inner === undefined
      ? 'has spaces or line breaks around it; remove them'
      : `has spaces or line breaks around it, and ${inner}`;
  }
  if (/^\{.*\}$/.test(value) && isGuid(value.slice(1, -1))) {
    return 'is wrapped in braces { }; use the 36 characters inside them';
  }
  if (/^[0-9a-f]{32}$/i.test(value)) {
    return 'has 32 hex digits without hyphens; write it as 8-4-4-4-12, e.g. 00000000-0000-0000-0000-000000000000';
  }
  if (value.length > 100) return `has ${value.length} characters, ${SHAPE}`;
  const groups = value.split('-');
  const lengthProblem =
    value.length === 36
      ? undefined
      : `has ${value.length} characters, a GUID has 36 (8-4-4-4-12 hex digits)`;
  const groupProblem = describeGroups(groups);
  const badChar = firstNonHex(value);
  const parts = [lengthProblem, groupProblem, badChar].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return `is not a GUID; ${SHAPE}`;
  return parts.join('; ');
}

function describeGroups(groups: string[]): string | undefined {
  if (groups.length === 1) return 'has no hyphens, a GUID has 4 (8-4-4-4-12)';
  if (groups.length !== GROUP_LENGTHS.length) {
    return `has ${groups.length} hyphen-separated groups, a GUID has 5 (8-4-4-4-12)`;
  }
  const wrong = groups.flatMap((group, i) => {
    const expected = GROUP_LENGTHS[i] ?? 0;
    if (group.length === expected) return [];
    const noun = group.length === 1 ? 'character' : 'characters';
    return [`the ${GROUP_NAMES[i] ?? ''} group has ${group.length} ${noun}, not ${expected}`];
  });
  return wrong.length === 0 ? undefined : wrong.join(', and ');
}

function firstNonHex(value: string): string | undefined {
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charAt(i);
    if (ch !== '-' && !/[0-9a-f]/i.test(ch)) {
      return `contains ${JSON.stringify(ch)} at position ${i + 1}, which is not a hex digit (0-9, a-f)`;
    }
  }
  return undefined;
}

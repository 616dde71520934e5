import {
  AADSTS_KNOWLEDGE,
  AADSTS_LIST_URL,
  GRAPH_ERROR_KNOWLEDGE,
  GRAPH_ERRORS_URL,
  RAOP_KEY,
  UNKNOWN_AADSTS_FIX,
  UNKNOWN_GRAPH_FIX,
  type KnowledgeEntry,
} from './error-knowledge-data';
import { describeGuidProblem, isGuid } from './guid';
import { GRAPH_APP_ID } from './graph-permissions';
import { WELL_KNOWN_GRAPH_PERMISSIONS } from './well-known-graph-permissions';

export { describeGuidProblem, isGuid } from './guid';

export interface Explanation {
  kind: 'aadsts' | 'graph' | 'guid';
  /** What was recognised: "AADSTS7000215", "ErrorAccessDenied", or the GUID-like text. */
  code: string;
  /** False for codes we do not know; the entry then carries generic steps. */
  known: boolean;
  title: string;
  cause: string;
  fix: string;
  learnMoreUrl: string;
}

/** Pasted text beyond this is ignored: enough for any error message, bounded for hostile input. */
export const MAX_EXPLAINED_TEXT = 20_000;
const MAX_EXPLANATIONS = 50;
const RAOP_TEXT = /Access to OData is disabled|\[RAOP\]|AppOnly AccessPolicy/i;

/** True when Graph's message is the application access policy's denial ("Access to OData is disabled"). */
export function mentionsAccessPolicy(message: string): boolean {
  return RAOP_TEXT.test(message.slice(0, MAX_EXPLAINED_TEXT));
}

export function explainAadsts(code: number): Explanation {
  const entry = AADSTS_KNOWLEDGE[code];
  const label = `AADSTS${code}`;
  if (entry) return fromEntry('aadsts', label, entry);
  return {
    kind: 'aadsts',
    code: label,
    known: false,
    title: `${label}: not a code PCEmail Ops knows`,
    cause:
      'This sign-in error is not in our list; the sentence Entra printed after the number says what it refused.',
    fix: UNKNOWN_AADSTS_FIX,
    learnMoreUrl: AADSTS_LIST_URL,
  };
}

/** Explains Graph's `error.code`; the message tells the access-policy denial from a plain one. */
export function explainGraphError(code: string, message = ''): Explanation {
  const canonical = canonicalGraphCode(code);
  const key =
    canonical === 'ErrorAccessDenied' && RAOP_TEXT.test(message.slice(0, MAX_EXPLAINED_TEXT))
      ? RAOP_KEY
      : canonical;
  const entry = key === undefined ? undefined : GRAPH_ERROR_KNOWLEDGE[key];
  if (canonical !== undefined && entry) return fromEntry('graph', canonical, entry);
  return {
    kind: 'graph',
    code,
    known: false,
    title: `${code}: not a Graph error PCEmail Ops knows`,
    cause:
      'This Microsoft Graph error code is not in our list; its message says what Graph refused.',
    fix: UNKNOWN_GRAPH_FIX,
    learnMoreUrl: GRAPH_ERRORS_URL,
  };
}

interface Found {
  at: number;
  key: string;
  explanation: Explanation;
}

/**
 * Everything recognisable in pasted text: every AADSTS number, every known Graph error code, and
 * every GUID-like string that is malformed (or a well-known Microsoft Graph id), in order of
 * appearance, without duplicates. Only the first MAX_EXPLAINED_TEXT characters are read, and every
 * pattern runs in linear time.
 */
export function explainErrorText(text: string): Explanation[] {
  const input = text.slice(0, MAX_EXPLAINED_TEXT);
  const found = [...findAadsts(input), ...findGraphCodes(input), ...findGuidLike(input)];
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const result: Explanation[] = [];
  for (const f of found) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    result.push(f.explanation);
    if (result.length === MAX_EXPLANATIONS) break;
  }
  return result;
}

function findAadsts(input: string): Found[] {
  const found: Found[] = [];
  for (const m of input.matchAll(/AADSTS(\d+)/gi)) {
    const digits = m[1] ?? '';
    if (digits.length > 9) continue;
    const code = Number(digits);
    found.push({ at: m.index, key: `aadsts:${code}`, explanation: explainAadsts(code) });
  }
  return found;
}

const GRAPH_CODES = Object.keys(GRAPH_ERROR_KNOWLEDGE).filter((k) => k !== RAOP_KEY);
// Literal alternatives between word boundaries: no nested quantifiers, so no catastrophic backtracking.
const GRAPH_CODE_PATTERN = new RegExp(`\\b(?:${GRAPH_CODES.join('|')})\\b`, 'gi');

function findGraphCodes(input: string): Found[] {
  const raop = RAOP_TEXT.exec(input);
  const found: Found[] = [];
  for (const m of input.matchAll(GRAPH_CODE_PATTERN)) {
    const code = canonicalGraphCode(m[0]) ?? m[0];
    if (code === 'ErrorAccessDenied' && raop) continue;
    found.push({ at: m.index, key: `graph:${code}`, explanation: explainGraphError(code) });
  }
  if (raop) {
    const denied = /ErrorAccessDenied/i.exec(input);
    const at = Math.min(raop.index, denied?.index ?? raop.index);
    const explanation = explainGraphError('ErrorAccessDenied', raop[0]);
    found.push({ at, key: 'graph:raop', explanation });
  }
  // A Graph error body names its code even when we do not know it: say so honestly.
  for (const m of input.matchAll(GRAPH_ERROR_BODY_CODE)) {
    const code = m[1] ?? '';
    if (canonicalGraphCode(code) !== undefined) continue;
    found.push({ at: m.index, key: `graph:${code}`, explanation: explainGraphError(code) });
  }
  return found;
}

/** `"code":"ErrorQuotaExceeded"` in a Graph error body; bounded, so linear on any input. */
const GRAPH_ERROR_BODY_CODE = /"code"\s{0,5}:\s{0,5}"([A-Za-z][A-Za-z0-9_.]{2,80})"/g;

function findGuidLike(input: string): Found[] {
  const found: Found[] = [];
  for (const m of input.matchAll(/[0-9A-Za-z-]+/g)) {
    const token = m[0];
    if (!looksLikeGuidAttempt(token)) continue;
    const explanation = isGuid(token) ? explainWellKnownGuid(token) : explainMalformedGuid(token);
    if (explanation) found.push({ at: m.index, key: `guid:${token.toLowerCase()}`, explanation });
  }
  return found;
}

/** A token someone meant as a GUID: about 36 characters, 3 to 5 hyphens, almost all hex digits. */
function looksLikeGuidAttempt(token: string): boolean {
  if (token.length < 30 || token.length > 42) return false;
  const groups = token.split('-');
  if (groups.length < 4 || groups.length > 6 || groups.some((g) => g.length === 0)) return false;
  if ((groups[0]?.length ?? 0) < 6) return false;
  const digits = token.replace(/-/g, '');
  const hex = digits.replace(/[^0-9a-f]/gi, '').length;
  return hex / digits.length >= 0.8;
}

function explainMalformedGuid(token: string): Explanation {
  return {
    kind: 'guid',
    code: token,
    known: true,
    title: `Malformed ID: ${token}`,
    cause: `"${token}" looks like an ID but ${describeGuidProblem(token) ?? 'is not a GUID'}.`,
    fix:
      'Copy the ID again from the Entra admin center (App registrations → PCEmail → Overview shows the ' +
      'Application (client) ID and the Directory (tenant) ID) rather than retyping it.',
    learnMoreUrl: 'https://learn.microsoft.com/entra/identity-platform/quickstart-register-app',
  };
}

function explainWellKnownGuid(guid: string): Explanation | undefined {
  const lower = guid.toLowerCase();
  const permission = WELL_KNOWN_GRAPH_PERMISSIONS.find((p) => p.id === lower);
  const what =
    lower === GRAPH_APP_ID
      ? "Microsoft Graph's application ID (the same in every tenant)"
      : permission
        ? `the Microsoft Graph permission ${permission.name} (${permission.type === 'Role' ? 'application' : 'delegated'})`
        : undefined;
  if (what === undefined) return undefined;
  return {
    kind: 'guid',
    code: guid,
    known: true,
    title: `${guid} is ${what}`,
    cause: `This ID is ${what}; it is not a setting of your tenant.`,
    fix: 'Nothing to change for this ID; PCEmail needs User.Read (delegated), Mail.ReadWrite and Mail.Send (application).',
    learnMoreUrl: 'https://learn.microsoft.com/graph/permissions-reference',
  };
}

function canonicalGraphCode(code: string): string | undefined {
  const lower = code.toLowerCase();
  return GRAPH_CODES.find((k) => k.toLowerCase() === lower);
}

function fromEntry(kind: Explanation['kind'], code: string, entry: KnowledgeEntry): Explanation {
  return { kind, code, known: true, ...entry };
}

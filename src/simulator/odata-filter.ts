/*
 * A small OData $filter parser and evaluator: comparisons (eq ne gt ge lt le), and/or/not,
 * parentheses, startswith/endswith/contains, and OData literals ('' escapes a quote inside strings).
 * Enough for the queries a Graph client sends; anything else is a syntax error, as at Graph.
 */

export type FilterNode =
  | { kind: 'compare'; op: string; left: Operand; right: Operand }
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; inner: FilterNode }
  | { kind: 'function'; name: string; path: string; value: Literal };

type Literal = string | number | boolean | null;
type Operand =
  { kind: 'path'; path: string } | { kind: 'literal'; value: Literal; dateTime?: boolean };

export class FilterSyntaxError extends Error {}

type Token = { type: 'punct' | 'string' | 'word'; text: string; pos: number };

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if ('(),'.includes(ch)) {
      tokens.push({ type: 'punct', text: ch, pos: i });
      i++;
    } else if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length)
          throw new FilterSyntaxError(`Unterminated string literal at position ${i}`);
        if (text.charAt(j) === "'") {
          if (text.charAt(j + 1) === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text.charAt(j);
        j++;
      }
      tokens.push({ type: 'string', text: value, pos: i });
      i = j + 1;
    } else {
      const match = /^[A-Za-z0-9_.:/+@$-]+/.exec(text.slice(i));
      if (!match) throw new FilterSyntaxError(`Syntax error at position ${i}`);
      tokens.push({ type: 'word', text: match[0], pos: i });
      i += match[0].length;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) this.fail(extra.pos);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (!token) this.fail(this.source.length);
    return token;
  }

  private fail(pos: number): never {
    throw new FilterSyntaxError(`Syntax error at position ${pos} in '${this.source}'.`);
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.type !== 'punct' || token.text !== text) this.fail(token.pos);
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.type === 'word' && token.text === text;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.index++;
      left = { kind: 'logical', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isWord('and')) {
      this.index++;
      left = { kind: 'logical', op: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isWord('not')) {
      this.index++;
      return { kind: 'not', inner: this.parseUnary() };
    }
    const token = this.peek();
    if (token?.type === 'punct' && token.text === '(') {
      this.index++;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    if (token?.type === 'word' && FUNCTIONS.has(token.text.toLowerCase())) {
      this.index++;
      this.expect('(');
      const path = this.parseOperand();
      this.expect(',');
      const value = this.parseOperand();
      this.expect(')');
      if (path.kind !== 'path' || value.kind !== 'literal') this.fail(token.pos);
      return {
        kind: 'function',
        name: token.text.toLowerCase(),
        path: path.path,
        value: value.value,
      };
    }
    const left = this.parseOperand();
    const op = this.next();
    if (op.type !== 'word' || !COMPARISONS.has(op.text)) this.fail(op.pos);
    return { kind: 'compare', op: op.text, left, right: this.parseOperand() };
  }

  private parseOperand(): Operand {
    const token = this.next();
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type !== 'word') this.fail(token.pos);
    const text = token.text;
    if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true' };
    if (text === 'null') return { kind: 'literal', value: null };
    if (GUID.test(text)) return { kind: 'literal', value: text };
    if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return { kind: 'literal', value: text, dateTime: true };
    if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'literal', value: Number(text) };
    if (/^[A-Za-z_][\w/]*$/.test(text)) return { kind: 'path', path: text };
    this.fail(token.pos);
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

/** Top-level property names the filter refers to, e.g. to refuse unsupported ones. */
export function filterProperties(node: FilterNode): string[] {
  const top = (path: string) => path.split('/')[0] ?? path;
  switch (node.kind) {
    case 'compare':
      return [node.left, node.right].flatMap((o) => (o.kind === 'path' ? [top(o.path)] : []));
    case 'logical':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    case 'not':
      return filterProperties(node.inner);
    case 'function':
      return [top(node.path)];
  }
}

function read(obj: Record<string, unknown>, path: string): unknown {
  let value: unknown = obj;
  for (const part of path.split('/')) {
    if (typeof value !== 'object' || value === null) return undefined;
    const key = Object.keys(value).find((k) => k.toLowerCase() === part.toLowerCase());
    value = key === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  return value;
}

function comparable(value: unknown, asDate: boolean): unknown {
  if (asDate && typeof value === 'string') return Date.parse(value);
  // Directory and Exchange string comparisons are case-insensitive.
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === 'eq') return a === b || (a == null && b == null);
  if (op === 'ne') return !(a === b || (a == null && b == null));
  if (a == null || b == null) return false;
  const [x, y] = [a as number | string, b as number | string];
  if (op === 'gt') return x > y;
  if (op === 'ge') return x >= y;
  if (op === 'lt') return x < y;
  return x <= y;
}

export function evaluateFilter(node: FilterNode, obj: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'logical':
      return node.op === 'and'
        ? evaluateFilter(node.left, obj) && evaluateFilter(node.right, obj)
        : evaluateFilter(node.left, obj) || evaluateFilter(node.right, obj);
    case 'not':
      return !evaluateFilter(node.inner, obj);
    case 'function': {
      const value = read(obj, node.path);
      if (typeof value !== 'string' || typeof node.value !== 'string') return false;
      const [v, arg] = [value.toLowerCase(), node.value.toLowerCase()];
      if (node.name === 'startswith') return v.startsWith(arg);
      if (node.name === 'endswith') return v.endsWith(arg);
      return v.includes(arg);
    }
    case 'compare': {
      const asDate = [node.left, node.right].some((o) => o.kind === 'literal' && o.dateTime);
      const side = (o: Operand) =>
        comparable(o.kind === 'path' ? read(obj, o.path) : o.value, asDate);
      return compare(node.op, side(node.left), side(node.right));
    }
  }
}

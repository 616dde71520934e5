import * as AC from 'adaptivecards';
import { TEAMS_CARD_LIMIT_BYTES } from '../../src/cards/card-size';

/**
 * Adaptive Cards checks for tests: every event the SDK reports while parsing and
 * validating fails the card, at version 1.5. The SDK silently drops properties it does not know, so
 * the card is also walked against the SDK's own property schemas to report those.
 */

const TARGET_VERSION = AC.Versions.v1_5;

type Json = Record<string, unknown>;
type Kind = 'card' | 'element' | 'action' | 'column' | 'inline';

/** Children the SDK parses by hand rather than through its property schema. */
const CHILDREN: Record<string, Record<string, Kind | 'any'>> = {
  AdaptiveCard: { body: 'element', actions: 'action' },
  Container: { items: 'element' },
  Column: { items: 'element' },
  ColumnSet: { columns: 'column' },
  ActionSet: { actions: 'action' },
  ImageSet: { images: 'element' },
  RichTextBlock: { inlines: 'inline' },
  'Action.ShowCard': { card: 'card' },
  'Action.ToggleVisibility': { targetElements: 'any' },
  Table: { columns: 'any', rows: 'any' },
};

/** Teams' own extension at the card root. */
const MSTEAMS_KEYS = new Set(['width', 'entities']);

/** Every problem with the card, in words; empty when Teams can be sent it. */
export function cardProblems(card: object): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(card);
  // Validate what Teams receives: undefined-valued keys vanish, dates become strings.
  const json = JSON.parse(text) as Json;

  if (json.type !== 'AdaptiveCard')
    problems.push(`type must be "AdaptiveCard", got ${str(json.type)}`);
  if (json.version !== '1.5') problems.push(`version must be "1.5", got ${str(json.version)}`);
  if (typeof json.$schema !== 'string' || json.$schema === '') problems.push('$schema is missing');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes >= TEAMS_CARD_LIMIT_BYTES) {
    problems.push(`card is ${bytes} bytes; Teams' limit is ${TEAMS_CARD_LIMIT_BYTES}`);
  }

  const sdkCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(TARGET_VERSION);
  sdkCard.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe(context.getEventAt(i)));
  for (const event of sdkCard.validateProperties().validationEvents) problems.push(describe(event));

  walk(json, 'card', '$', problems, true);
  return [...new Set(problems)];
}

/** Throws, listing every problem, unless the card is valid Adaptive Card 1.5 within Teams' limit. */
export function expectValidCard(card: object): void {
  const problems = cardProblems(card);
  if (problems.length > 0) {
    throw new Error(`Adaptive Card is not valid:\n- ${problems.join('\n- ')}`);
  }
}

function describe(event: AC.IValidationEvent): string {
  const phase = AC.ValidationPhase[event.phase];
  const kind = AC.ValidationEvent[event.event];
  return `${phase} ${kind}: ${event.message}`;
}

function walk(node: unknown, kind: Kind, path: string, problems: string[], root = false): void {
  if (!isObject(node)) {
    // Inlines may be bare strings; everything else must be an object.
    if (!(kind === 'inline' && typeof node === 'string')) problems.push(`${path}: not an object`);
    return;
  }
  const typeName = kind === 'card' ? 'AdaptiveCard' : kind === 'column' ? 'Column' : node.type;
  if (typeof typeName !== 'string') {
    problems.push(`${path}: has no type`);
    return;
  }
  const sdkObject = instantiate(kind, typeName);
  if (!sdkObject) return; // The SDK reported the unknown type already.
  checkKeys(node, sdkObject, typeName, path, problems, root);

  for (const [key, childKind] of Object.entries(CHILDREN[typeName] ?? {})) {
    const value = node[key];
    if (value === undefined || childKind === 'any') continue;
    if (childKind === 'card') walk(value, 'card', `${path}.${key}`, problems);
    else if (!Array.isArray(value)) problems.push(`${path}.${key}: not an array`);
    else value.forEach((child, i) => walk(child, childKind, `${path}.${key}[${i}]`, problems));
  }
  if (isObject(node.fallback)) walk(node.fallback, kind, `${path}.fallback`, problems);
}

function checkKeys(
  node: Json,
  sdkObject: AC.SerializableObject,
  typeName: string,
  path: string,
  problems: string[],
  root: boolean,
): void {
  const schema = sdkObject.getSchema();
  const known = new Map<string, AC.PropertyDefinition>();
  for (let i = 0; i < schema.getCount(); i++) {
    const prop = schema.getItemAt(i);
    known.set(prop.name, prop);
  }
  for (const key of Object.keys(node)) {
    const prop = known.get(key);
    if (prop) {
      if (prop.targetVersion.compareTo(TARGET_VERSION) > 0) {
        problems.push(`${path}.${key}: needs Adaptive Cards ${prop.targetVersion.toString()}`);
      }
      checkNested(node[key], prop, `${path}.${key}`, problems);
    } else if (key === 'msteams' && root) {
      checkMsteams(node[key], `${path}.${key}`, problems);
    } else if (!(key in (CHILDREN[typeName] ?? {})) && key !== 'fallback') {
      problems.push(`${path}: unknown property "${key}" on ${typeName}`);
    }
  }
}

function checkNested(
  value: unknown,
  prop: AC.PropertyDefinition,
  path: string,
  problems: string[],
): void {
  if (prop instanceof AC.ActionProperty) {
    walk(value, 'action', path, problems);
  } else if (prop instanceof AC.SerializableObjectCollectionProperty && Array.isArray(value)) {
    value.forEach((item, i) => walkObject(item, new prop.objectType(), `${path}[${i}]`, problems));
  } else if (prop instanceof AC.SerializableObjectProperty && isObject(value)) {
    walkObject(value, new prop.objectType(), path, problems);
  }
}

/** A typeless object such as a Fact or a Choice. */
function walkObject(
  value: unknown,
  sdkObject: AC.SerializableObject,
  path: string,
  problems: string[],
): void {
  if (!isObject(value)) {
    problems.push(`${path}: not an object`);
    return;
  }
  checkKeys(value, sdkObject, sdkObject.constructor.name, path, problems, false);
}

function checkMsteams(value: unknown, path: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${path}: not an object`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!MSTEAMS_KEYS.has(key)) problems.push(`${path}: unknown property "${key}"`);
  }
  if ('width' in value && value.width !== 'Full')
    problems.push(`${path}.width: only "Full" exists`);
}

function instantiate(kind: Kind, typeName: string): AC.SerializableObject | undefined {
  if (kind === 'card') return new AC.AdaptiveCard();
  if (kind === 'column') return new AC.Column();
  const registry = kind === 'action' ? AC.GlobalRegistry.actions : AC.GlobalRegistry.elements;
  return registry.createInstance(typeName, TARGET_VERSION);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

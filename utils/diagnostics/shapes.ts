/**
 * The shape of a GraphQL request or answer, never its values: every path with the types of JSON
 * value seen there, e.g. `data.users[].email: string`, `data.org.plan: string | null`. Runs in the
 * page's world (entrypoints/data-shapes.content.ts) so that only shapes ever leave it.
 *
 * Values never appear, and keys are names only when they are names: a key is kept when it is a
 * field the page's own query text selects (or a variable it declares, or part of GraphQL's answer
 * envelope), because a key that is not in the query text can only come from the data (an answer
 * keyed by email or id, a JSON scalar); such keys are written `*`. Below the variables' top level
 * (input objects, whose field names the query text does not spell out) a key is kept when it looks
 * like a field name (starts with a lower-case letter or `_`, GraphQL name characters only), which
 * emails, ids, numbers and people's names do not. Pure.
 */
import { GRAPHQL_NAME } from '@/utils/amplitude/graphql-ops';

export const SHAPE_TYPES = ['string', 'number', 'boolean', 'null', 'object', 'array'] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];
/** A path and the types seen there, in SHAPE_TYPES order. */
export type ShapeEntry = [path: string, types: ShapeType[]];

/** What stands for a key that is not a name. */
export const HIDDEN_KEY = '*';
/** Limits: deep enough for any answer the page reads, small enough for a message. */
export const SHAPE_LIMITS = { depth: 16, paths: 400, arrayItems: 100 } as const;

/** GraphQL's answer envelope and error objects: always names (spec, "Response"). */
const ENVELOPE_KEYS = new Set(['data', 'errors', 'extensions', 'message', 'locations', 'line', 'column', 'path', 'code']);
const FIELD_LIKE = /^[_a-z][_0-9A-Za-z]{0,63}$/;

/** Names a query text uses (fields, aliases, arguments, types), leaving out strings and comments. */
export function queryNames(query: string): Set<string> {
  const code = query.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, ' ');
  return new Set(code.match(/[_A-Za-z][_0-9A-Za-z]*/g) ?? []);
}

/** The variables a query text declares (`$name`). */
export function declaredVariables(query: string): Set<string> {
  const code = query.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, ' ');
  return new Set([...code.matchAll(/\$([_A-Za-z][_0-9A-Za-z]*)/g)].map((match) => match[1]!));
}

function typeOf(value: unknown): ShapeType | null {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : null;
}

/** Which keys of an object at `path` (its depth and whether it lies in the answer's `data`) are names. */
type KeepKey = (key: string, depth: number, path: string) => boolean;

class ShapeCollector {
  private readonly seen = new Map<string, Set<ShapeType>>();

  constructor(private readonly keep: KeepKey) {}

  add(path: string, value: unknown, depth: number): void {
    const type = typeOf(value);
    if (!type) return;
    let types = this.seen.get(path);
    if (!types) {
      if (this.seen.size >= SHAPE_LIMITS.paths) return;
      this.seen.set(path, (types = new Set()));
    }
    types.add(type);
    if (depth >= SHAPE_LIMITS.depth) return;
    if (type === 'array') {
      for (const item of (value as unknown[]).slice(0, SHAPE_LIMITS.arrayItems)) this.add(`${path}[]`, item, depth + 1);
    } else if (type === 'object') this.addObject(path, value as Record<string, unknown>, depth);
  }

  addObject(path: string, object: Record<string, unknown>, depth: number): void {
    for (const key of Object.keys(object)) {
      const name = GRAPHQL_NAME.test(key) && this.keep(key, depth, path) ? key : HIDDEN_KEY;
      this.add(path ? `${path}.${name}` : name, object[key], depth + 1);
    }
  }

  entries(): ShapeEntry[] {
    return [...this.seen]
      .map(([path, types]): ShapeEntry => [path, SHAPE_TYPES.filter((type) => types.has(type))])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeOf(value) === 'object';

/** The shape of a request's variables: names the query declares at the top, field-like names below. */
export function variablesShape(variables: unknown, query: string | null): ShapeEntry[] {
  if (!isObject(variables)) return [];
  const declared = query === null ? null : declaredVariables(query);
  const collector = new ShapeCollector((key, depth) => (depth === 0 && declared ? declared.has(key) : FIELD_LIKE.test(key)));
  collector.addObject('', variables, 0);
  return collector.entries();
}

/** The shape of an answer: the envelope's keys, and within `data` the names the query text uses. */
export function responseShape(response: unknown, query: string | null): ShapeEntry[] {
  if (!isObject(response)) return [];
  const names = query === null ? null : queryNames(query);
  const collector = new ShapeCollector((key, _depth, path) =>
    path === 'data' || path.startsWith('data.') || path.startsWith('data[') ? !!names?.has(key) : ENVELOPE_KEYS.has(key),
  );
  collector.addObject('', response, 0);
  return collector.entries();
}

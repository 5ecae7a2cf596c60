/**
 * fast-check arbitraries from the contract's JSON Schemas (the subset openapi.yaml uses: $ref,
 * allOf/oneOf/anyOf, object, array, string with pattern/format/length, integer, number, boolean, enum,
 * const), plus a mutator that bends a valid value into a likely-invalid one. Validity is always decided
 * by the contract (ajv), never by this generator.
 */
import fc from 'fast-check';
import { openapi } from '../contract.js';

type Json = Record<string, any>;

export function deref(schema: Json): Json {
  let s = schema;
  while (s && typeof s.$ref === 'string') {
    s = s.$ref.replace(/^#\//, '').split('/').reduce((o: Json, k: string) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], openapi);
  }
  return s;
}

const isoDate = fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2035-01-01') }).map((ms) => new Date(ms).toISOString());
const uri = fc.constantFrom('https://shop.example/hooks', 'https://shop.example:8443/a?b=c', 'http://127.0.0.1:9/hooks', 'https://xn--bcher-kva.example/');

function stringArb(s: Json): fc.Arbitrary<string> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.format === 'date-time') return isoDate;
  if (s.pattern) {
    const max = s.maxLength ?? 64;
    return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= max && x.length >= (s.minLength ?? 0) && (!s.not || x !== s.not.const));
  }
  if (s.format === 'uri') return uri;
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
}

function objectArb(s: Json, depth: number): fc.Arbitrary<Json> {
  const props: Json = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) record[k] = arbitraryFor(v as Json, depth + 1);
  const base = fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
  if (!s.additionalProperties || s.additionalProperties === true || Object.keys(props).length) return base;
  // A map (`additionalProperties` schema, keys by `propertyNames`).
  const keys = s.propertyNames ? stringArb({ type: 'string', ...s.propertyNames }) : fc.string({ minLength: 1, maxLength: 12 });
  return fc.dictionary(keys, arbitraryFor(s.additionalProperties, depth + 1), { maxKeys: Math.min(s.maxProperties ?? 5, 5), noNullPrototype: true });
}

/** Values that the contract calls valid (most of the time: cross-field rules are the server's). */
export function arbitraryFor(schemaIn: Json, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(schemaIn);
  if (s.allOf?.length === 1) { const { allOf, description, ...rest } = s; return arbitraryFor({ ...deref(allOf[0]), ...rest }, depth); }
  if (s.allOf) return fc.tuple(...s.allOf.map((x: Json) => arbitraryFor(x, depth))).map((parts) => Object.assign({}, ...parts as Json[]));
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: Json) => arbitraryFor({ ...s, oneOf: undefined, anyOf: undefined, ...x }, depth)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type : [s.type];
  if (type.length > 1) return fc.oneof(...type.map((t: string) => arbitraryFor({ ...s, type: t }, depth)));
  switch (type[0]) {
    case 'object': return depth > 4 ? fc.constant({}) : objectArb(s, depth);
    case 'array': return fc.array(arbitraryFor(s.items ?? {}, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'string': return stringArb(s);
    case 'integer': return fc.integer({ min: s.minimum ?? -1000, max: Math.min(s.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER) });
    case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true, minExcluded: s.exclusiveMinimum !== undefined }).map((x) => (Object.is(x, -0) ? 0 : x));
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    default: return fc.constantFrom(null, 1, 'x', true);
  }
}

/** Values a hostile client tries: wrong types, edges, long and odd strings, prototype names. */
export const hostile = fc.constantFrom<unknown>(
  null, true, 0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, '', ' ', 'x'.repeat(129), 'x'.repeat(1001), '__proto__', 'constructor', 'toString',
  '../../etc/passwd', '%00', '\u0000', '\ud800', '<script>', '2026-13-01T00:00:00Z', 'yesterday', 'data:text/html,x', 'null', 'javascript:alert(1)',
  'ftp://shop.example/x', 'https://[::ffff:127.0.0.1]/x', [], [1, 2], {}, { __proto__: null }, JSON.parse('{"__proto__": {"x": 1}}'), JSON.parse('{"constructor": 1}'),
);

/** Just outside (and on) the schema's bounds: where a server and a contract drift apart. */
export function edges(schemaIn: Json | undefined, current: unknown): unknown[] {
  const s = schemaIn ? deref(schemaIn) : {};
  const out: unknown[] = [];
  if (typeof s.minimum === 'number') out.push(s.minimum, s.minimum - 1);
  if (typeof s.maximum === 'number') out.push(s.maximum, s.maximum + 1);
  if (typeof s.exclusiveMinimum === 'number') out.push(s.exclusiveMinimum);
  if (s.type === 'integer') out.push(((s.minimum ?? 0) as number) + 0.5);
  if (typeof s.maxLength === 'number') out.push('a'.repeat(s.maxLength), 'a'.repeat(s.maxLength + 1));
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push('a'.repeat(s.minLength - 1));
  if (s.pattern) out.push('!', `${String(current ?? '')}!`, String(current ?? '').toUpperCase());
  if (typeof s.maxItems === 'number' && Array.isArray(current) && current.length) out.push(Array.from({ length: s.maxItems + 1 }, () => current[0]));
  if (s.enum) out.push(`${String(s.enum[0])}x`);
  return out;
}

/** The schema of a child (`key`) of an object or array schema. */
function childSchema(schemaIn: Json | undefined, key: string | number): Json | undefined {
  if (!schemaIn) return undefined;
  const s = deref(schemaIn);
  if (s.allOf) for (const part of s.allOf) { const c = childSchema(part, key); if (c) return c; }
  if (typeof key === 'number') return s.items;
  return s.properties?.[key] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
}

/** Every place in a value with its schema (for exhaustive edge checks). */
export function placesOf(value: unknown, schema: Json | undefined): Array<{ path: Array<string | number>; schema: Json | undefined; value: unknown }> {
  const places: Array<{ path: Array<string | number>; schema: Json | undefined; value: unknown }> = [];
  const walk = (v: unknown, p: Array<string | number>, sch: Json | undefined) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      const cs = childSchema(sch, key);
      places.push({ path: [...p, key], schema: cs, value: x });
      walk(x, [...p, key], cs);
    }
  };
  walk(value, [], schema);
  return places;
}

/** A copy of `value` with `path` set to `leaf`. */
export function setAt(value: unknown, path: Array<string | number>, leaf: unknown): unknown {
  const copy = structuredClone(value) as Json;
  const parent = path.slice(0, -1).reduce((o: Json, k) => o[k as string], copy);
  parent[path.at(-1) as string] = leaf;
  return copy;
}

/** Bend a value at one random place: replace a leaf (hostile or edge value), drop a key, add an unknown or prototype key. */
export function mutate(value: unknown, schema?: Json): fc.Arbitrary<unknown> {
  const places: Array<{ path: Array<string | number>; schema: Json | undefined; value: unknown }> = [{ path: [], schema, value }];
  const walk = (v: unknown, p: Array<string | number>, sch: Json | undefined) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      const cs = childSchema(sch, key);
      places.push({ path: [...p, key], schema: cs, value: x });
      walk(x, [...p, key], cs);
    }
  };
  walk(value, [], schema);
  return fc.constantFrom(...places).chain((place) => {
    const edge = edges(place.schema, place.value);
    const leaf = edge.length ? fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 3, arbitrary: fc.constantFrom(...edge) }) : hostile;
    return fc.tuple(fc.constant(place.path), fc.constantFrom('replace', 'replace', 'drop', 'add', 'proto'), leaf);
  }).map(([path, how, leaf]) => {
    const copy = structuredClone(value) as Json;
    if (path.length === 0) return how === 'replace' ? leaf : how === 'proto' ? withKey(copy, '__proto__', leaf) : how === 'add' ? withKey(copy, 'extra', leaf) : undefined;
    const parent = path.slice(0, -1).reduce((o: Json, k) => o[k as string], copy);
    const key = path.at(-1)!;
    if (how === 'replace') parent[key as string] = leaf;
    else if (how === 'drop') { if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key as string]; }
    else if (parent && typeof parent === 'object' && !Array.isArray(parent)) withKey(parent, how === 'proto' ? '__proto__' : 'unknownField', leaf);
    return copy;
  });
}

/** Add an own property (also `__proto__`, as JSON.parse would). */
function withKey(obj: unknown, key: string, v: unknown): unknown {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  return obj;
}

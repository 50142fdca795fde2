import fc from 'fast-check';

/**
 * Hostile values for the fuzzers (contract and functions): Mongo operators, prototype-pollution
 * keys, huge strings, deep nesting. Objects are built with defineProperty, so `__proto__` is an own
 * key exactly as JSON.parse makes it from a request body, not a change of prototype.
 */

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
export const OPERATOR_KEYS = ['$where', '$gt', '$ne', '$regex', '$in', '$set', '$expr'] as const;

/** An object with these own keys, whatever they are called. */
export const ownKeyed = (entries: readonly (readonly [string, unknown])[]): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
};

export const ONE_MB = 1024 * 1024;
export const HUGE_ASCII = 'a'.repeat(ONE_MB);
/** About 1 MB of UTF-8, and over every length limit in characters. */
export const HUGE_CHINESE = '漏'.repeat(ONE_MB / 3);
/** Blank after trimming, a megabyte before. */
export const HUGE_BLANK = ' '.repeat(ONE_MB);

/** `depth` levels of arrays or objects around a string. */
export const deepNest = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v, $gt: '' };
  return v;
};

const payload = () => ({ polluted: 'yes' });

export const OPERATOR_VALUES: readonly unknown[] = [
  { $gt: '' },
  { $where: 'sleep(5000) || true' },
  { $ne: null },
  { $regex: '.*', $options: 'i' },
  { $in: ['u-1-1-1201', 'u-3-2-502'] },
  { $expr: { $eq: [1, 1] } },
  '$regex',
  '$where',
  '$gt',
];

export const POLLUTION_VALUES: readonly unknown[] = [
  ownKeyed([['__proto__', payload()]]),
  { constructor: { prototype: payload() } },
  { prototype: payload() },
  JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'),
  '__proto__',
  'constructor',
];

export const ODD_VALUES: readonly unknown[] = [
  HUGE_ASCII,
  HUGE_CHINESE,
  HUGE_BLANK,
  deepNest(1000, 'array'),
  deepNest(1000, 'object'),
  null,
  undefined,
  '',
  '   ',
  [],
  {},
  [{ $ne: null }],
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  0,
  1e308,
  2 ** 53 + 1,
  true,
];

/** The named hostile values: each one alone. */
export const HOSTILE_CONSTANTS: readonly unknown[] = [...OPERATOR_VALUES, ...POLLUTION_VALUES, ...ODD_VALUES];

const keyArb = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<string>(...POLLUTION_KEYS, ...OPERATOR_KEYS) },
);

/**
 * Random JSON-like trees whose keys are often pollution or operator keys and whose leaves are
 * often hostile constants, at any level.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown>; list: unknown[] }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...HOSTILE_CONSTANTS),
    fc.jsonValue({ maxDepth: 2 }),
    fc.anything({ maxDepth: 1 }),
    tie('object'),
    tie('list'),
  ),
  object: fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 4 }).map(ownKeyed),
  list: fc.array(tie('value'), { maxLength: 3 }),
})).value;

/** A copy of `value` with `key: inserted` added to every object in it, at every level. */
export const withKeyEverywhere = (value: unknown, key: string, inserted: unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => withKeyEverywhere(v, key, inserted));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withKeyEverywhere(v, key, inserted)] as const);
  return ownKeyed([...entries, [key, inserted]]);
};

/** Hostile keys with the values they would carry into a query or an assignment. */
export const hostileEntry = fc.tuple(
  fc.constantFrom<string>(...POLLUTION_KEYS, ...OPERATOR_KEYS),
  fc.oneof(fc.constantFrom(...OPERATOR_VALUES, ...POLLUTION_VALUES), fc.constant(payload())),
);

/** What an object's prototype is polluted with, if anything (checked after every run). */
export const prototypeSnapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  polluted: (({}) as Record<string, unknown>).polluted,
});

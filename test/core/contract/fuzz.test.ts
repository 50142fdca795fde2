/**
 * Fuzzing the contract: every action's input schema and the envelope (parseRequest) against random
 * JSON, huge strings, deep nesting, Mongo operators and prototype-pollution keys, alone and in one
 * field of an otherwise valid input. Whatever arrives, parsing answers (never throws); a refusal is
 * INPUT.INVALID in Chinese; what passes carries no operator or pollution key and no string beyond
 * its declared length; Object.prototype is untouched.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ACTIONS, ACTION_NAMES, actionsOf, functionOf, type ActionName } from '@/core/contract/actions';
import { parseRequest } from '@/core/contract/envelope';
import {
  HOSTILE_CONSTANTS,
  HUGE_ASCII,
  HUGE_CHINESE,
  OPERATOR_VALUES,
  POLLUTION_KEYS,
  POLLUTION_VALUES,
  hostileEntry,
  hostileValue,
  ownKeyed,
  prototypeSnapshot,
  withKeyEverywhere,
} from './hostile';
import { VALID_INPUTS } from './valid-inputs';

const CHINESE = /[\u4e00-\u9fa5]/;
/** zod's own messages are English ("Invalid input: expected string"); ours have at most "MB", "IC", "BX…". */
const ENGLISH_WORD = /[A-Za-z]{4,}/;
const FUNCTIONS = [...new Set(ACTION_NAMES.map(functionOf))];
const PROTOTYPE = prototypeSnapshot();
/** Checked after every parse, so cheap: a failure names what changed. */
const expectPrototypesIntact = () => {
  const now = prototypeSnapshot();
  if (JSON.stringify(now) !== JSON.stringify(PROTOTYPE)) expect(now).toEqual(PROTOTYPE);
};
/** Longer than any limit in the contract: no accepted string may come near it. */
const NO_STRING_BEYOND = 1_000;

type Def = { type: string; [k: string]: unknown };
type Check = { _zod: { def: { check: string; maximum?: number; format?: string; pattern?: RegExp } } };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: unknown): Check['_zod']['def'][] => ((defOf(schema).checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Every node of a schema, with its path (inputs only use these shapes; anything else is reported). */
const nodesOf = (schema: unknown, path = '$'): { path: string; schema: unknown }[] => {
  const def = defOf(schema);
  const here = { path, schema };
  if (def.type === 'object') {
    const shape = def.shape as Record<string, unknown>;
    return [here, ...Object.entries(shape).flatMap(([k, s]) => nodesOf(s, `${path}.${k}`))];
  }
  if (WRAPPERS.has(def.type)) return [here, ...nodesOf(def.innerType, path)];
  if (def.type === 'array') return [here, ...nodesOf(def.element, `${path}[]`)];
  if (def.type === 'pipe') return [here, ...nodesOf(def.in, path), ...nodesOf(def.out, path)];
  if (def.type === 'union') return [here, ...(def.options as unknown[]).flatMap((o) => nodesOf(o, path))];
  return [here];
};

/** Strings of `value` longer than their schema allows, or not matching its pattern, as paths. */
const boundsBroken = (schema: unknown, value: unknown, path = '$'): string[] => {
  const def = defOf(schema);
  if (value === undefined || value === null) return [];
  if (def.type === 'object') {
    const shape = def.shape as Record<string, unknown>;
    return Object.entries(shape).flatMap(([k, s]) => boundsBroken(s, (value as Record<string, unknown>)[k], `${path}.${k}`));
  }
  if (WRAPPERS.has(def.type)) return boundsBroken(def.innerType, value, path);
  if (def.type === 'pipe') return boundsBroken(def.out, value, path);
  if (def.type === 'array') return (value as unknown[]).flatMap((v, i) => boundsBroken(def.element, v, `${path}[${i}]`));
  if (def.type !== 'string' || typeof value !== 'string') return [];
  return checksOf(schema).flatMap((c) => {
    if (c.check === 'max_length' && value.length > c.maximum!) return [`${path} is ${value.length} > ${c.maximum}`];
    if (c.check === 'string_format' && c.pattern && !c.pattern.test(value)) return [`${path} misses ${c.pattern}`];
    return [];
  });
};

/** Where in `value` an operator key, a pollution key, an odd prototype or an over-long string hides. */
const taints = (value: unknown, path = '$'): string[] => {
  if (typeof value === 'string') return value.length > NO_STRING_BEYOND ? [`${path} has ${value.length} characters`] : [];
  if (!value || typeof value !== 'object') return [];
  const proto = Object.getPrototypeOf(value);
  const bad: string[] = proto === Object.prototype || proto === Array.prototype ? [] : [`${path} has an odd prototype`];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') bad.push(`${path} has a symbol key`);
    else if (key.startsWith('$')) bad.push(`${path}.${key} is an operator key`);
    else if ((POLLUTION_KEYS as readonly string[]).includes(key)) bad.push(`${path}.${key} is a pollution key`);
    else bad.push(...taints((value as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return bad;
};

/** Plain checks in the hot paths: jest's expect costs more than a parse, and this runs ~30,000 times. */
const check = (holds: boolean, what: string, detail: unknown = '') => {
  if (!holds) throw new Error(`${what} ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
};

/** A refusal is INPUT.INVALID (or ACTION.UNKNOWN where allowed), in Chinese, without zod's English. */
const checkRefusal = (reply: { ok: boolean; code?: string; message?: string }, codes: readonly string[] = ['INPUT.INVALID']) => {
  check(!reply.ok && codes.includes(reply.code!), 'refused with an unexpected code', reply);
  check(CHINESE.test(reply.message!) && !ENGLISH_WORD.test(reply.message!), 'refusal not in plain Chinese:', reply);
};

/**
 * The invariants of one parse: it answers; a refusal is INPUT.INVALID in Chinese without zod's
 * English; a success is clean and within bounds; Object.prototype is as it was. Answers whether it passed.
 */
const expectSafeParse = (action: ActionName, input: unknown): boolean => {
  const r = parseRequest({ action, input }, actionsOf(functionOf(action)));
  if (r.ok) {
    check(taints(r.input).length === 0, `${action} let through:`, taints(r.input));
    check(boundsBroken(ACTIONS[action].input, r.input).length === 0, `${action} out of bounds:`, boundsBroken(ACTIONS[action].input, r.input));
  } else checkRefusal(r.reply);
  expectPrototypesIntact();
  return r.ok;
};

const actionArb = fc.constantFrom(...ACTION_NAMES);
/** No field of any action takes these: operator and pollution objects, 1 MB of text. */
const NEVER_A_FIELD: readonly unknown[] = [...[...OPERATOR_VALUES, ...POLLUTION_VALUES].filter((v) => typeof v === 'object'), HUGE_ASCII, HUGE_CHINESE];
/** The fields an action's input declares (optional ones too), so a replacement can hit each one. */
const fieldsOf = (action: ActionName): string[] => Object.keys((defOf(ACTIONS[action].input).shape as Record<string, unknown>) ?? {});

afterEach(() => expect(prototypeSnapshot()).toEqual(PROTOTYPE));

describe('the schemas themselves', () => {
  it('every valid sample parses (the fuzzers start from real inputs)', () => {
    for (const action of ACTION_NAMES) expect([action, expectSafeParse(action, VALID_INPUTS[action])]).toEqual([action, true]);
  });

  /** The schema nodes that would take keys or values the contract does not name. */
  const openNodes = (schema: unknown) =>
    nodesOf(schema).filter(({ schema: node }) => {
      const def = defOf(node);
      return ['record', 'unknown', 'any', 'map', 'custom'].includes(def.type) || (def.type === 'object' && def.catchall !== undefined && defOf(def.catchall).type !== 'never');
    });

  it('the detectors below see what they look for (so the fuzzers can fail)', () => {
    expect(taints(JSON.parse('{"a": [{"__proto__": {"polluted": 1}}]}'))).toEqual(['$.a.0.__proto__ is a pollution key']);
    expect(taints({ unitId: { $ne: null } })).toEqual(['$.unitId.$ne is an operator key']);
    expect(taints({ d: 'x'.repeat(NO_STRING_BEYOND + 1) })).toHaveLength(1);
    expect(openNodes(z.object({ a: z.looseObject({}), b: z.record(z.string(), z.string()), c: z.optional(z.unknown()) }))).toHaveLength(3);
    expect(boundsBroken(z.object({ t: z.string().check(z.maxLength(3)) }), { t: 'abcd' })).toEqual(['$.t is 4 > 3']);
  });

  it('no input schema takes keys or values it does not name: no record, unknown, any or loose object', () => {
    const open = ACTION_NAMES.flatMap((action) => openNodes(ACTIONS[action].input).map(({ path, schema }) => `${action} ${path}: ${defOf(schema).type}`));
    expect(open).toEqual([]);
  });

  it('every string an input takes is bounded: a length limit, or a pattern of bounded length', () => {
    const unbounded = ACTION_NAMES.flatMap((action) =>
      nodesOf(ACTIONS[action].input)
        .filter(({ schema }) => defOf(schema).type === 'string')
        .filter(({ schema }) => {
          const checks = checksOf(schema);
          if (checks.some((c) => c.check === 'max_length')) return false;
          return !checks.some((c) => c.check === 'string_format' && c.pattern && !/[*+]|\{\d+,\}/.test(c.pattern.source));
        })
        .map(({ path }) => `${action} ${path}`),
    );
    expect(unbounded).toEqual([]);
  });
});

describe('every action input under hostile values (property)', () => {
  it('random JSON and random JS values', () => {
    fc.assert(
      fc.property(actionArb, fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withObjectString: true })), (action, input) => {
        expectSafeParse(action, input);
      }),
      { numRuns: 1000 },
    );
  });

  it('every named hostile value (operators, pollution, 1 MB strings, 1,000 levels) as the whole input and as each field', () => {
    for (const action of ACTION_NAMES) {
      for (const value of HOSTILE_CONSTANTS) {
        expectSafeParse(action, value);
        for (const field of fieldsOf(action)) {
          const accepted = expectSafeParse(action, { ...VALID_INPUTS[action], [field]: value });
          check(!accepted || !NEVER_A_FIELD.includes(value), `${action}.${field} accepted a hostile value`);
        }
      }
    }
  });

  it('random hostile trees as the input, or in one field of a valid input', () => {
    fc.assert(
      fc.property(actionArb, fc.nat(), hostileValue, fc.boolean(), (action, pick, value, whole) => {
        const fields = fieldsOf(action);
        const input = whole || fields.length === 0 ? value : { ...VALID_INPUTS[action], [fields[pick % fields.length]]: value };
        expectSafeParse(action, input);
      }),
      { numRuns: 2000 },
    );
  });

  it('pollution and operator keys added at every level of a valid input are dropped, the rest still parses', () => {
    fc.assert(
      fc.property(actionArb, hostileEntry, (action, [key, value]) => {
        expect(expectSafeParse(action, withKeyEverywhere(VALID_INPUTS[action], key, value))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the envelope under hostile events (property)', () => {
  const fnArb = fc.constantFrom(...FUNCTIONS);
  const eventArb = fc.oneof(
    fc.anything({ withNullPrototype: true }),
    hostileValue,
    fc.record({ action: hostileValue, input: hostileValue }),
    fc.record({ action: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', 'repair.submit '), input: fc.jsonValue() }),
    fc.tuple(actionArb, hostileEntry).map(([action, [key, value]]) => ownKeyed([['action', action], ['input', VALID_INPUTS[action]], [key, value]])),
  );

  it('always answers ok, INPUT.INVALID or ACTION.UNKNOWN, in Chinese', () => {
    fc.assert(
      fc.property(fnArb, eventArb, (fn, event) => {
        const r = parseRequest(event, actionsOf(fn));
        if (r.ok) {
          check(actionsOf(fn).includes(r.action), `${fn} accepted a foreign action`, r.action);
          check(taints(r.input).length === 0, 'the envelope let through:', taints(r.input));
        } else checkRefusal(r.reply, ['INPUT.INVALID', 'ACTION.UNKNOWN']);
        expectPrototypesIntact();
      }),
      { numRuns: 1500 },
    );
  });
});

describe('output schemas under hostile values (property)', () => {
  it('safeParse answers, never throws, and leaves Object.prototype alone', () => {
    fc.assert(
      fc.property(actionArb, fc.oneof(hostileValue, fc.anything({ withNullPrototype: true })), (action, value) => {
        const r = (ACTIONS[action].output as z.ZodMiniType).safeParse(value);
        check(typeof r.success === 'boolean', 'safeParse answered', r);
        expectPrototypesIntact();
      }),
      { numRuns: 1000 },
    );
  });
});

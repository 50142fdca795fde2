// EJSON in and out. The SDK stringifies queries, updates and documents with bson's canonical
// EJSON; mingo needs plain JS values, so BSON wrapper classes are turned into their JS twins here,
// once, at the edge.
import { BSONRegExp, EJSON, ObjectId } from 'bson';

export type DocId = string | number;
export type Doc = { _id: DocId } & Record<string, unknown>;
export type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isDocId(value: unknown): value is DocId {
  return (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value));
}

// JS RegExp understands only these of BSON's options (x and l have no JS equivalent).
const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

function toJs(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => JS_REGEX_FLAGS.has(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  // CloudBase ids are strings; db.ObjectId() values are kept as their hex string locally.
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map((item) => toJs(item, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  // db.serverDate({ offset }) arrives as { $tcb_server_date: { offset } }; the server fills in its clock.
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = value.$tcb_server_date;
    const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
    return new Date(now + offset);
  }
  const out: Plain = {};
  for (const key of keys) out[key] = toJs(value[key], now);
  return out;
}

/** Parses one EJSON string from the SDK (or the journal) into plain JS values. */
export function decodeEJSON(text: string, now: number = Date.now()): unknown {
  return toJs(EJSON.parse(text, { relaxed: true }), now);
}

/** Documents go back to the SDK as EJSON strings; relaxed keeps them readable and Dates intact. */
export function encodeEJSON(value: unknown): string {
  return EJSON.stringify(value, { relaxed: true });
}

/** The journal keeps the canonical (type-exact) form. */
export function encodeCanonical(value: unknown): string {
  return EJSON.stringify(value, { relaxed: false });
}

// Equality lookups on the first key of each declared index: a query pinned to values of such a
// field reads the documents holding them instead of scanning the whole collection, as CloudBase
// answers it from the index. The answer is the scan's: the query's filter still runs on every
// candidate, so an index only narrows what is looked at (and keeps a month of tickets fast).
import { isPlainObject, type Doc, type DocId } from './codec';
import type { CollectionDeclaration } from './indexes';
import type { Store } from './store';

type Bucket = Set<DocId>;

interface FieldIndex {
  byValue: Map<string, Bucket>;
  /** Documents whose value is not a plain scalar (arrays, objects): always candidates. */
  other: Bucket;
}

/** A scalar's key; undefined for values equality on which is not plain (arrays, objects). */
const scalarKey = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `${typeof value}:${value}`;
  return undefined;
};

/** The value at a dotted path; an array on the way is the value (such a document is always a candidate). */
const valueAt = (doc: Doc, path: string): unknown => {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) return value;
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
};

/** The scalar values a filter pins a field to (`f: v`, `f: { $eq: v }`, `f: { $in: [...] }`), if it does. */
const pinnedValues = (condition: unknown): string[] | undefined => {
  if (!isPlainObject(condition)) return scalarKey(condition) === undefined ? undefined : [scalarKey(condition)!];
  const keys = Object.keys(condition);
  if (keys.length !== 1) return undefined;
  if (keys[0] === '$eq') return pinnedValues(condition.$eq);
  if (keys[0] === '$in' && Array.isArray(condition.$in)) {
    const values = condition.$in.map(scalarKey);
    return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
  }
  return undefined;
};

export class LookupIndexes {
  private readonly fields = new Map<string, string[]>();
  private readonly built = new Map<string, Map<string, FieldIndex>>();
  /** Documents changed since their entries were last written, per collection. */
  private readonly dirty = new Map<string, Set<DocId>>();

  constructor(private readonly store: Store) {
    store.onChange((coll, id, previous) => {
      const indexes = this.built.get(coll);
      if (!indexes) return;
      if (previous) for (const [field, index] of indexes) this.remove(index, valueAt(previous, field), id);
      let changed = this.dirty.get(coll);
      if (!changed) this.dirty.set(coll, (changed = new Set()));
      changed.add(id);
    });
  }

  declare(collections: readonly CollectionDeclaration[]): void {
    for (const c of collections) {
      const firsts = (c.indexes ?? []).map((i) => Object.keys(i.keys)[0]).filter((f) => f !== '_id');
      this.fields.set(c.name, [...new Set(firsts)]);
    }
  }

  /** The documents a filter can match, from the narrowest pinned field; undefined: scan. */
  candidates(coll: string, filter: Record<string, unknown>): Doc[] | undefined {
    const fields = (this.fields.get(coll) ?? []).filter((f) => Object.hasOwn(filter, f));
    let best: Bucket[] | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    for (const field of fields) {
      const values = pinnedValues(filter[field]);
      if (!values) continue;
      const index = this.indexOf(coll, field);
      const buckets = [...values.map((v) => index.byValue.get(v) ?? new Set<DocId>()), index.other];
      const size = buckets.reduce((n, b) => n + b.size, 0);
      if (size < bestSize) [best, bestSize] = [buckets, size];
    }
    if (!best) return undefined;
    const ids = new Set<DocId>();
    for (const bucket of best) for (const id of bucket) ids.add(id);
    const docs: Doc[] = [];
    // Insertion order, as a scan would give them (an unsorted query's order must not change).
    for (const doc of this.store.docs(coll)) if (ids.has(doc._id)) docs.push(doc);
    return docs;
  }

  private indexOf(coll: string, field: string): FieldIndex {
    let indexes = this.built.get(coll);
    if (!indexes) this.built.set(coll, (indexes = new Map()));
    let index = indexes.get(field);
    if (!index) {
      index = { byValue: new Map(), other: new Set() };
      for (const doc of this.store.docs(coll)) this.add(index, valueAt(doc, field), doc._id);
      indexes.set(field, index);
    }
    const changed = this.dirty.get(coll);
    if (changed?.size) {
      for (const id of changed) {
        const doc = this.store.get(coll, id);
        for (const [f, other] of indexes) {
          this.remove(other, doc === undefined ? undefined : valueAt(doc, f), id);
          if (doc) this.add(other, valueAt(doc, f), id);
        }
      }
      changed.clear();
    }
    return index;
  }

  private add(index: FieldIndex, value: unknown, id: DocId): void {
    const key = scalarKey(value);
    if (key === undefined) return void index.other.add(id);
    let bucket = index.byValue.get(key);
    if (!bucket) index.byValue.set(key, (bucket = new Set()));
    bucket.add(id);
  }

  private remove(index: FieldIndex, value: unknown, id: DocId): void {
    const key = scalarKey(value);
    if (key === undefined) index.other.delete(id);
    else index.byValue.get(key)?.delete(id);
  }
}

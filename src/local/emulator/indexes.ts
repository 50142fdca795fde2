// Declared collections and their unique secondary indexes. CloudBase (MongoDB underneath) refuses
// a write that would give two documents the same key of a unique index with the same error as a
// duplicate _id; a document without the field counts as null, as in MongoDB, so two such
// documents collide too. Only unique indexes matter locally: the others only make queries fast.
import { encodeCanonical, type Doc, type DocId } from './codec';
import { EmulatorError } from './errors';
import type { Mutation } from './journal';

export interface IndexDeclaration {
  name: string;
  keys: Readonly<Record<string, 1 | -1>>;
  unique?: boolean;
}

/** What the stack creates at start, as `npm run db:setup` does in the cloud (src/server/database.ts). */
export interface CollectionDeclaration {
  name: string;
  indexes?: ReadonlyArray<IndexDeclaration>;
}

function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : value;
}

function keyOf(doc: Doc, index: IndexDeclaration): string {
  return encodeCanonical(Object.keys(index.keys).map((field) => valueAt(doc, field)));
}

function describeKey(doc: Doc, index: IndexDeclaration): string {
  const parts = Object.keys(index.keys).map((field) => `${field}: ${JSON.stringify(valueAt(doc, field))}`);
  return `{ ${parts.join(', ')} }`;
}

/** The error CloudBase answers for a duplicate _id, and for a duplicate key of a unique index. */
export function duplicateKeyError(coll: string, index: string, key: string): EmulatorError {
  return new EmulatorError('DATABASE_DUPLICATE_KEY', `E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key}`);
}

export function duplicateIdError(coll: string, id: DocId): EmulatorError {
  return duplicateKeyError(coll, '_id_', `{ _id: ${JSON.stringify(id)} }`);
}

export class UniqueIndexes {
  private readonly byCollection = new Map<string, IndexDeclaration[]>();

  declare(coll: string, indexes: ReadonlyArray<IndexDeclaration>): void {
    const unique = indexes.filter((i) => i.unique === true);
    if (unique.length) this.byCollection.set(coll, unique);
    else this.byCollection.delete(coll);
  }

  has(coll: string): boolean {
    return this.byCollection.has(coll);
  }

  /** Throws when documents already stored break an index (MongoDB refuses to build it then). */
  verifyExisting(coll: string, docs: readonly Doc[]): void {
    for (const index of this.byCollection.get(coll) ?? []) {
      const seen = new Set<string>();
      for (const doc of docs) {
        const key = keyOf(doc, index);
        if (seen.has(key)) {
          throw new Error(`cannot build unique index ${coll}.${index.name}: documents already share the key ${describeKey(doc, index)}`);
        }
        seen.add(key);
      }
    }
  }

  /**
   * Whether a document the batch puts shares a unique key with one of `others` (another
   * document): the pending writes of open transactions, whose keys are locked like documents.
   */
  clashes(mutations: readonly Mutation[], others: (coll: string) => readonly Doc[]): boolean {
    for (const m of mutations) {
      if (m.op !== 'put') continue;
      const indexes = this.byCollection.get(m.coll);
      if (!indexes) continue;
      for (const other of others(m.coll)) {
        if (other._id === m.doc._id) continue;
        if (indexes.some((index) => keyOf(other, index) === keyOf(m.doc, index))) return true;
      }
    }
    return false;
  }

  /**
   * Throws DATABASE_DUPLICATE_KEY when the batch would leave two documents of a collection with
   * the same key of one of its unique indexes. `docs` is the collection as the writer sees it.
   */
  check(mutations: readonly Mutation[], docs: (coll: string) => readonly Doc[]): void {
    const touched = new Map<string, Map<DocId, Doc | null>>();
    for (const m of mutations) {
      if (m.op === 'create' || !this.byCollection.has(m.coll)) continue;
      let writes = touched.get(m.coll);
      if (!writes) touched.set(m.coll, (writes = new Map()));
      if (m.op === 'put') writes.set(m.doc._id, m.doc);
      else writes.set(m.id, null);
    }
    for (const [coll, writes] of touched) {
      const written = [...writes.values()].filter((d): d is Doc => d !== null);
      if (written.length === 0) continue;
      for (const index of this.byCollection.get(coll)!) {
        const keys = new Map<string, DocId>();
        for (const doc of docs(coll)) if (!writes.has(doc._id)) keys.set(keyOf(doc, index), doc._id);
        for (const doc of written) {
          const key = keyOf(doc, index);
          if (keys.has(key)) throw duplicateKeyError(coll, index.name, describeKey(doc, index));
          keys.set(key, doc._id);
        }
      }
    }
  }
}

// What a database action reads from and writes to: either the committed store directly, or a
// transaction's private view of it (see transactions.ts).
import type { Doc, DocId } from './codec';
import type { UniqueIndexes } from './indexes';
import type { LookupIndexes } from './lookup-index';
import type { Mutation } from './journal';
import type { Store } from './store';
import { LockedError, type Transactions } from './transactions';

export interface DocSource {
  docs(coll: string): Doc[];
  /** The documents a filter can match, narrowed by an index; undefined: all of `docs`. */
  candidates?(coll: string, filter: Record<string, unknown>): Doc[] | undefined;
  get(coll: string, id: DocId): Doc | undefined;
  /** Applies the batch, or throws without writing anything. */
  write(mutations: Mutation[]): void;
}

/**
 * Plain (non-transactional) reads and writes. A write to a document an open transaction holds
 * throws LockedError before anything is written: the caller waits for the lock and tries again.
 */
export function committedSource(store: Store, transactions: Transactions, unique: UniqueIndexes, lookup?: LookupIndexes): DocSource {
  return {
    docs: (coll) => store.docs(coll),
    candidates: (coll, filter) => lookup?.candidates(coll, filter),
    get: (coll, id) => store.get(coll, id),
    write: (mutations) => {
      for (const m of mutations) {
        if (m.op === 'create') continue;
        const id = m.op === 'put' ? m.doc._id : m.id;
        if (transactions.lockHolder(m.coll, id) !== undefined) throw new LockedError(m.coll, id);
      }
      // A unique key an open transaction is writing is locked too (MongoDB locks index keys).
      const pending = mutations.find((m) => m.op === 'put' && unique.clashes([m], (coll) => transactions.pendingDocs(coll)));
      if (pending && pending.op === 'put') throw new LockedError(pending.coll, pending.doc._id);
      unique.check(mutations, (coll) => store.docs(coll));
      store.commit(mutations);
    },
  };
}

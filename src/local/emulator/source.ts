// What a database action reads from and writes to: either the committed store directly, or a
// transaction's private view of it (see transactions.ts).
import type { Doc, DocId } from './codec';
import type { Mutation } from './journal';
import type { Store } from './store';

export interface DocSource {
  docs(coll: string): Doc[];
  get(coll: string, id: DocId): Doc | undefined;
  /** Records that the action's outcome depends on these documents (conflict detection). */
  observe(coll: string, ids: Iterable<DocId>): void;
  write(mutations: Mutation[]): void;
}

export function committedSource(store: Store): DocSource {
  return {
    docs: (coll) => store.docs(coll),
    get: (coll, id) => store.get(coll, id),
    observe: () => undefined,
    write: (mutations) => store.commit(mutations),
  };
}

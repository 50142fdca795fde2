// Optimistic transactions. A transaction reads the committed state through a private overlay of
// its own writes and remembers the revision of every document its results depended on. Commit
// re-checks those revisions: if another writer got there first the commit fails with
// DATABASE_TRANSACTION_CONFLICT (db.runTransaction retries on exactly that code); otherwise all
// its writes are journaled as ONE batch, so they become visible, and durable, together.
import { randomUUID } from 'node:crypto';
import type { Doc, DocId } from './codec';
import { EmulatorError } from './errors';
import type { Mutation } from './journal';
import type { DocSource } from './source';
import type { Store } from './store';

interface TxState {
  lastUsed: number;
  // coll -> id -> revision seen when first observed
  reads: Map<string, Map<DocId, number>>;
  // coll -> id -> new document, or null for deleted
  writes: Map<string, Map<DocId, Doc | null>>;
}

export interface TransactionOptions {
  /** Idle transactions are dropped after this long (CloudBase expires them too). */
  idleTimeoutMs?: number;
  now?: () => number;
}

export class Transactions {
  private readonly open = new Map<string, TxState>();
  private readonly idleTimeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    options: TransactionOptions = {},
  ) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  begin(): string {
    this.expireIdle();
    const id = randomUUID();
    this.open.set(id, { lastUsed: this.now(), reads: new Map(), writes: new Map() });
    return id;
  }

  /** The view a transactional action works against. */
  source(id: string): DocSource {
    const tx = this.take(id);
    const store = this.store;
    const overlay = (coll: string) => tx.writes.get(coll);
    return {
      docs(coll) {
        const writes = overlay(coll);
        if (!writes) return store.docs(coll);
        const out: Doc[] = [];
        for (const doc of store.docs(coll)) {
          if (!writes.has(doc._id)) out.push(doc);
          else {
            const mine = writes.get(doc._id);
            if (mine) out.push(mine);
          }
        }
        for (const [id, doc] of writes) if (doc && !store.get(coll, id)) out.push(doc);
        return out;
      },
      get(coll, id) {
        const writes = overlay(coll);
        if (writes?.has(id)) return writes.get(id) ?? undefined;
        return store.get(coll, id);
      },
      observe(coll, ids) {
        let seen = tx.reads.get(coll);
        if (!seen) {
          seen = new Map();
          tx.reads.set(coll, seen);
        }
        for (const id of ids) if (!seen.has(id)) seen.set(id, store.revision(coll, id));
      },
      write(mutations) {
        for (const m of mutations) {
          let writes = tx.writes.get(m.coll);
          if (!writes) {
            writes = new Map();
            tx.writes.set(m.coll, writes);
          }
          if (m.op === 'put') writes.set(m.doc._id, m.doc);
          else if (m.op === 'delete') writes.set(m.id, null);
        }
      },
    };
  }

  commit(id: string): void {
    const tx = this.take(id);
    this.open.delete(id);
    for (const [coll, seen] of tx.reads) {
      for (const [docId, revision] of seen) {
        if (this.store.revision(coll, docId) !== revision) {
          throw new EmulatorError(
            'DATABASE_TRANSACTION_CONFLICT',
            `transaction conflict: ${coll}/${String(docId)} was changed by another writer`,
          );
        }
      }
    }
    const mutations: Mutation[] = [];
    for (const [coll, writes] of tx.writes) {
      for (const [docId, doc] of writes) {
        mutations.push(doc ? { op: 'put', coll, doc } : { op: 'delete', coll, id: docId });
      }
    }
    this.store.commit(mutations);
  }

  abort(id: string): void {
    this.take(id);
    this.open.delete(id);
  }

  private take(id: string): TxState {
    this.expireIdle();
    const tx = this.open.get(id);
    if (!tx) throw new EmulatorError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has expired`);
    tx.lastUsed = this.now();
    return tx;
  }

  private expireIdle(): void {
    const cutoff = this.now() - this.idleTimeoutMs;
    for (const [id, tx] of this.open) if (tx.lastUsed < cutoff) this.open.delete(id);
  }
}

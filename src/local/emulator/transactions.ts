// Transactions as CloudBase runs them (MongoDB's snapshot isolation underneath):
// - Reads see a snapshot: the committed state as of the transaction's first read or write
//   (MongoDB's rule), plus the transaction's own writes. Later commits by others stay unseen.
// - A write takes the document's lock. A write to a document another open transaction has
//   written, or that someone committed after the snapshot, fails at once with
//   DATABASE_TRANSACTION_CONFLICT, and the transaction is over (MongoDB aborts it; the SDK's
//   runTransaction retries with a new one on exactly that code).
// - A plain write to a locked document waits until the lock holder commits, rolls back or expires.
// - Only writes conflict: a document that was merely read may change meanwhile (write skew is
//   allowed), and commit always succeeds for a live transaction.
// - A transaction must end within 30 s of its start; after that it is gone, its locks released,
//   and any use of it answers DATABASE_TRANSACTION_FAIL.
// Commit journals all its writes as ONE batch, so they become visible, and durable, together.
import { randomUUID } from 'node:crypto';
import type { Doc, DocId } from './codec';
import { EmulatorError } from './errors';
import type { UniqueIndexes } from './indexes';
import type { Mutation } from './journal';
import type { DocSource } from './source';
import type { Store } from './store';

/** CloudBase: "transaction must be commit or abort in 30 seconds". */
export const TRANSACTION_LIFETIME_MS = 30_000;

// The messages CloudBase answers with (node-sdk's transaction tests quote them).
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

export function transactionConflict(detail: string): EmulatorError {
  return new EmulatorError('DATABASE_TRANSACTION_CONFLICT', `${CONFLICT_MESSAGE} (${detail})`);
}

type DocMap = Map<string, Map<DocId, Doc | null>>;

interface TxState {
  id: string;
  startedAt: number;
  /** Store revision the snapshot is of; undefined until the first read or write. */
  snapshot: number | undefined;
  /** Documents changed by others since the snapshot: what they were then (null: absent). */
  before: DocMap;
  /** The transaction's own writes (null: deleted). */
  writes: DocMap;
  timer: NodeJS.Timeout | undefined;
}

export interface TransactionOptions {
  /** The clock the 30 s lifetime is measured with (tests move it). */
  now?: () => number;
  /** Unique indexes, checked again at commit against what others committed meanwhile. */
  unique?: UniqueIndexes;
}

function entry(map: DocMap, coll: string): Map<DocId, Doc | null> {
  let docs = map.get(coll);
  if (!docs) map.set(coll, (docs = new Map()));
  return docs;
}

/** A plain write met a document locked by an open transaction: wait, then try again. */
export class LockedError extends Error {
  constructor(
    readonly coll: string,
    readonly id: DocId,
  ) {
    super(`${coll}/${String(id)} is locked by an open transaction`);
    this.name = 'LockedError';
  }
}

export class Transactions {
  private readonly open = new Map<string, TxState>();
  // coll -> id -> the transaction holding the document's write lock
  private readonly locks = new Map<string, Map<DocId, string>>();
  private waiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly options: TransactionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    // Keep each open snapshot: the first change of a document after it saves what it was.
    store.onChange((coll, id, previous) => {
      for (const tx of this.open.values()) {
        if (tx.snapshot === undefined) continue;
        const before = entry(tx.before, coll);
        if (!before.has(id)) before.set(id, previous ?? null);
      }
    });
  }

  begin(): string {
    this.expire();
    const id = randomUUID();
    const tx: TxState = { id, startedAt: this.now(), snapshot: undefined, before: new Map(), writes: new Map(), timer: undefined };
    // Expiry also wakes plain writes waiting for this transaction's locks (real clock; a test's
    // clock is looked at on every request instead).
    tx.timer = setTimeout(() => this.expire(), TRANSACTION_LIFETIME_MS + 10);
    tx.timer.unref?.();
    this.open.set(id, tx);
    return id;
  }

  /** The view a transactional action works against. */
  source(id: string): DocSource {
    const tx = this.take(id);
    tx.snapshot ??= this.store.currentRevision();
    const store = this.store;
    const seen = (coll: string, docId: DocId): Doc | undefined => {
      const mine = tx.writes.get(coll);
      if (mine?.has(docId)) return mine.get(docId) ?? undefined;
      const before = tx.before.get(coll);
      if (before?.has(docId)) return before.get(docId) ?? undefined;
      return store.get(coll, docId);
    };
    const view: DocSource = {
      docs(coll) {
        const ids = new Set<DocId>(store.docs(coll).map((d) => d._id));
        for (const docId of tx.before.get(coll)?.keys() ?? []) ids.add(docId);
        for (const docId of tx.writes.get(coll)?.keys() ?? []) ids.add(docId);
        const out: Doc[] = [];
        for (const docId of ids) {
          const doc = seen(coll, docId);
          if (doc) out.push(doc);
        }
        return out;
      },
      get: seen,
      write: (mutations) => {
        for (const m of mutations) {
          if (m.op === 'create') continue;
          const docId = m.op === 'put' ? m.doc._id : m.id;
          const holder = this.locks.get(m.coll)?.get(docId);
          if (holder !== undefined && holder !== tx.id) {
            this.drop(tx);
            throw transactionConflict(`${m.coll}/${String(docId)} is being written by another transaction`);
          }
          if (holder === undefined && store.revision(m.coll, docId) > tx.snapshot!) {
            this.drop(tx);
            throw transactionConflict(`${m.coll}/${String(docId)} changed after the transaction's snapshot`);
          }
        }
        // A unique key another open transaction is writing is locked like a document.
        if (this.options.unique?.clashes(mutations, (coll) => this.pendingDocs(coll, tx.id))) {
          this.drop(tx);
          throw transactionConflict('a unique key is being written by another transaction');
        }
        this.options.unique?.check(mutations, (coll) => view.docs(coll));
        for (const m of mutations) {
          if (m.op === 'create') continue;
          const docId = m.op === 'put' ? m.doc._id : m.id;
          entry(tx.writes, m.coll).set(docId, m.op === 'put' ? m.doc : null);
          let locks = this.locks.get(m.coll);
          if (!locks) this.locks.set(m.coll, (locks = new Map()));
          locks.set(docId, tx.id);
        }
      },
    };
    return view;
  }

  commit(id: string): void {
    const tx = this.take(id);
    const mutations: Mutation[] = [];
    for (const [coll, writes] of tx.writes) {
      for (const [docId, doc] of writes) mutations.push(doc ? { op: 'put', coll, doc } : { op: 'delete', coll, id: docId });
    }
    try {
      // Locked documents cannot have changed; a unique key taken meanwhile by a plain write can.
      this.options.unique?.check(mutations, (coll) => this.store.docs(coll));
    } catch (err) {
      this.drop(tx);
      throw err;
    }
    this.drop(tx);
    this.store.commit(mutations);
  }

  abort(id: string): void {
    this.drop(this.take(id));
  }

  /** The open transaction holding a document's write lock, if any. */
  lockHolder(coll: string, id: DocId): string | undefined {
    this.expire();
    return this.locks.get(coll)?.get(id);
  }

  /** Documents open transactions (other than `except`) have written to a collection, not yet committed. */
  pendingDocs(coll: string, except?: string): Doc[] {
    const out: Doc[] = [];
    for (const tx of this.open.values()) {
      if (tx.id === except) continue;
      for (const doc of tx.writes.get(coll)?.values() ?? []) if (doc) out.push(doc);
    }
    return out;
  }

  /** Settles the next time any lock is released (commit, rollback, conflict or expiry). */
  released(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends every transaction older than its lifetime; called on each request too. */
  expire(): void {
    const cutoff = this.now() - TRANSACTION_LIFETIME_MS;
    for (const tx of [...this.open.values()]) if (tx.startedAt <= cutoff) this.drop(tx);
  }

  private take(id: string): TxState {
    this.expire();
    const tx = this.open.get(id);
    if (!tx) throw new EmulatorError('DATABASE_TRANSACTION_FAIL', NOT_EXIST_MESSAGE);
    return tx;
  }

  private drop(tx: TxState): void {
    if (!this.open.delete(tx.id)) return;
    if (tx.timer) clearTimeout(tx.timer);
    for (const [coll, writes] of tx.writes) {
      const locks = this.locks.get(coll);
      if (!locks) continue;
      for (const docId of writes.keys()) if (locks.get(docId) === tx.id) locks.delete(docId);
      if (locks.size === 0) this.locks.delete(coll);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

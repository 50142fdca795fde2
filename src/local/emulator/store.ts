// Collections in memory, made durable by the journal. Every change goes through commit(), which
// journals first and applies second, synchronously: no other request can interleave, so each
// action (including a conditional update) is atomic.
import fs from 'node:fs';
import type { Doc, DocId } from './codec';
import { Journal, type Mutation } from './journal';
import { DataDirLock } from './lock';

export interface StoreOptions {
  /** Rewrite the journal as a compact snapshot after replay (default true). */
  compactOnOpen?: boolean;
}

/** Told of every document about to change, with what it was (undefined: absent). */
export type ChangeListener = (coll: string, id: DocId, previous: Doc | undefined) => void;

export class Store {
  private readonly collections = new Map<string, Map<DocId, Doc>>();
  // Revision of every (collection, id) ever written, kept after deletes, so a transaction's write
  // sees that the document changed after its snapshot (an insert and delete included). Not
  // persisted: only live transactions use it.
  private readonly revisions = new Map<string, Map<DocId, number>>();
  private sequence = 0;
  private journal: Journal | undefined;
  private lock: DataDirLock | undefined;
  private readonly listeners: ChangeListener[] = [];

  private constructor() {}

  static open(dataDir: string, options: StoreOptions = {}): Store {
    const store = new Store();
    fs.mkdirSync(dataDir, { recursive: true });
    store.lock = DataDirLock.acquire(dataDir);
    try {
      store.journal = Journal.open(dataDir, (mutations) => store.apply(mutations));
      if (options.compactOnOpen !== false) store.journal.compact(store.snapshot());
    } catch (err) {
      store.close();
      throw err;
    }
    return store;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  hasCollection(coll: string): boolean {
    return this.collections.has(coll);
  }

  /** Documents of a collection in insertion order (the "natural order" of a scan). */
  docs(coll: string): Doc[] {
    const docs = this.collections.get(coll);
    return docs ? [...docs.values()] : [];
  }

  get(coll: string, id: DocId): Doc | undefined {
    return this.collections.get(coll)?.get(id);
  }

  revision(coll: string, id: DocId): number {
    return this.revisions.get(coll)?.get(id) ?? 0;
  }

  /** The revision of the latest commit: a document with a higher revision changed after it. */
  currentRevision(): number {
    return this.sequence;
  }

  /** Called before each document changes (transactions keep their snapshots with it). */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Journals the batch, then applies it, synchronously: no other request can interleave. The
   * returned promise settles when the batch is on disk; callers answer only after `flushed()`.
   * Stored documents are never mutated in place.
   */
  commit(mutations: readonly Mutation[]): Promise<void> {
    if (mutations.length === 0) return Promise.resolve();
    if (!this.journal) throw new Error('store is closed');
    const durable = this.journal.append(mutations);
    this.apply(mutations);
    return durable;
  }

  /** Settles once every commit so far is durable: no answer may reveal data a crash would lose. */
  flushed(): Promise<void> {
    return this.journal?.flushed() ?? Promise.resolve();
  }

  close(): void {
    this.journal?.close();
    this.journal = undefined;
    this.lock?.release();
    this.lock = undefined;
  }

  private apply(mutations: readonly Mutation[]): void {
    this.sequence += 1;
    for (const m of mutations) {
      const docs = this.ensure(m.coll);
      if (m.op !== 'create') {
        const id = m.op === 'put' ? m.doc._id : m.id;
        for (const listener of this.listeners) listener(m.coll, id, docs.get(id));
      }
      if (m.op === 'put') {
        docs.set(m.doc._id, m.doc);
        this.bump(m.coll, m.doc._id);
      } else if (m.op === 'delete') {
        docs.delete(m.id);
        this.bump(m.coll, m.id);
      }
    }
  }

  private ensure(coll: string): Map<DocId, Doc> {
    let docs = this.collections.get(coll);
    if (!docs) {
      docs = new Map();
      this.collections.set(coll, docs);
    }
    return docs;
  }

  private bump(coll: string, id: DocId): void {
    let revs = this.revisions.get(coll);
    if (!revs) {
      revs = new Map();
      this.revisions.set(coll, revs);
    }
    revs.set(id, this.sequence);
  }

  private *snapshot(): Iterable<Mutation[]> {
    const CHUNK = 500;
    for (const [coll, docs] of this.collections) {
      yield [{ op: 'create', coll }];
      let batch: Mutation[] = [];
      for (const doc of docs.values()) {
        batch.push({ op: 'put', coll, doc });
        if (batch.length === CHUNK) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  }
}

// Append-only journal: one line of canonical EJSON per acknowledged write, fdatasync'd before
// the caller answers the client. A batch (a multi-document update, a transaction commit) is one
// line, so replay applies it entirely or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { decodeEJSON, encodeCanonical, isPlainObject, isDocId, type Doc, type DocId } from './codec';

export type Mutation =
  | { op: 'create'; coll: string }
  | { op: 'put'; coll: string; doc: Doc }
  | { op: 'delete'; coll: string; id: DocId };

const FILE_NAME = 'journal.ejsonl';

function fsyncDir(dir: string): void {
  // Makes a created or renamed file's directory entry durable; not supported everywhere (Windows).
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function parseMutations(line: string): Mutation[] {
  const record = decodeEJSON(line);
  if (!isPlainObject(record) || !Array.isArray(record.m)) throw new Error('journal record without mutations');
  return record.m.map((m: unknown) => {
    if (!isPlainObject(m) || typeof m.coll !== 'string') throw new Error('malformed mutation');
    if (m.op === 'create') return { op: 'create', coll: m.coll };
    if (m.op === 'put' && isPlainObject(m.doc) && isDocId(m.doc._id)) return { op: 'put', coll: m.coll, doc: m.doc as Doc };
    if (m.op === 'delete' && isDocId(m.id)) return { op: 'delete', coll: m.coll, id: m.id };
    throw new Error(`unknown mutation ${String(m.op)}`);
  });
}

function serialize(mutations: readonly Mutation[]): string {
  return `${encodeCanonical({ m: mutations })}\n`;
}

export class Journal {
  private fd: number;
  private size: number;

  private constructor(private readonly file: string) {
    this.fd = fs.openSync(file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  /**
   * Opens (creating if needed) the journal in dataDir and feeds every recorded batch to `apply`.
   * A torn last line (crash mid-append, never acknowledged) is cut off; damage elsewhere throws.
   */
  static open(dataDir: string, apply: (mutations: Mutation[]) => void): Journal {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, FILE_NAME);
    const existed = fs.existsSync(file);
    if (existed) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');
      let goodBytes = 0;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const isLast = i === lines.length - 1;
        if (line === '') {
          if (!isLast) goodBytes += 1;
          continue;
        }
        let mutations: Mutation[];
        try {
          // A last line without its newline was never fully written, so never acknowledged.
          if (isLast) throw new Error('torn tail');
          mutations = parseMutations(line);
        } catch (err) {
          if (isLast || lines.slice(i + 1).every((l) => l === '')) break;
          throw new Error(`journal ${file} is damaged at line ${i + 1}: ${(err as Error).message}`);
        }
        apply(mutations);
        goodBytes += Buffer.byteLength(line) + 1;
      }
      if (goodBytes < Buffer.byteLength(text)) fs.truncateSync(file, goodBytes);
    }
    const journal = new Journal(file);
    if (!existed) fsyncDir(dataDir);
    return journal;
  }

  /**
   * Appends one batch. The bytes are written at once; the returned promise settles when they
   * have reached the disk. Appends of the same turn of the event loop share one fdatasync
   * (group commit), which runs off the event loop, so concurrent writers do not queue on it.
   */
  append(mutations: readonly Mutation[]): Promise<void> {
    const line = Buffer.from(serialize(mutations));
    try {
      let written = 0;
      while (written < line.length) written += fs.writeSync(this.fd, line, written);
    } catch (err) {
      // Cut off a partial line (e.g. disk full) so the next append does not extend garbage.
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        // the replay's torn-tail handling is the remaining safety net
      }
      throw err;
    }
    this.size += line.length;
    return this.syncSoon();
  }

  /** Settles once everything appended so far is on disk. */
  flushed(): Promise<void> {
    return this.pendingSync ?? Promise.resolve();
  }

  private pendingSync: Promise<void> | null = null;

  private syncSoon(): Promise<void> {
    if (this.pendingSync) return this.pendingSync;
    const fd = this.fd;
    const sync = new Promise<void>((resolve, reject) => {
      // Writes made before this callback runs are covered by this fdatasync; later ones by the next.
      setImmediate(() => {
        if (this.pendingSync === sync) this.pendingSync = null;
        fs.fdatasync(fd, (err) => (err ? reject(err) : resolve()));
      });
    });
    // Callers may drop the promise (they wait on flushed() instead): never an unhandled rejection.
    sync.catch(() => undefined);
    this.pendingSync = sync;
    return sync;
  }

  /** Rewrites the journal as the given snapshot (write tmp, fsync, atomic rename). */
  compact(snapshot: Iterable<Mutation[]>): void {
    const tmp = `${this.file}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      for (const batch of snapshot) fs.writeSync(fd, serialize(batch));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.closeSync(this.fd);
    fs.renameSync(tmp, this.file);
    fsyncDir(path.dirname(this.file));
    this.fd = fs.openSync(this.file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  close(): void {
    try {
      fs.fdatasyncSync(this.fd); // a graceful close leaves nothing waiting for the disk
    } finally {
      fs.closeSync(this.fd);
    }
  }
}

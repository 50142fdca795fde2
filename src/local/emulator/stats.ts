// Per-process request counters, so tests and benchmarks can assert how many database round trips
// a use case costs (CloudBase bills and throttles per request).
export type OperationKind = 'read' | 'write';

export interface StatsSnapshot {
  reads: number;
  writes: number;
  /** Documents returned by reads (get and aggregate results): what a query really costs. */
  docsRead: number;
  /** Every action served, including transaction control, functions and wx api calls. */
  byAction: Record<string, number>;
  byCollection: Record<string, { reads: number; writes: number; docsRead: number }>;
}

const KIND_OF_ACTION: Record<string, OperationKind> = {
  'database.getDocument': 'read',
  'database.calculateDocument': 'read',
  'database.aggregateDocuments': 'read',
  'database.insertDocument': 'write',
  'database.modifyDocument': 'write',
  'database.modifyAndReturnDoc': 'write',
  'database.removeDocument': 'write',
};

export class Stats {
  private state: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { reads: 0, writes: 0, docsRead: 0, byAction: {}, byCollection: {} };
  }

  record(action: string, collection?: string): void {
    const s = this.state;
    s.byAction[action] = (s.byAction[action] ?? 0) + 1;
    const kind = KIND_OF_ACTION[action];
    if (!kind) return;
    if (kind === 'read') s.reads += 1;
    else s.writes += 1;
    if (collection) {
      const c = (s.byCollection[collection] ??= { reads: 0, writes: 0, docsRead: 0 });
      if (kind === 'read') c.reads += 1;
      else c.writes += 1;
    }
  }

  /** Documents a read returned (counted after the read answered). */
  recordDocs(collection: string | undefined, count: number): void {
    this.state.docsRead += count;
    if (collection) (this.state.byCollection[collection] ??= { reads: 0, writes: 0, docsRead: 0 }).docsRead += count;
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.state);
  }

  reset(): void {
    this.state = Stats.empty();
  }
}

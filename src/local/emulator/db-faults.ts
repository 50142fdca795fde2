// Database failures on demand, for tests of what a function does when a write fails (e.g. the
// pii_access log): the next `times` requests on a collection (of one action, if given) answer
// DATABASE_REQUEST_FAILED.
import { EmulatorError, invalidParam } from './errors';

export interface DbFaultSpec {
  collection: string;
  /** Only this SDK action, e.g. 'database.insertDocument'; any when absent. */
  action?: string;
  /** How many requests fail; every one until cleared when absent. */
  times?: number;
}

export class DbFaults {
  private readonly faults: Array<{ collection: string; action?: string; remaining: number }> = [];

  inject(spec: DbFaultSpec): void {
    if (typeof spec.collection !== 'string' || spec.collection === '') throw invalidParam('a database fault needs a collection');
    if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) throw invalidParam('times must be a positive integer');
    if (spec.action !== undefined && typeof spec.action !== 'string') throw invalidParam('action must be a string');
    this.faults.push({ collection: spec.collection, action: spec.action, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Throws when a fault waits for this collection (and counts it down). */
  take(collection: string | undefined, action: string): void {
    const fault = this.faults.find((f) => f.collection === collection && (f.action === undefined || f.action === action) && f.remaining > 0);
    if (!fault) return;
    fault.remaining -= 1;
    throw new EmulatorError('DATABASE_REQUEST_FAILED', `injected fault on ${collection}`);
  }
}

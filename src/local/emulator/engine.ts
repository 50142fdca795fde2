// Query, update, sort, projection and aggregation semantics, all delegated to mingo so the local
// database behaves like MongoDB (which CloudBase's document database is built on).
import 'mingo/init/system';
import { Aggregator, ProcessingMode, Query } from 'mingo';
import { update, type UpdateExpression } from 'mingo/updater';
import { isEqual } from 'mingo/util';
import { isPlainObject, type Doc, type Plain } from './codec';
import { EmulatorError, invalidParam } from './errors';

// $where/$function/$accumulator would run code sent over the wire; never locally either.
const QUERY_OPTIONS = { scriptEnabled: false } as const;

export type Filter = Plain;
export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

export type UpdateSpec = { kind: 'replace'; doc: Plain } | { kind: 'operators'; ops: Plain };

function dbFailure(err: unknown): EmulatorError {
  return new EmulatorError('DATABASE_REQUEST_FAILED', err instanceof Error ? err.message : String(err));
}

export function compileFilter(filter: Filter): (doc: Doc) => boolean {
  try {
    const query = new Query(filter, QUERY_OPTIONS);
    return (doc) => query.test(doc);
  } catch (err) {
    throw dbFailure(err);
  }
}

/** Filters, sorts, skips and limits; returns the stored documents themselves (not copies). */
export function findDocs(docs: Doc[], filter: Filter, options: FindOptions = {}): Doc[] {
  try {
    let cursor = new Query(filter, QUERY_OPTIONS).find<Doc>(docs);
    if (options.sort && Object.keys(options.sort).length) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.all();
  } catch (err) {
    throw dbFailure(err);
  }
}

export function project(docs: Doc[], projection: Plain | undefined): Plain[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  try {
    return new Query({}, QUERY_OPTIONS).find<Plain>(docs, projection).all();
  } catch (err) {
    throw dbFailure(err);
  }
}

/** Builds the update spec from the SDK's `data` and `merge` flag (merge false = replace). */
export function toUpdateSpec(data: unknown, merge: boolean): UpdateSpec {
  if (!isPlainObject(data)) throw invalidParam('update data must be an object');
  const keys = Object.keys(data);
  const operatorKeys = keys.filter((k) => k.startsWith('$'));
  if (!merge) {
    if (operatorKeys.length) throw invalidParam('a replacement document cannot contain update operators');
    return { kind: 'replace', doc: data };
  }
  if (operatorKeys.length === 0) return { kind: 'operators', ops: { $set: data } };
  if (operatorKeys.length !== keys.length) throw invalidParam('update mixes operators and plain fields');
  return { kind: 'operators', ops: data };
}

/** Applies an update to a copy of the document; `modified` follows MongoDB's nModified. */
export function applyUpdate(doc: Doc, spec: UpdateSpec): { doc: Doc; modified: boolean } {
  if (spec.kind === 'replace') {
    const { _id: _ignored, ...fields } = spec.doc;
    const next = { _id: doc._id, ...structuredClone(fields) } as Doc;
    return { doc: next, modified: !isEqual(doc, next) };
  }
  const next = structuredClone(doc);
  let changed: string[] = [];
  try {
    for (const [op, args] of Object.entries(spec.ops)) {
      if (!isPlainObject(args)) throw new Error(`arguments of ${op} must be an object`);
      if (Object.keys(args).some((path) => path === '_id' || path.startsWith('_id.'))) {
        throw new Error('the _id field cannot be updated');
      }
      changed = changed.concat(update(next, { [op]: args } as unknown as UpdateExpression));
    }
  } catch (err) {
    throw dbFailure(err);
  }
  return { doc: next, modified: changed.length > 0 };
}

// Stages that write to other collections would bypass the journal.
const FORBIDDEN_STAGES = new Set(['$out', '$merge']);
// Stages that only read their input documents: a pipeline of these needs no defensive copy.
const READ_ONLY_STAGES = new Set(['$match', '$group', '$sort', '$skip', '$limit', '$count', '$sortByCount']);

export function aggregate(docs: Doc[], pipeline: Plain[], resolve: (coll: string) => Doc[]): Plain[] {
  for (const stage of pipeline) {
    for (const key of Object.keys(stage)) {
      if (FORBIDDEN_STAGES.has(key)) throw invalidParam(`${key} is not supported by the local emulator`);
    }
  }
  // Leading $match stages only read: run them on the stored documents, so that only the matches
  // are cloned for the stages after them (cloning the whole collection dominated the cost).
  let input = docs;
  let rest = pipeline;
  while (rest.length && Object.keys(rest[0]).length === 1 && isPlainObject(rest[0].$match)) {
    input = findDocs(input, rest[0].$match);
    rest = rest.slice(1);
  }
  if (rest.length === 0) return input;
  try {
    const aggregator = new Aggregator(rest, {
      ...QUERY_OPTIONS,
      // Stages such as $addFields must not write into the stored documents.
      processingMode: rest.every((stage) => Object.keys(stage).every((k) => READ_ONLY_STAGES.has(k)))
        ? ProcessingMode.CLONE_OFF
        : ProcessingMode.CLONE_INPUT,
      collectionResolver: resolve,
    });
    return aggregator.run(input);
  } catch (err) {
    throw dbFailure(err);
  }
}

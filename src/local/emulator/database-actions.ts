// The `database.*` actions of the CloudBase wire protocol, as sent by @cloudbase/database 1.4.3
// (the query builder inside node-sdk 3.18.3). Each returns the `data` the SDK reads back;
// the server adds `requestId`. Shapes are taken from the SDK source:
//   insertDocument     -> { data: { insertedIds } }             (collection.ts, document.ts)
//   getDocument        -> { data: { list: EJSON[] } }            (query.ts, document.ts)
//   calculateDocument  -> { data: { total } }                     (query.ts count)
//   modifyDocument     -> { data: { updated, upsert_id? } }       (query.ts update, document.ts set/update)
//   modifyAndReturnDoc -> { data: { updated, doc: EJSON|null } }  (query.ts updateAndReturn)
//   removeDocument     -> { data: { deleted } }
//   aggregateDocuments -> { data: { list: EJSON[] } }             (aggregate.ts end)
//   start/commit/abortTransaction -> { transactionId } / {}       (transaction/index.ts)
// As in CloudBase, a collection must exist (created by db:setup, the stack's start, or
// db.createCollection) before anything reads or writes it.
import { randomUUID } from 'node:crypto';
import { decodeEJSON, encodeEJSON, isDocId, isPlainObject, type Doc, type DocId, type Plain } from './codec';
import { aggregate, applyUpdate, compileFilter, findDocs, project, toUpdateSpec, type Filter, type SortSpec, type UpdateSpec } from './engine';
import { EmulatorError, invalidParam } from './errors';
import { duplicateIdError, type UniqueIndexes } from './indexes';
import type { Mutation } from './journal';
import type { LookupIndexes } from './lookup-index';
import { committedSource, type DocSource } from './source';
import type { Store } from './store';
import { LockedError, type Transactions } from './transactions';

export type ActionResult = Record<string, unknown>;
export type DatabaseAction = (params: Plain) => ActionResult | Promise<ActionResult>;

// CloudBase's answer for a collection that was never created.
const COLLECTION_NOT_EXIST_MESSAGE = '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem persists, contact us.';

// The SDK marks doc() operations DOC and query operations WHERE (query.ts, document.ts).
const QUERY_TYPE_DOC = 'DOC';

const MAX_LIMIT = 1000;
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function newId(): string {
  // CloudBase generates 32 hex character ids.
  return randomUUID().replace(/-/g, '');
}

export function collectionOf(params: Plain): string | undefined {
  return typeof params.collectionName === 'string' ? params.collectionName : undefined;
}

function collectionName(params: Plain): string {
  const name = collectionOf(params);
  if (!name || !COLLECTION_NAME.test(name)) throw invalidParam(`invalid collectionName ${JSON.stringify(params.collectionName)}`);
  return name;
}

function decodeOrInvalid(text: string, what: string): unknown {
  try {
    return decodeEJSON(text);
  } catch (err) {
    throw invalidParam(`${what} is not valid EJSON: ${(err as Error).message}`);
  }
}

function decoded(params: Plain, key: string): unknown {
  const raw = params[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalidParam(`${key} must be an EJSON string`);
  return decodeOrInvalid(raw, key);
}

function filterOf(params: Plain): Filter {
  const query = decoded(params, 'query');
  if (query === undefined) return {};
  if (!isPlainObject(query)) throw invalidParam('query must be an object');
  return query;
}

function sortOf(params: Plain): SortSpec | undefined {
  const order = decoded(params, 'order');
  if (order === undefined) return undefined;
  if (!isPlainObject(order)) throw invalidParam('order must be an object');
  const sort: SortSpec = {};
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1) throw invalidParam(`order of ${field} must be 1 or -1`);
    sort[field] = dir;
  }
  return sort;
}

function nonNegativeInt(params: Plain, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidParam(`${key} must be a non-negative integer`);
  return value;
}

/** The ids an equality on _id pins the query to, or undefined when it may match any document. */
function pinnedIds(filter: Filter): DocId[] | undefined {
  const id = filter._id;
  if (isDocId(id)) return [id];
  if (isPlainObject(id) && Object.keys(id).length === 1 && Array.isArray(id.$in) && id.$in.every(isDocId)) {
    return id.$in as DocId[];
  }
  return undefined;
}

/** Candidate documents: a direct lookup when _id is pinned, else the declared indexes' (lookup-index.ts) or a scan. */
function candidates(source: DocSource, coll: string, filter: Filter): Doc[] {
  const ids = pinnedIds(filter);
  if (!ids) return source.candidates?.(coll, filter as Record<string, unknown>) ?? source.docs(coll);
  const out: Doc[] = [];
  for (const id of new Set(ids)) {
    const doc = source.get(coll, id);
    if (doc) out.push(doc);
  }
  return out;
}

function matching(source: DocSource, coll: string, filter: Filter): Doc[] {
  const test = compileFilter(filter);
  return candidates(source, coll, filter).filter(test);
}

/** The document an upsert creates: the query's equality fields plus the update. */
function upsertDoc(filter: Filter, spec: UpdateSpec): Doc {
  const id = isDocId(filter._id) ? filter._id : newId();
  if (spec.kind === 'replace') return applyUpdate({ _id: id }, spec).doc;
  const equalities: Plain = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '_id' || key.startsWith('$')) continue;
    const isOperator = isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOperator) equalities[key] = value;
  }
  const base = Object.keys(equalities).length
    ? applyUpdate({ _id: id }, { kind: 'operators', ops: { $set: equalities } }).doc
    : ({ _id: id } as Doc);
  return applyUpdate(base, spec).doc;
}

export function createDatabaseActions(store: Store, transactions: Transactions, unique: UniqueIndexes, lookup?: LookupIndexes): Record<string, DatabaseAction> {
  const committed = committedSource(store, transactions, unique, lookup);

  /** The collection the request names; it must exist, as in CloudBase. */
  const existingCollection = (params: Plain): string => {
    const coll = collectionName(params);
    if (!store.hasCollection(coll)) throw new EmulatorError('DATABASE_COLLECTION_NOT_EXIST', `${COLLECTION_NOT_EXIST_MESSAGE} (${coll})`);
    return coll;
  };

  const transactionOf = (params: Plain): string | undefined => {
    const tx = params.transactionId;
    if (tx === undefined || tx === null || tx === '') return undefined;
    if (typeof tx !== 'string') throw invalidParam('transactionId must be a string');
    return tx;
  };

  /**
   * Where the action reads and writes. In a transaction only single-document operations are
   * allowed (doc().get/set/update/remove and add): CloudBase refuses where() and aggregate there.
   */
  const sourceOf = (params: Plain, what: 'doc' | 'insert' | 'query'): DocSource => {
    const tx = transactionOf(params);
    if (tx === undefined) return committed;
    if (what === 'query' || (what === 'doc' && (params.queryType !== QUERY_TYPE_DOC || pinnedIds(filterOf(params))?.length !== 1))) {
      throw invalidParam('[InvalidParameter] only single-document operations (doc().get/set/update/remove, add) are allowed in a transaction: where() and aggregate() are not');
    }
    return transactions.source(tx);
  };

  /**
   * A plain write that meets a document an open transaction has written waits for that
   * transaction to end (commit, rollback or its 30 s expiry), then runs again on what is there.
   */
  const waitingForLocks =
    (action: (params: Plain) => ActionResult): DatabaseAction =>
    async (params) => {
      for (;;) {
        transactions.expire();
        try {
          return action(params);
        } catch (err) {
          if (!(err instanceof LockedError)) throw err;
          await transactions.released();
        }
      }
    };

  function modify(params: Plain, single: boolean): { updated: number; upsertId?: DocId; last?: Doc } {
    const coll = existingCollection(params);
    const source = sourceOf(params, single ? 'query' : 'doc');
    const filter = filterOf(params);
    const data = decoded(params, 'data');
    const spec = toUpdateSpec(data, params.merge !== false);
    const multi = !single && params.multi === true;
    const matched = matching(source, coll, filter);
    const targets = multi ? matched : matched.slice(0, 1);
    const mutations: Mutation[] = [];
    let updated = 0;
    let last: Doc | undefined;
    for (const doc of targets) {
      const next = applyUpdate(doc, spec);
      last = next.doc;
      if (next.modified) mutations.push({ op: 'put', coll, doc: next.doc });
      // CloudBase counts a replacement (set) and a findAndModify (updateAndReturn) of an existing
      // document as updated even when nothing changed; an operator update only when it changed.
      if (next.modified || single || spec.kind === 'replace') updated += 1;
    }
    let upsertId: DocId | undefined;
    if (targets.length === 0 && params.upsert === true && !single) {
      const doc = upsertDoc(filter, spec);
      if (source.get(coll, doc._id)) throw duplicateIdError(coll, doc._id);
      mutations.push({ op: 'put', coll, doc });
      upsertId = doc._id;
    }
    source.write(mutations);
    return { updated, upsertId, last };
  }

  const insertDocument = (params: Plain): ActionResult => {
    const coll = existingCollection(params);
    const source = sourceOf(params, 'insert');
    const raw = params.data;
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0) throw invalidParam('data must not be empty');
    const docs: Doc[] = items.map((item) => {
      if (typeof item !== 'string') throw invalidParam('each document must be an EJSON string');
      const doc = decodeOrInvalid(item, 'document');
      if (!isPlainObject(doc)) throw invalidParam('a document must be an object');
      const { _id, ...fields } = doc;
      if (_id !== undefined && !isDocId(_id)) throw invalidParam('_id must be a non-empty string or a number');
      return { _id: _id ?? newId(), ...fields } as Doc;
    });
    const ids = docs.map((d) => d._id);
    const seen = new Set<DocId>();
    for (const id of ids) {
      if (seen.has(id) || source.get(coll, id)) throw duplicateIdError(coll, id);
      seen.add(id);
    }
    source.write(docs.map((doc) => ({ op: 'put', coll, doc })));
    return { data: { insertedIds: ids } };
  };

  const removeDocument = (params: Plain): ActionResult => {
    const coll = existingCollection(params);
    const source = sourceOf(params, 'doc');
    const matched = matching(source, coll, filterOf(params));
    const targets = params.multi === true ? matched : matched.slice(0, 1);
    source.write(targets.map((doc) => ({ op: 'delete', coll, id: doc._id })));
    return { data: { deleted: targets.length } };
  };

  const modifyDocument = (params: Plain): ActionResult => {
    const { updated, upsertId } = modify(params, false);
    return { data: { updated, ...(upsertId === undefined ? {} : { upsert_id: upsertId }) } };
  };

  const modifyAndReturnDoc = (params: Plain): ActionResult => {
    const { updated, last } = modify(params, true);
    return { data: { updated, doc: last ? encodeEJSON(last) : null } };
  };

  return {
    'database.insertDocument': waitingForLocks(insertDocument),

    'database.getDocument'(params) {
      transactions.expire();
      const coll = existingCollection(params);
      const source = sourceOf(params, 'doc');
      const filter = filterOf(params);
      const offset = nonNegativeInt(params, 'offset') ?? 0;
      const requested = nonNegativeInt(params, 'limit');
      const limit = requested === undefined || requested === 0 ? undefined : Math.min(requested, MAX_LIMIT);
      const projection = decoded(params, 'projection');
      if (projection !== undefined && !isPlainObject(projection)) throw invalidParam('projection must be an object');
      const docs = findDocs(matching(source, coll, filter), {}, { sort: sortOf(params), skip: offset, limit });
      const list = project(docs, projection).map(encodeEJSON);
      return { data: { list, offset, ...(limit === undefined ? {} : { limit }) } };
    },

    'database.calculateDocument'(params) {
      transactions.expire();
      const coll = existingCollection(params);
      return { data: { total: matching(sourceOf(params, 'query'), coll, filterOf(params)).length } };
    },

    'database.modifyDocument': waitingForLocks(modifyDocument),

    'database.modifyAndReturnDoc': waitingForLocks(modifyAndReturnDoc),

    'database.removeDocument': waitingForLocks(removeDocument),

    'database.aggregateDocuments'(params) {
      transactions.expire();
      const coll = existingCollection(params);
      const source = sourceOf(params, 'query');
      const stages = params.stages;
      if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
      const pipeline = stages.map((stage: unknown) => {
        if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
          throw invalidParam('each stage needs a stageKey such as $match');
        }
        if (typeof stage.stageValue !== 'string') throw invalidParam('stageValue must be a JSON string');
        return { [stage.stageKey]: decodeOrInvalid(stage.stageValue, stage.stageKey) };
      });
      const list = aggregate(source.docs(coll), pipeline, (name) => source.docs(name)).map(encodeEJSON);
      return { data: { list } };
    },

    'database.addCollection'(params) {
      const coll = collectionName(params);
      if (store.hasCollection(coll)) {
        throw new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${coll} already exists`);
      }
      store.commit([{ op: 'create', coll }]);
      return {};
    },

    'database.startTransaction'() {
      return { transactionId: transactions.begin() };
    },

    'database.commitTransaction'(params) {
      transactions.commit(transactionIdOf(params));
      return {};
    },

    'database.abortTransaction'(params) {
      transactions.abort(transactionIdOf(params));
      return {};
    },
  };
}

function transactionIdOf(params: Plain): string {
  if (typeof params.transactionId !== 'string' || params.transactionId === '') throw invalidParam('transactionId is required');
  return params.transactionId;
}

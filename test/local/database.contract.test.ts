// Contract of the emulator's database actions, exercised through the real, pinned
// @cloudbase/node-sdk 3.18.3 exactly as the cloud functions will use it.
import { startSdkStack, type SdkDatabase } from './sdk-stack';

let close: () => Promise<void>;
let db: SdkDatabase;
let _: typeof db.command;
let seq = 0;
/** A new collection: as in CloudBase, a collection is created before it is used. */
const coll = async (name: string) => {
  const unique = `${name}_${++seq}`;
  await db.createCollection(unique);
  return db.collection(unique);
};

beforeAll(async () => {
  ({ db, close } = await startSdkStack('local-db-'));
  _ = db.command;
});

afterAll(() => close());

const TICKETS = [
  { _id: 't1', kind: 'repair', state: 'open', urgency: 3, version: 1, assignee: { openid: 'oA', team: 'east' }, tags: ['water'] },
  { _id: 't2', kind: 'complaint', state: 'open', urgency: 1, version: 1, assignee: { openid: 'oB', team: 'west' } },
  { _id: 't3', kind: 'repair', state: 'done', urgency: 2, version: 4, assignee: { openid: 'oA', team: 'east' }, closedAt: new Date('2025-01-02T03:04:05Z') },
  { _id: 't4', kind: 'ic_card', state: 'open', urgency: 5, version: 2 },
];

async function seeded() {
  const c = await coll('tickets');
  const res = await c.add(TICKETS);
  expect(res.ids).toEqual(['t1', 't2', 't3', 't4']);
  return c;
}

const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id);

describe('insert and get', () => {
  test('add() generates a 32-hex id and doc().get() returns the document with types intact', async () => {
    const c = await coll('plain');
    const when = new Date('2024-05-06T07:08:09.010Z');
    const { id } = await c.add({ title: '漏水', count: 2, ratio: 0.5, when, nested: { list: [1, 'two', { three: 3 }] }, none: null });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await c.doc(id as string).get();
    expect(data).toEqual([{ _id: id, title: '漏水', count: 2, ratio: 0.5, when, nested: { list: [1, 'two', { three: 3 }] }, none: null }]);
    expect(data[0].when).toBeInstanceOf(Date);
  });

  test('doc().get() of a missing id returns an empty list; a collection never created is refused', async () => {
    const c = await seeded();
    expect((await c.doc('nope').get()).data).toEqual([]);
    await expect(db.collection('never_created').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });

  test('db.serverDate() is filled in by the server clock', async () => {
    const c = await coll('serverdate');
    const before = Date.now();
    const { id } = await c.add({ at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    const { data } = await c.doc(id as string).get();
    expect(data[0].at).toBeInstanceOf(Date);
    expect(data[0].at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data[0].later.getTime() - data[0].at.getTime()).toBe(60_000);
  });

  test('inserting an existing _id fails with a coded error and writes nothing', async () => {
    const c = await seeded();
    await expect(c.add([{ _id: 'new1' }, { _id: 't1', kind: 'dup' }])).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_KEY' });
    expect((await c.doc('new1').get()).data).toEqual([]);
    expect((await c.doc('t1').get()).data[0].kind).toBe('repair');
  });
});

describe('where with commands', () => {
  test('_.in, _.gt, _.neq, _.exists and nested paths', async () => {
    const c = await seeded();
    expect(ids((await c.where({ kind: _.in(['repair', 'ic_card']) }).get()).data)).toEqual(['t1', 't3', 't4']);
    expect(ids((await c.where({ urgency: _.gt(2) }).get()).data)).toEqual(['t1', 't4']);
    expect(ids((await c.where({ state: _.neq('open') }).get()).data)).toEqual(['t3']);
    expect(ids((await c.where({ closedAt: _.exists(true) }).get()).data)).toEqual(['t3']);
    expect(ids((await c.where({ assignee: _.exists(false) }).get()).data)).toEqual(['t4']);
    expect(ids((await c.where({ 'assignee.openid': 'oA' }).get()).data)).toEqual(['t1', 't3']);
    // A nested object in where() is flattened by the SDK into a dotted path (not exact match).
    expect(ids((await c.where({ assignee: { team: 'east' } }).get()).data)).toEqual(['t1', 't3']);
  });

  test('combined conditions, _.or, ranges, dates and regular expressions', async () => {
    const c = await seeded();
    expect(ids((await c.where({ kind: 'repair', state: 'open' }).get()).data)).toEqual(['t1']);
    expect(ids((await c.where(_.or([{ state: 'done' }, { urgency: _.gte(5) }])).get()).data)).toEqual(['t3', 't4']);
    expect(ids((await c.where({ urgency: _.gt(1).and(_.lt(5)) }).get()).data)).toEqual(['t1', 't3']);
    expect(ids((await c.where({ closedAt: _.lt(new Date('2025-06-01')) }).get()).data)).toEqual(['t3']);
    expect(ids((await c.where({ kind: db.RegExp({ regexp: '^REP', options: 'i' }) }).get()).data)).toEqual(['t1', 't3']);
    expect(ids((await c.where({ tags: 'water' }).get()).data)).toEqual(['t1']);
  });

  test('orderBy on several fields, skip, limit and field projection', async () => {
    const c = await seeded();
    const sorted = await c.orderBy('kind', 'asc').orderBy('urgency', 'desc').get();
    expect(ids(sorted.data)).toEqual(['t2', 't4', 't1', 't3']);
    const page = await c.orderBy('urgency', 'desc').skip(1).limit(2).get();
    expect(ids(page.data)).toEqual(['t1', 't3']);
    const projected = await c.where({ _id: 't1' }).field({ kind: true, 'assignee.team': true }).get();
    expect(projected.data).toEqual([{ _id: 't1', kind: 'repair', assignee: { team: 'east' } }]);
    const excluded = await c.doc('t2').field({ assignee: false, tags: false }).get();
    expect(excluded.data).toEqual([{ _id: 't2', kind: 'complaint', state: 'open', urgency: 1, version: 1 }]);
  });

  test('count() counts matches', async () => {
    const c = await seeded();
    expect((await c.count()).total).toBe(4);
    expect((await c.where({ state: 'open' }).count()).total).toBe(3);
    expect((await c.where({ state: 'gone' }).count()).total).toBe(0);
  });
});

describe('updates', () => {
  test('doc().update() with _.inc, _.push, _.set, _.remove and a merged nested object', async () => {
    const c = await seeded();
    const res = await c.doc('t1').update({
      urgency: _.inc(2),
      tags: _.push(['power']),
      audit: _.push([{ to: 'assigned', by: 'oS' }]),
      assignee: { team: 'north' },
      meta: _.set({ only: true }),
      closedAt: _.remove(),
    });
    expect(res.updated).toBe(1);
    const [doc] = (await c.doc('t1').get()).data;
    expect(doc).toEqual({
      _id: 't1', kind: 'repair', state: 'open', urgency: 5, version: 1,
      assignee: { openid: 'oA', team: 'north' }, tags: ['water', 'power'],
      audit: [{ to: 'assigned', by: 'oS' }], meta: { only: true },
    });
    // _.set replaces the whole nested object, unlike a plain nested object which merges.
    await c.doc('t1').update({ assignee: _.set({ openid: 'oZ' }) });
    expect((await c.doc('t1').get()).data[0].assignee).toEqual({ openid: 'oZ' });
  });

  test('update reports updated 0 for a missing document and when nothing changes (MongoDB nModified)', async () => {
    const c = await seeded();
    expect((await c.doc('missing').update({ state: 'x' })).updated).toBe(0);
    expect((await c.doc('t2').update({ state: 'open' })).updated).toBe(0);
    expect((await c.doc('missing').get()).data).toEqual([]);
  });

  test('where({_id, version}).update() is a compare-and-set: 0 on mismatch, 1 on match', async () => {
    const c = await seeded();
    const stale = await c.where({ _id: 't3', version: 3 }).update({ state: 'reopened', version: 4 });
    expect(stale.updated).toBe(0);
    expect((await c.doc('t3').get()).data[0]).toMatchObject({ state: 'done', version: 4 });
    const fresh = await c.where({ _id: 't3', version: 4 }).update({ state: 'reopened', version: _.inc(1) });
    expect(fresh.updated).toBe(1);
    expect((await c.doc('t3').get()).data[0]).toMatchObject({ state: 'reopened', version: 5 });
  });

  test('concurrent conditional updates on the same version: exactly one wins', async () => {
    const c = await seeded();
    const contenders = ['sA', 'sB', 'sC', 'sD', 'sE', 'sF', 'sG', 'sH'];
    const results = await Promise.all(
      contenders.map((who) => c.where({ _id: 't2', version: 1 }).update({ version: 2, takenBy: who })),
    );
    const winners = results.map((r, i) => (r.updated === 1 ? contenders[i] : null)).filter(Boolean);
    expect(results.map((r) => r.updated).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect((await c.doc('t2').get()).data[0]).toMatchObject({ version: 2, takenBy: winners[0] });
  });

  test('where().update() updates every match by default and returns the count', async () => {
    const c = await seeded();
    const res = await c.where({ state: 'open' }).update({ flagged: true });
    expect(res.updated).toBe(3);
    expect(ids((await c.where({ flagged: true }).get()).data)).toEqual(['t1', 't2', 't4']);
  });

  test('doc().set() replaces the whole document, and creates it when missing (upsert)', async () => {
    const c = await seeded();
    const replaced = await c.doc('t1').set({ kind: 'household', state: 'new' });
    expect(replaced).toMatchObject({ updated: 1 });
    expect((await c.doc('t1').get()).data).toEqual([{ _id: 't1', kind: 'household', state: 'new' }]);
    const created = await c.doc('t9').set({ kind: 'repair' });
    expect(created).toMatchObject({ updated: 0, upsertedId: 't9' });
    expect((await c.doc('t9').get()).data).toEqual([{ _id: 't9', kind: 'repair' }]);
  });

  test('where().updateAndReturn() updates one document and returns it', async () => {
    const c = await seeded();
    const res = await c.where({ _id: 't4', version: 2 }).updateAndReturn({ version: _.inc(1), state: 'assigned' });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 't4', kind: 'ic_card', state: 'assigned', urgency: 5, version: 3 } });
    const none = await c.where({ _id: 't4', version: 2 }).updateAndReturn({ version: 9 });
    expect(none).toMatchObject({ updated: 0, doc: null });
  });

  test('an update that breaks an operator (inc on a string) fails with a coded error', async () => {
    const c = await seeded();
    await expect(c.doc('t1').update({ kind: _.inc(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect((await c.doc('t1').get()).data[0].kind).toBe('repair');
  });
});

describe('collections', () => {
  test('createCollection() creates once, then reports that it exists', async () => {
    const name = `created_${++seq}`;
    await db.createCollection(name);
    await expect(db.createCollection(name)).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
    expect((await db.collection(name).count()).total).toBe(0);
  });
});

describe('remove', () => {
  test('doc().remove() deletes one document; where().remove() deletes all matches', async () => {
    const c = await seeded();
    expect((await c.doc('t1').remove()).deleted).toBe(1);
    expect((await c.doc('t1').remove()).deleted).toBe(0);
    expect((await c.where({ state: 'open' }).remove()).deleted).toBe(2);
    expect(ids((await c.get()).data)).toEqual(['t3']);
  });
});

describe('aggregate', () => {
  test('match + group + sort through mingo', async () => {
    const c = await seeded();
    const $ = _.aggregate;
    const res = await c
      .aggregate()
      .match({ state: 'open' })
      .group({ _id: '$kind', n: $.sum(1), maxUrgency: $.max('$urgency') })
      .sort({ n: -1, _id: 1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'complaint', n: 1, maxUrgency: 1 },
      { _id: 'ic_card', n: 1, maxUrgency: 5 },
      { _id: 'repair', n: 1, maxUrgency: 3 },
    ]);
    const byTeam = await c.aggregate().match({ 'assignee.team': 'east' }).group({ _id: '$assignee.team', total: $.sum('$urgency') }).end();
    expect(byTeam.data).toEqual([{ _id: 'east', total: 5 }]);
  });
});

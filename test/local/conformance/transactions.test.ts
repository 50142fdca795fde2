// CloudBase conformance (issue 17): transactions behave as CloudBase's do (MongoDB's snapshot
// isolation), as node-sdk's own transaction tests show them: snapshot reads, a write to a
// document another open transaction wrote fails at once with DATABASE_TRANSACTION_CONFLICT, a
// plain write waits for the lock, write skew is allowed, a transaction expires after 30 s with
// DATABASE_TRANSACTION_FAIL, and only single-document operations are allowed inside one.
import { useLocalSdkEnv } from '../sdk-env';
import type { SdkDatabase } from '../sdk-stack';
import { pendingAfter, startConformanceEmulator, type ConformanceEmulator } from './emulator';

useLocalSdkEnv();

let env: ConformanceEmulator;
let db: SdkDatabase;
let _: SdkDatabase['command'];

beforeAll(async () => {
  env = await startConformanceEmulator();
  db = env.db;
  _ = db.command;
});

afterAll(() => env.close());

/** A collection with a: 100 and b: 0. */
async function accounts(): Promise<string> {
  const name = await env.collection('accounts');
  await db.collection(name).add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
  return name;
}

const balanceOf = async (name: string, id: string): Promise<number | undefined> => (await db.collection(name).doc(id).get()).data[0]?.balance;

describe('snapshot reads', () => {
  test("reads repeat: what others commit after the transaction's first read stays unseen", async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(100);
    await db.collection(name).doc('a').update({ balance: 1 });
    await db.collection(name).doc('b').update({ balance: 2 });
    await db.collection(name).add({ _id: 'c', balance: 3 });
    await db.collection(name).doc('b').remove();
    // The snapshot is of the whole database, not only of the documents read so far.
    expect((await tx.collection(name).doc('a').get()).data).toEqual({ _id: 'a', balance: 100 });
    expect((await tx.collection(name).doc('b').get()).data).toEqual({ _id: 'b', balance: 0 });
    expect((await tx.collection(name).doc('c').get()).data).toBeNull();
    await tx.commit();
  });

  test("the transaction reads its own writes; nobody else does before the commit", async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await tx.collection(name).doc('a').update({ balance: _.inc(-30) });
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(70);
    expect(await balanceOf(name, 'a')).toBe(100);
    await tx.commit();
    expect(await balanceOf(name, 'a')).toBe(70);
  });

  test('the snapshot is taken at the first read or write (MongoDB), not at startTransaction', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await db.collection(name).doc('a').update({ balance: 5 });
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(5);
    await tx.collection(name).doc('a').update({ balance: _.inc(1) });
    await tx.commit();
    expect(await balanceOf(name, 'a')).toBe(6);
  });
});

describe('write conflicts', () => {
  test('a write to a document another open transaction wrote fails at once, and ends the transaction', async () => {
    const name = await accounts();
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    const { data } = await t1.collection(name).doc('a').get();
    await t2.collection(name).doc('a').update({ balance: 50 });
    // Not at commit: the write itself is refused.
    await expect(t1.collection(name).doc('a').update({ balance: data.balance + 1 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: expect.stringContaining('[ResourceUnavailable.TransactionConflict]'),
    });
    await expect(t1.collection(name).doc('b').get()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await t2.commit();
    expect(await balanceOf(name, 'a')).toBe(50);
  });

  test('removing, replacing or inserting a locked document conflicts too', async () => {
    const name = await accounts();
    const holder = await db.startTransaction();
    await holder.collection(name).doc('a').update({ balance: 1 });
    await holder.collection(name).add({ _id: 'new', balance: 1 });
    for (const attempt of [
      (tx: any) => tx.collection(name).doc('a').remove(),
      (tx: any) => tx.collection(name).doc('a').set({ balance: 2 }),
      (tx: any) => tx.collection(name).add({ _id: 'new', balance: 2 }),
      (tx: any) => tx.collection(name).doc('new').set({ balance: 2 }),
    ]) {
      const other = await db.startTransaction();
      await expect(attempt(other)).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    }
    await holder.commit();
    expect((await db.collection(name).orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a', balance: 1 },
      { _id: 'b', balance: 0 },
      { _id: 'new', balance: 1 },
    ]);
  });

  test('a write to a document changed after the snapshot conflicts; runTransaction retries it on fresh data', async () => {
    const name = await accounts();
    let attempts = 0;
    await db.runTransaction(async (tx: any) => {
      attempts += 1;
      const { data } = await tx.collection(name).doc('a').get();
      if (attempts === 1) await db.collection(name).doc('a').update({ balance: _.inc(-50) });
      await tx.collection(name).doc('a').update({ balance: data.balance - 10 });
    });
    expect(attempts).toBe(2);
    expect(await balanceOf(name, 'a')).toBe(40);
  });
});

describe('plain writes wait for the lock', () => {
  test('a plain update of a locked document waits for the commit, then applies on top of it', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await tx.collection(name).doc('a').update({ balance: _.inc(-30) });
    const plain = db.collection(name).doc('a').update({ balance: _.inc(-1) });
    expect(await pendingAfter(plain, 200)).toBe(true);
    // Plain reads do not wait: they see the last committed state.
    expect(await balanceOf(name, 'a')).toBe(100);
    // Other documents are not locked.
    await db.collection(name).doc('b').update({ balance: 7 });
    await tx.commit();
    expect(await plain).toMatchObject({ updated: 1 });
    expect(await balanceOf(name, 'a')).toBe(69);
  });

  test('a rollback releases the lock: the waiting write applies on the old document', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await tx.collection(name).doc('a').update({ balance: 0 });
    const plain = db.collection(name).where({ _id: 'a', balance: 100 }).update({ balance: 99 });
    expect(await pendingAfter(plain, 150)).toBe(true);
    await tx.rollback();
    expect(await plain).toMatchObject({ updated: 1 });
    expect(await balanceOf(name, 'a')).toBe(99);
  });

  test('a plain insert of an _id an open transaction inserted waits, then meets the committed document', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await tx.collection(name).add({ _id: 'once', by: 'tx' });
    const plain = db.collection(name).add({ _id: 'once', by: 'plain' });
    expect(await pendingAfter(plain, 150)).toBe(true);
    await tx.commit();
    await expect(plain).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_KEY' });
    expect((await db.collection(name).doc('once').get()).data).toEqual([{ _id: 'once', by: 'tx' }]);
  });
});

describe('write skew is allowed', () => {
  test('two transactions each reading what the other writes both commit', async () => {
    const name = await accounts();
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    const a = (await t1.collection(name).doc('a').get()).data;
    const b = (await t2.collection(name).doc('b').get()).data;
    await t1.collection(name).doc('b').set({ balance: a.balance + 1 });
    await t2.collection(name).doc('a').set({ balance: b.balance + 1 });
    await t1.commit();
    await t2.commit();
    expect(await balanceOf(name, 'a')).toBe(1);
    expect(await balanceOf(name, 'b')).toBe(101);
  });

  test('a document the transaction only read may change meanwhile: the commit still succeeds', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await tx.collection(name).doc('a').get();
    await tx.collection(name).doc('b').update({ balance: 1 });
    await db.collection(name).doc('a').update({ balance: 0 });
    await tx.commit();
    expect([await balanceOf(name, 'a'), await balanceOf(name, 'b')]).toEqual([0, 1]);
  });
});

describe('30 s lifetime', () => {
  test('a transaction past 30 s is gone: its writes are dropped, its locks released, its next call fails', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    await tx.collection(name).doc('a').update({ balance: 0 });
    const plain = db.collection(name).doc('a').update({ balance: _.inc(1) });
    expect(await pendingAfter(plain, 150)).toBe(true);
    env.advance(29_000);
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(0);
    env.advance(1_000);
    await expect(tx.commit()).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
      message: expect.stringContaining('transaction must be commit or abort in 30 seconds'),
    });
    // The waiting write went ahead once the lock was released by the expiry.
    expect(await plain).toMatchObject({ updated: 1 });
    expect(await balanceOf(name, 'a')).toBe(101);
  });

  test('the 30 s count from the start, not from the last use', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    // Used every 9 s: an idle timeout would never end it.
    for (let i = 0; i < 3; i++) {
      env.advance(9_000);
      await tx.collection(name).doc('a').get();
    }
    env.advance(3_000);
    await expect(tx.collection(name).doc('a').update({ balance: 1 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await balanceOf(name, 'a')).toBe(100);
  });
});

describe('only single-document operations in a transaction', () => {
  test('where() reads, updateAndReturn and whole-collection reads are refused', async () => {
    const name = await accounts();
    const tx = await db.startTransaction();
    const refused = { code: 'INVALID_PARAM', message: expect.stringContaining('single-document') };
    await expect(tx.collection(name).where({ balance: _.gt(0) }).get()).rejects.toMatchObject(refused);
    await expect(tx.collection(name).get()).rejects.toMatchObject(refused);
    // (where().update() and where().remove() are not sent with the transaction by the SDK at all:
    // they run as plain writes, and would wait for the transaction's own locks.)
    await expect(tx.collection(name).where({ _id: 'a' }).updateAndReturn({ balance: 1 })).rejects.toMatchObject(refused);
    // doc() operations and add() are what a transaction may do.
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(100);
    await tx.collection(name).doc('a').update({ balance: 1 });
    await tx.collection(name).add({ _id: 'c', balance: 2 });
    await tx.collection(name).doc('b').remove();
    await tx.commit();
    expect((await db.collection(name).orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a', balance: 1 },
      { _id: 'c', balance: 2 },
    ]);
  });
});

// Transactions through the real SDK: db.runTransaction (with retry on conflict) and
// db.startTransaction, against the emulator's CloudBase-like transactions (snapshot reads, write
// locks; the finer points are in conformance/transactions.test.ts).
import { startSdkStack, type SdkDatabase } from './sdk-stack';

let close: () => Promise<void>;
let db: SdkDatabase;
let _: typeof db.command;
let seq = 0;

beforeAll(async () => {
  ({ db, close } = await startSdkStack('local-tx-'));
  _ = db.command;
});

afterAll(() => close());

async function accounts() {
  const name = `accounts_${++seq}`;
  await db.createCollection(name);
  await db.collection(name).add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
  return name;
}

async function balances(name: string) {
  const { data } = await db.collection(name).orderBy('_id', 'asc').get();
  const withBalance = data.filter((d: { balance?: number }) => typeof d.balance === 'number');
  return Object.fromEntries(withBalance.map((d: { _id: string; balance: number }) => [d._id, d.balance]));
}

test('runTransaction: reads see the transaction, commit makes every write visible together', async () => {
  const name = await accounts();
  const result = await db.runTransaction(async (tx: any) => {
    const a = (await tx.collection(name).doc('a').get()).data;
    expect(a).toEqual({ _id: 'a', balance: 100 });
    await tx.collection(name).doc('a').update({ balance: _.inc(-30) });
    await tx.collection(name).doc('b').update({ balance: _.inc(30) });
    const added = await tx.collection(name).add({ _id: 'log1', amount: 30 });
    expect(added).toMatchObject({ id: 'log1', inserted: 1 });
    // Own writes are visible inside the transaction...
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(70);
    // ...but not outside it before commit.
    expect(await balances(name)).toEqual({ a: 100, b: 0 });
    return 'moved';
  });
  expect(result).toBe('moved');
  expect(await balances(name)).toEqual({ a: 70, b: 30 });
  expect((await db.collection(name).doc('log1').get()).data).toEqual([{ _id: 'log1', amount: 30 }]);
});

test('runTransaction: rollback(reason) rejects with the reason and nothing is written', async () => {
  const name = await accounts();
  await expect(
    db.runTransaction(async (tx: any) => {
      await tx.collection(name).doc('a').update({ balance: _.inc(-500) });
      await tx.collection(name).doc('c').set({ balance: 1 });
      await tx.rollback('insufficient');
    }),
  ).rejects.toBe('insufficient');
  expect(await balances(name)).toEqual({ a: 100, b: 0 });
  expect((await db.collection(name).doc('c').get()).data).toEqual([]);
});

test('runTransaction: a thrown error aborts the transaction', async () => {
  const name = await accounts();
  await expect(
    db.runTransaction(async (tx: any) => {
      await tx.collection(name).doc('a').remove();
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(await balances(name)).toEqual({ a: 100, b: 0 });
});

test('startTransaction: commit is visible, abort (rollback) is not', async () => {
  const name = await accounts();
  const committed = await db.startTransaction();
  await committed.collection(name).doc('a').update({ balance: 1 });
  expect((await committed.collection(name).doc('missing').get()).data).toBeNull();
  expect(await balances(name)).toEqual({ a: 100, b: 0 });
  await committed.commit();
  expect(await balances(name)).toEqual({ a: 1, b: 0 });

  const aborted = await db.startTransaction();
  await aborted.collection(name).doc('b').update({ balance: 99 });
  await aborted.collection(name).add({ _id: 'ghost', balance: 5 });
  await aborted.rollback();
  expect(await balances(name)).toEqual({ a: 1, b: 0 });
  // A finished transaction cannot be used again.
  await expect(aborted.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
});

test("a write by someone else after the transaction's snapshot makes the transaction's write to it fail at once", async () => {
  const name = await accounts();
  const tx = await db.startTransaction();
  const { data } = await tx.collection(name).doc('a').get();
  await db.collection(name).doc('a').update({ balance: _.inc(-50) });
  await expect(tx.collection(name).doc('a').update({ balance: data.balance - 10 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  // The conflict ended the transaction, as in CloudBase (MongoDB aborts it).
  await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  expect(await balances(name)).toEqual({ a: 50, b: 0 });
});

test('runTransaction retries on conflict, so read-modify-write never loses an update', async () => {
  const name = await accounts();
  let attempts = 0;
  await db.runTransaction(async (tx: any) => {
    attempts += 1;
    const { data } = await tx.collection(name).doc('a').get();
    if (attempts === 1) await db.collection(name).doc('a').update({ balance: _.inc(-50) });
    await tx.collection(name).doc('a').update({ balance: data.balance - 10 });
  });
  expect(attempts).toBe(2);
  expect(await balances(name)).toEqual({ a: 40, b: 0 });
});

test('inserting the same new _id in two transactions: the second insert conflicts at once', async () => {
  const name = await accounts();
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1.collection(name).add({ _id: 'once', by: 't1' });
  await expect(t2.collection(name).add({ _id: 'once', by: 't2' })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  await t1.commit();
  expect((await db.collection(name).doc('once').get()).data).toEqual([{ _id: 'once', by: 't1' }]);
});

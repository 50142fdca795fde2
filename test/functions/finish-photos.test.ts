// 返单 with photos of the result, and what a technician sends back being checked: a repair is
// returned only with a result photo (kept on the ticket, shown to the owner), a complaint only
// with its result in words; a quote of a negative or absurd amount is refused. Every refusal
// says why in Chinese and changes nothing.
import { ALL_OWNER_TEMPLATES, LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

const KEEPER = 'demo-keeper-zhang';
const DESK = 'demo-desk-chen';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 600 }, (_, i) => i % 251)]);

/** Uploads a photo to the stack's storage as the H5 app does; its reference. */
const upload = async (): Promise<string> => {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'result.png');
  const body = (await (await fetch(`${s.stack.url}/_local/storage/upload`, { method: 'POST', body: form })).json()) as {
    ok: boolean;
    data: { ref: string };
  };
  if (!body.ok) throw new Error('upload refused');
  return body.data.ref;
};

/** 林先生's leak, accepted by 王师傅 and on site. */
const repairOnSite = async (): Promise<string> => {
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description: '厨房水龙头漏水',
    urgent: false,
    grantedTemplates: [...ALL_OWNER_TEMPLATES],
  });
  await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
  await s.must(PLUMBER)('task.arrive', { ticketId: ticket.id });
  return ticket.id;
};

const stored = async (id: string) => (await s.db.collection('tickets').doc(id).get()).data[0] as Record<string, unknown>;

/** The call must answer `code` with `message` and leave the database exactly as it was. */
const refused = async (reply: () => Promise<unknown>, id: string, code: string, message: string) => {
  const before = await stored(id);
  const writes = s.stack.emulator.stats().writes;
  expect(await reply()).toEqual({ ok: false, code, message });
  expect(s.stack.emulator.stats().writes).toBe(writes);
  expect(await stored(id)).toEqual(before);
};

describe('返单 of a repair needs a photo of the result', () => {
  it('refuses a return without a photo: 请上传至少一张维修结果照片, nothing changed', async () => {
    const id = await repairOnSite();
    await refused(
      () => s.as(PLUMBER)('task.finish', { ticketId: id, note: '已更换阀芯' }),
      id,
      'TICKET.RESULT_PHOTO_REQUIRED',
      '请上传至少一张维修结果照片',
    );
    await refused(
      () => s.as(PLUMBER)('task.finish', { ticketId: id, note: '', photos: [] }),
      id,
      'TICKET.RESULT_PHOTO_REQUIRED',
      '请上传至少一张维修结果照片',
    );
  });

  it.each([
    ['a web address', ['https://evil.example/x.jpg']],
    ['a path out of the storage', ['local://photos/../../journal.ejsonl']],
    ['ten photos', Array(10).fill('local://photos/result0001.jpg')],
  ])('refuses %s as the result photos, nothing changed', async (_what, photos) => {
    const id = await repairOnSite();
    await refused(
      () => s.post('task', { action: 'task.finish', input: { ticketId: id, note: '', photos } }, PLUMBER),
      id,
      'INPUT.INVALID',
      photos.length > 9 ? '最多上传9张照片' : '照片格式不正确',
    );
  });

  it('keeps the result photos on the ticket: the owner and the technician see them, the owner is asked to rate', async () => {
    const id = await repairOnSite();
    const [a, b] = [await upload(), await upload()];
    const { ticket } = await s.must(PLUMBER)('task.finish', { ticketId: id, note: '已更换阀芯，试水正常', photos: [a, b] });

    expect(ticket.state).toBe('callback_pending');
    // Served as short-lived links to private storage (test/functions/privacy.test.ts), stored as references.
    const linkOf = (ref: string) => expect.stringMatching(new RegExp(`^/_local/storage/${ref.replace('local://', '')}\\?expires=`));
    expect(ticket.resultPhotos).toEqual([linkOf(a), linkOf(b)]);
    expect((await stored(id)).resultPhotos).toEqual([a, b]);
    const forOwner = (await s.must(OWNER)('ticket.get', { ticketId: id })).ticket;
    expect(forOwner.resultPhotos).toEqual([linkOf(a), linkOf(b)]);
    // The owner's own photos of the problem are untouched.
    expect(forOwner.photos).toEqual([]);
    // The photo can be fetched where the app shows it from.
    const res = await fetch(`${s.stack.url}${forOwner.resultPhotos[0]}`);
    expect(res.status).toBe(200);
  });
});

describe('返单 of a complaint or an IC card needs no photo', () => {
  it('a complaint is refused without its 处理结果 (the server, not only the form), and handled with it', async () => {
    const { ticket } = await s.must(OWNER)('complaint.submit', {
      unitId: LIN_UNIT,
      category: 'cleaning',
      description: '楼道垃圾两天没人清理',
      replyBy: Date.now() + 24 * 3_600_000,
    });
    await s.must(KEEPER)('task.accept', { ticketId: ticket.id });
    await refused(() => s.as(KEEPER)('task.finish', { ticketId: ticket.id, note: '   ' }), ticket.id, 'TICKET.RESULT_REQUIRED', '请填写处理结果');

    const done = await s.must(KEEPER)('task.finish', { ticketId: ticket.id, note: '已安排保洁清理，并加强巡查' });
    expect(done.ticket.state).toBe('callback_pending');
    expect(done.ticket.resultPhotos).toEqual([]);
  });

  it('an IC card is done without photo or note', async () => {
    const { ticket } = await s.must(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'lost' });
    await s.must(DESK)('task.accept', { ticketId: ticket.id });
    // After the identity check the card work is dispatched to an engineering technician.
    const checked = (await stored(ticket.id)) as { state: string; assignee: { openid: string; role: string } };
    expect([checked.state, checked.assignee.role]).toEqual(['dispatched', 'technician']);
    const holder = checked.assignee.openid;
    await s.must(holder)('task.accept', { ticketId: ticket.id });
    const done = await s.must(holder)('task.finish', { ticketId: ticket.id, note: '' });
    expect(done.ticket.state).toBe('callback_pending');
  });
});

describe('报价 amounts are checked', () => {
  it.each([
    ['a negative price', [{ name: '更换角阀', priceFen: -100, quantity: 1 }], '价格不能为负数'],
    ['an absurd price (over 100,000 元)', [{ name: '更换角阀', priceFen: 10_000_001, quantity: 1 }], '单价不能超过100000元'],
    [
      'an absurd total (60,000 元 × 2 = 120,000 元)',
      [{ name: '更换整体卫浴', priceFen: 6_000_000, quantity: 2 }],
      '报价合计不能超过100000元，请核对价格和数量',
    ],
    [
      'a total over 100,000 元 across items',
      [
        { name: '更换热水器', priceFen: 5_000_000, quantity: 1 },
        { name: '更换整体橱柜', priceFen: 5_000_001, quantity: 1 },
      ],
      '报价合计不能超过100000元，请核对价格和数量',
    ],
  ])('refuses %s with a clear message, nothing changed', async (_what, items, message) => {
    const id = await repairOnSite();
    await refused(() => s.as(PLUMBER)('task.quote', { ticketId: id, items, note: '' }), id, 'INPUT.INVALID', message);
  });

  it('takes a quote of exactly 100,000 元', async () => {
    const id = await repairOnSite();
    const { ticket } = await s.must(PLUMBER)('task.quote', { ticketId: id, items: [{ name: '整体改造', priceFen: 5_000_000, quantity: 2 }], note: '' });
    expect(ticket.quote?.totalFen).toBe(10_000_000);
  });
});

// 工作备注: the holder, and the desk roles, note what happened on a task, with photos, at any open
// state; the state stays, nobody is pushed, and the owner never sees staff notes in the timeline.
import { ALL_OWNER_TEMPLATES, CARPENTER, FRONT_DESK, LIN_UNIT, OWNER, PLUMBER, RESULT_PHOTO, startTestStack, type TestStack } from './local-stack';
import { functionOf } from '@/core/contract/names';

const NOTE_PHOTO = 'local://photos/notephoto01.jpg';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const submit = async (): Promise<string> =>
  (
    await s.must(OWNER)('repair.submit', {
      unitId: LIN_UNIT,
      category: 'plumbing_electric',
      description: '卫生间灯不亮',
      urgent: false,
      grantedTemplates: [...ALL_OWNER_TEMPLATES],
    })
  ).ticket.id;

const stored = async (id: string) => (await s.db.collection('tickets').doc(id).get()).data[0] as Record<string, unknown>;

const refused = async (reply: () => Promise<unknown>, id: string, code: string, message: string) => {
  const before = await stored(id);
  const writes = s.stack.emulator.stats().writes;
  expect(await reply()).toEqual({ ok: false, code, message });
  expect(s.stack.emulator.stats().writes).toBe(writes);
  expect(await stored(id)).toEqual(before);
};

describe('工作备注 on a task', () => {
  it('the holder notes with photos: the state stays, staff see it with its photos, the owner does not, nobody is pushed', async () => {
    const id = await submit();
    await s.must(PLUMBER)('task.accept', { ticketId: id });
    s.stack.emulator.clearMessages();

    const photo = await s.uploadPhoto();
    const { ticket } = await s.must(PLUMBER)('task.note', { ticketId: id, text: '业主电话未接通，已发短信约时间', photos: [photo] });
    // Staff are served the photo as a short-lived signed link to that stored file, not its ref.
    const linkTo = expect.stringMatching(new RegExp(`^/_local/storage/${photo.slice('local://'.length)}\\?expires=\\d+&sign=`));

    expect(ticket.state).toBe('accepted');
    expect(ticket.timeline.at(-1)).toEqual(
      expect.objectContaining({ event: 'note', eventLabel: '工作备注', actorName: '王师傅', note: '业主电话未接通，已发短信约时间', photos: [linkTo] }),
    );
    expect(s.stack.emulator.messages()).toEqual([]);
    // The front desk, another staff member, reads it too.
    const forDesk = (await s.must(FRONT_DESK)('ticket.get', { ticketId: id })).ticket;
    expect(forDesk.timeline.filter((e) => e.event === 'note').map((e) => e.photos)).toEqual([[linkTo]]);

    const forOwner = (await s.must(OWNER)('ticket.get', { ticketId: id })).ticket;
    expect(forOwner.timeline.map((e) => e.event)).toEqual(['submit', 'dispatch', 'accept']);
    expect(JSON.stringify(forOwner)).not.toContain('业主电话未接通');
    expect(JSON.stringify(forOwner)).not.toContain(photo.slice('local://'.length));
  });

  it('is possible in every open state, by the holder or the desk, and not once the ticket is closed', async () => {
    const id = await submit();
    // 待接单: the desk may note (the holder has not taken it yet, but holds it).
    await s.must(FRONT_DESK)('task.note', { ticketId: id, text: '业主来电，说下午才在家', photos: [] });
    await s.must(PLUMBER)('task.note', { ticketId: id, text: '看到了，下午去', photos: [] });
    await s.must(PLUMBER)('task.accept', { ticketId: id });
    await s.must(PLUMBER)('task.arrive', { ticketId: id });
    const onSite = await s.must(PLUMBER)('task.note', { ticketId: id, text: '灯座烧坏，需更换', photos: [NOTE_PHOTO] });
    expect(onSite.ticket.state).toBe('on_site');
    await s.must(PLUMBER)('task.finish', { ticketId: id, note: '已更换灯座', photos: [RESULT_PHOTO] });
    await s.must(FRONT_DESK)('task.note', { ticketId: id, text: '业主说今晚再试一下', photos: [] });
    await s.must(OWNER)('callback.rate', { ticketId: id, handling: 5, staff: 5, comment: '' });

    await refused(
      () => s.as(PLUMBER)('task.note', { ticketId: id, text: '补充一句', photos: [] }),
      id,
      'TICKET.ILLEGAL_TRANSITION',
      '工单当前状态不能进行此操作',
    );
    const notes = (await s.must(FRONT_DESK)('ticket.get', { ticketId: id })).ticket.timeline.filter((e) => e.event === 'note');
    expect(notes.map((e) => [e.actorName, e.to])).toEqual([
      ['陈前台', 'dispatched'],
      ['王师傅', 'dispatched'],
      ['王师傅', 'on_site'],
      ['陈前台', 'callback_pending'],
    ]);
  });

  it('refuses the owner (not theirs to write) and a technician who does not hold it, nothing changed', async () => {
    const id = await submit();
    await s.must(PLUMBER)('task.accept', { ticketId: id });
    await refused(() => s.as(OWNER)('task.note', { ticketId: id, text: '我下午在家', photos: [] }), id, 'AUTH.FORBIDDEN', '您没有权限进行此操作');
    // A carpenter is not told the plumbing ticket exists.
    await refused(() => s.as(CARPENTER)('task.note', { ticketId: id, text: '路过看了一下', photos: [] }), id, 'TICKET.NOT_FOUND', '没有找到这张工单');
  });

  it.each([
    ['an empty note', { text: '', photos: [] }, '请填写工作备注'],
    ['a note of spaces only', { text: '   ', photos: [NOTE_PHOTO] }, '请填写工作备注'],
    ['a note too long (301 characters)', { text: '漏'.repeat(301), photos: [] }, '工作备注不能超过300个字'],
    ['a photo that is not a stored photo', { text: '现场照片', photos: ['https://evil.example/a.jpg'] }, '照片格式不正确'],
    ['ten photos', { text: '现场照片', photos: Array(10).fill(NOTE_PHOTO) }, '最多上传9张照片'],
  ])('refuses %s with a clear message, nothing changed', async (_what, input, message) => {
    const id = await submit();
    await s.must(PLUMBER)('task.accept', { ticketId: id });
    await refused(() => s.post(functionOf('task.note'), { action: 'task.note', input: { ticketId: id, ...input } }, PLUMBER), id, 'INPUT.INVALID', message);
  });

  it('takes a note of exactly 300 characters', async () => {
    const id = await submit();
    const { ticket } = await s.must(PLUMBER)('task.note', { ticketId: id, text: '修'.repeat(300), photos: [] });
    expect(ticket.timeline.at(-1)?.note).toHaveLength(300);
  });
});

import { HUANG_UNIT, LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const valid = { unitId: LIN_UNIT, category: 'plumbing_electric' as const, description: '灯不亮', urgent: false };
const CHINESE = /[\u4e00-\u9fa5]/;

/** Calls repair.submit with `input` and proves the answer is a clear refusal that wrote nothing. */
const refused = async (input: unknown, openid = OWNER) => {
  const before = s.stack.emulator.stats().writes;
  const reply = await s.post('repair', { action: 'repair.submit', input }, openid);
  expect(s.stack.emulator.stats().writes).toBe(before);
  expect(reply.ok).toBe(false);
  if (reply.ok) throw new Error('accepted');
  expect(reply.message).toMatch(CHINESE);
  return reply;
};

describe('bad input gets a clear Chinese error and changes nothing', () => {
  it.each([
    ['missing description', { ...valid, description: undefined }, /问题描述/],
    ['empty description', { ...valid, description: '   ' }, /问题描述/],
    ['10,000-character description', { ...valid, description: '漏'.repeat(10_000) }, /问题描述不能超过500个字/],
    ['unknown category', { ...valid, category: 'rocket_engine' }, /报修类别/],
    ['operator object where a string belongs', { ...valid, description: { $ne: null } }, /问题描述/],
    ['operator object as unit id', { ...valid, unitId: { $ne: null } }, /房屋/],
    ['ten photos', { ...valid, photos: Array(10).fill('cloud://a.jpg') }, /9张/],
    ['appointment ending before it starts', { ...valid, appointment: { start: 2_000_000_000_000, end: 1_999_999_999_000 } }, /预约/],
    ['urgent as a string', { ...valid, urgent: 'yes' }, /急修/],
  ])('%s', async (_name, input, message) => {
    const reply = await refused(input);
    expect(reply).toMatchObject({ code: 'INPUT.INVALID', message: expect.stringMatching(message) });
  });

  it('an unknown action and a malformed event are refused', async () => {
    expect(await s.post('repair', { action: 'repair.explode', input: {} }, OWNER)).toMatchObject({ ok: false, code: 'ACTION.UNKNOWN' });
    expect(await s.post('repair', { action: 'task.accept', input: {} }, OWNER)).toMatchObject({ ok: false, code: 'ACTION.UNKNOWN' });
    expect(await s.post('repair', 'not an object', OWNER)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await s.post('repair', { action: { $ne: null } }, OWNER)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
  });

  it('a score outside 1–5 is refused before anything is read', async () => {
    const reply = await s.post('callback', { action: 'callback.rate', input: { ticketId: 'abc', handling: 6, staff: 2.5 } }, OWNER);
    expect(reply).toMatchObject({ ok: false, code: 'INPUT.INVALID', message: expect.stringMatching(/1到5星/) });
  });
});

describe('identity comes from the platform, never from the event', () => {
  it('an openid or userInfo inside the event is ignored', async () => {
    const reply = await s.post(
      'repair',
      { action: 'repair.submit', input: { ...valid, openid: OTHER_OWNER, owner: { openid: OTHER_OWNER } }, openid: OTHER_OWNER, userInfo: { openId: OTHER_OWNER } },
      OWNER,
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.ticket.owner.name).toBe('林先生');
    // …and the forged owner cannot see it.
    expect(await s.as(OTHER_OWNER)('ticket.get', { ticketId: reply.data.ticket.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
  });

  it('no platform identity → AUTH.REQUIRED, nothing written', async () => {
    const reply = await refused(valid, '');
    expect(reply.code).toBe('AUTH.REQUIRED');
  });

  it('an unbound WeChat user is told to bind a unit first', async () => {
    const reply = await refused(valid, 'demo-guest');
    expect(reply).toMatchObject({ code: 'AUTH.NOT_BOUND', message: expect.stringMatching(/绑定房屋/) });
  });

  it('an owner cannot report a repair for someone else’s unit', async () => {
    const reply = await refused({ ...valid, unitId: HUANG_UNIT });
    expect(reply.code).toBe('AUTH.UNIT_NOT_YOURS');
  });

  it('an owner cannot act as the technician, and a technician cannot rate', async () => {
    const { ticket } = await s.must(OWNER)('repair.submit', valid);
    expect(await s.as(OWNER)('task.accept', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await s.as(PLUMBER)('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5 })).toMatchObject({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    expect(await s.as(OTHER_OWNER)('ticket.cancel', { ticketId: ticket.id, reason: '不想修了' })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
  });

  it('an owner cannot cancel once the work started, and is told why; nothing changes', async () => {
    const { ticket } = await s.must(OWNER)('repair.submit', valid);
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: ticket.id });
    await tech('task.arrive', { ticketId: ticket.id });
    const started = await tech('task.start', { ticketId: ticket.id });
    expect(await s.as(OWNER)('ticket.cancel', { ticketId: ticket.id, reason: '不想修了' })).toEqual({
      ok: false,
      code: 'TICKET.WORK_STARTED',
      message: '处理人员已经开始处理，不能取消了；如需帮助请联系客服前台',
    });
    expect((await s.must(OWNER)('ticket.get', { ticketId: ticket.id })).ticket).toMatchObject({ state: 'in_progress', version: started.ticket.version });
  });
});

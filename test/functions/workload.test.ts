import { DEMO_STAFF } from '@/local/demo-data';
import { LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack, RESULT_PHOTO } from './local-stack';

let s: TestStack;
const SUN = 'demo-tech-sun';

beforeEach(async () => {
  s = await startTestStack();
});
afterEach(() => s.close());

const openTasks = async (staffId: string) =>
  ((await s.db.collection('staff').doc(staffId).get()).data[0] as { openTasks: number }).openTasks;

const submit = () =>
  s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '插座没电', urgent: false });

const addSecondPlumber = () => {
  const wang = DEMO_STAFF.find((m) => m.openid === PLUMBER)!;
  return s.db.collection('staff').add({ ...wang, _id: 's-tech-sun', openid: SUN, name: '孙师傅', phone: '13900000009' });
};

describe('workload: open tasks per technician, kept by every step', () => {
  it('counts a job from dispatch until it is returned, and again when it is reopened', async () => {
    const { ticket } = await submit();
    expect(await openTasks('s-tech-wang')).toBe(1);
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: ticket.id });
    await tech('task.arrive', { ticketId: ticket.id });
    expect(await openTasks('s-tech-wang')).toBe(1);
    await tech('task.finish', { ticketId: ticket.id, note: '', photos: [RESULT_PHOTO] });
    expect(await openTasks('s-tech-wang')).toBe(0);
    await s.must(OWNER)('callback.rate', { ticketId: ticket.id, handling: 1, staff: 3, comment: '没修好' });
    expect(await openTasks('s-tech-wang')).toBe(1);
  });

  it('a cancelled job leaves the technician’s hands', async () => {
    const { ticket } = await submit();
    await s.must(OWNER)('ticket.cancel', { ticketId: ticket.id, reason: '不需要了' });
    expect(await openTasks('s-tech-wang')).toBe(0);
  });

  it('counts even when the technician has no push credit left', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ 'credits.task_assigned': 0 });
    await submit();
    expect(await openTasks('s-tech-wang')).toBe(1);
  });

  it('new work goes to the plumber with fewer open tasks', async () => {
    await addSecondPlumber();
    const first = await submit();
    const second = await submit();
    const third = await submit();
    // Equal workloads tie by id (孙 before 王), then the less loaded one gets the next job.
    expect(await Promise.all([first, second, third].map((r) => s.handlerOf(r.ticket.id)))).toEqual(['孙师傅', '王师傅', '孙师傅']);
    expect([await openTasks('s-tech-sun'), await openTasks('s-tech-wang')]).toEqual([2, 1]);
  });

  it('a teammate taking a dispatched task takes its count with it', async () => {
    await addSecondPlumber();
    const { ticket } = await submit(); // to 孙师傅 (tie by id)
    await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
    expect([await openTasks('s-tech-sun'), await openTasks('s-tech-wang')]).toEqual([0, 1]);
  });
});

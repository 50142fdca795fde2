// The technician's own steps in the pure workflow: 返单 needs what the kind shows the owner
// (a repair's result photos, a complaint's result in words), 工作备注 keeps the state and stays
// with staff, 改约 moves the appointment and the on-site clock and tells the owner if they let us.
import type { Actor } from '@/core/tickets/actor';
import { createComplaintTicket } from '@/core/tickets/create';
import { transition } from '@/core/tickets/transition';
import { toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, HOUR, MINUTE, RESULT_PHOTO, T0, ev, frontDesk, local, owner, step, technician, ticketIn } from '../fixtures';

const ctx = (now: number, actor: Actor = technician) => ({ actor, now, policy: DEFAULT_POLICY });

describe('返单 (finish)', () => {
  it('refuses a repair returned without a photo of the result, keeps the photos given', () => {
    const t = ticketIn('in_progress');
    expect(transition(t, ev.finish('已更换阀芯', []), ctx(T0 + HOUR))).toEqual({ ok: false, code: 'TICKET.RESULT_PHOTO_REQUIRED' });
    expect(transition(t, { type: 'finish', note: '已更换阀芯' }, ctx(T0 + HOUR))).toEqual({ ok: false, code: 'TICKET.RESULT_PHOTO_REQUIRED' });
    const done = step(t, ev.finish('已更换阀芯', [RESULT_PHOTO]), technician, T0 + HOUR).ticket;
    expect([done.state, done.resultPhotos]).toEqual(['returned', [RESULT_PHOTO]]);
    // Shown to the owner as 处理结果照片.
    expect(toTicketView(done, owner, T0 + HOUR, DEFAULT_POLICY).resultPhotos).toEqual([RESULT_PHOTO]);
  });

  it('refuses a complaint handled without its result in words, whatever the photos', () => {
    const complaint = createComplaintTicket(
      {
        id: 'tkt_cmp0009',
        owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
        unit: { id: 'u-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区' },
        description: '楼道垃圾三天没人清理',
        photos: [],
        grantedTemplates: [],
        category: 'cleaning',
        aboutStaff: null,
        aboutStaffId: null,
        replyBy: T0 + 4 * HOUR,
        linkedTicket: null,
      },
      { actor: owner, now: T0, policy: DEFAULT_POLICY },
    ).ticket;
    const keeper = { ...frontDesk, role: 'housekeeper' as const, staffId: 'staff-keeper', openid: 'openid-keeper', name: '张管家', zones: ['A区'] };
    let t = step(complaint, ev.dispatch(keeper), { kind: 'system' }, T0 + MINUTE).ticket;
    t = step(t, ev.accept(), keeper, T0 + 2 * MINUTE).ticket;
    expect(transition(t, ev.finish('  ', [RESULT_PHOTO]), ctx(T0 + HOUR, keeper))).toEqual({ ok: false, code: 'TICKET.RESULT_REQUIRED' });
    expect(step(t, ev.finish('已安排保洁清理', []), keeper, T0 + HOUR).ticket.state).toBe('returned');
  });
});

describe('工作备注 (note)', () => {
  it('keeps the state, records the text and photos in the trail, queues no message, and is left out of the owner’s timeline', () => {
    const t = ticketIn('accepted');
    const { ticket, effects } = step(t, ev.note('业主不在家，已约明早', [RESULT_PHOTO]), technician, T0 + HOUR);
    expect([ticket.state, ticket.version]).toEqual(['accepted', t.version + 1]);
    expect(effects.audit).toMatchObject({ event: 'note', from: 'accepted', to: 'accepted', note: '业主不在家，已约明早', photos: [RESULT_PHOTO] });
    expect(effects.messages).toEqual([]);
    expect(ticket.clocks).toEqual(t.clocks);

    const forStaff = toTicketView(ticket, frontDesk, T0 + HOUR, DEFAULT_POLICY).timeline.at(-1);
    expect(forStaff).toMatchObject({ event: 'note', eventLabel: '工作备注', photos: [RESULT_PHOTO] });
    const forOwner = toTicketView(ticket, owner, T0 + HOUR, DEFAULT_POLICY).timeline;
    expect(forOwner.map((e) => e.event)).toEqual(['submit', 'dispatch', 'accept']);
  });

  it('a note without photos carries none in the trail; an empty one is refused', () => {
    const t = ticketIn('on_site');
    expect('photos' in step(t, ev.note('已到场'), technician, T0 + HOUR).effects.audit).toBe(false);
    expect(transition(t, ev.note('   '), ctx(T0 + HOUR))).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(transition(t, ev.note('业主说明天再来'), ctx(T0 + HOUR, owner))).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(ticketIn('closed'), ev.note('补记'), ctx(T0 + HOUR, frontDesk))).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});

describe('改约 (reschedule)', () => {
  // Accepted at T0 (10:00 on 11-23) with no appointment: on site by 15 minutes after dispatch.
  const next = { start: local(2026, 11, 24, 14), end: local(2026, 11, 24, 18) };

  it('moves the appointment, runs the on-site clock afresh to the new slot’s end, and words it for the owner', () => {
    let t = ticketIn('accepted');
    // The clock was reminded already: the new slot starts its reminder over.
    t = { ...t, clocks: { ...t.clocks, onSite: { ...t.clocks.onSite!, remindedAt: T0 + 10 * MINUTE } } };
    const { ticket, effects } = step(t, ev.reschedule(next.start, next.end, '配件明天到货'), technician, T0 + HOUR);
    expect(ticket.state).toBe('accepted');
    expect(ticket.appointment).toEqual(next);
    expect(ticket.rescheduled).toEqual({ previous: null, reason: '配件明天到货', at: T0 + HOUR });
    expect(ticket.clocks.onSite).toEqual({ startedAt: T0 + HOUR, dueAt: next.end });
    expect(effects.audit.note).toBe('改至 11月24日 14:00-18:00（已与业主确认）；原因：配件明天到货');
    expect(toTicketView(ticket, owner, T0 + HOUR, DEFAULT_POLICY).timeline.at(-1)).toMatchObject({ eventLabel: '改约上门时间' });
  });

  it('tells the owner with 改约通知 only when they granted it: 工单编号, 服务内容, 新的上门时间, 原因', () => {
    const without = step(ticketIn('accepted'), ev.reschedule(next.start, next.end), technician, T0 + HOUR).effects;
    expect(without.messages).toEqual([]);
    expect(without.unsubscribed.map((m) => m.template)).toEqual(['appointment_changed']);

    const t = ticketIn('accepted', { grantedTemplates: ['order_accepted', 'appointment_changed'] });
    const { ticket, effects } = step(t, ev.reschedule(next.start, next.end, '业主临时出差，改到明天下午三点以后再上门维修'), technician, T0 + HOUR);
    expect(effects.messages).toEqual([
      expect.objectContaining({
        template: 'appointment_changed',
        recipient: 'owner',
        touser: owner.openid,
        data: { character_string1: t.no, thing2: '水电·3栋2单元1801', time3: '2026年11月24日 14:00~18:00', thing4: '业主临时出差，改到明天下午三点以后再上…' },
      }),
    ]);
    expect(ticket.ownerCredits.appointment_changed).toBe(0);
  });

  it('refuses a slot that has begun, no agreement, no reason, an end before the start; only the holder, only before arriving', () => {
    const t = ticketIn('accepted');
    const now = T0 + HOUR;
    expect(transition(t, ev.reschedule(now - MINUTE, now + HOUR), ctx(now))).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(transition(t, ev.reschedule(next.start, next.end, '配件未到', false), ctx(now))).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(transition(t, ev.reschedule(next.start, next.end, ' '), ctx(now))).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(transition(t, ev.reschedule(next.end, next.start), ctx(now))).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(transition(t, ev.reschedule(next.start, next.end), ctx(now, frontDesk))).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(ticketIn('on_site'), ev.reschedule(next.start, next.end), ctx(now))).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});

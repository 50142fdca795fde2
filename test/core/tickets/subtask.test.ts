/**
 * 协办 (004 二: the housekeeper involves the departments concerned), through the pure core under
 * a fake clock: the sub-task a complaint raises for another team, the complaint's own 'subtask'
 * step (who may, when, what the owner reads), and the rule for marking the complaint handled.
 */
import { createComplaintTicket } from '@/core/tickets/create';
import type { Ticket } from '@/core/tickets/model';
import {
  createSubtask,
  finishRefusal,
  MAX_SUBTASKS,
  SUBTASK_LIMIT_MESSAGE,
  subtaskRefusal,
  subtaskView,
  type SubtaskStatus,
} from '@/core/tickets/subtask';
import { transition } from '@/core/tickets/transition';
import { toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, HOUR, MINUTE, T0, assigneeOf, ev, frontDesk, newTicket, owner, staffActor, step, system, technician, ticketIn } from '../fixtures';

/** 张管家, housekeeper of zone A, where the complaint's unit is. */
const keeperA = staffActor({ openid: 'openid-keeper-zhang', staffId: 'staff-keeper-zhang', name: '张管家', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['A区'] });
/** 李管家, housekeeper of zone B. */
const keeperB = staffActor({ openid: 'openid-keeper-li', staffId: 'staff-keeper-li', name: '李管家', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['B区'] });
const supervisor = staffActor({ openid: 'openid-super-zhou', staffId: 'staff-super-zhou', name: '周主任', role: 'supervisor', team: 'customer_service', trades: [] });
const cleaningLead = staffActor({ openid: 'openid-lead-sun', staffId: 'staff-lead-sun', name: '孙组长', role: 'team_lead', team: 'cleaning', trades: [] });

const UNIT_A = { id: 'u-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区' };

/** 林先生's complaint about the corridor, taken by 张管家 (accepted) unless told otherwise. */
const complaint = (state: 'dispatched' | 'accepted' = 'accepted'): Ticket => {
  let t = createComplaintTicket(
    {
      id: 'cmp_0001abcd',
      owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
      unit: UNIT_A,
      description: '楼道垃圾三天没人清理',
      photos: [],
      category: 'cleaning',
      aboutStaff: null,
      aboutStaffId: null,
      replyBy: T0 + 24 * HOUR,
      linkedTicket: null,
      grantedTemplates: ['order_accepted'],
    },
    { actor: owner, now: T0, policy: DEFAULT_POLICY },
  ).ticket;
  t = step(t, ev.dispatch(keeperA), system, T0 + MINUTE).ticket;
  return state === 'accepted' ? step(t, ev.accept(), keeperA, T0 + 2 * MINUTE).ticket : t;
};

const NOW = T0 + 10 * MINUTE;
const ctx = (actor = keeperA) => ({ actor, now: NOW, policy: DEFAULT_POLICY });
const cleaning = { id: 'sub_0001cln', category: 'household_cleaning', area: 'public', description: '1栋1单元楼道垃圾请今天清理' } as const;

describe('a sub-task (协办单) raised from a complaint', () => {
  it('is a new repair ticket for the other team: the complaint’s owner and unit, its parent, no owner credits, waiting to be routed', () => {
    const c = complaint();
    const { ticket: sub, ref } = createSubtask(c, cleaning, ctx());
    expect(sub).toMatchObject({
      _id: 'sub_0001cln',
      kind: 'repair',
      state: 'submitted',
      category: 'household_cleaning',
      team: 'cleaning',
      trade: null,
      area: 'public',
      description: '1栋1单元楼道垃圾请今天清理',
      owner: c.owner,
      unit: c.unit,
      parent: { id: c._id, no: c.no },
      ownerCredits: {},
      assignee: null,
      outbox: [],
    });
    expect(sub.no).toMatch(/^BX20261123-/);
    // Its trail says who raised it, from which complaint; its dispatch clock runs (public area: 10 minutes).
    expect(sub.history).toEqual([
      expect.objectContaining({ event: 'submit', actor: { kind: 'staff', name: '张管家', role: 'housekeeper' }, note: `协办：投诉 ${c.no}`, to: 'submitted' }),
    ]);
    expect(sub.clocks.dispatch).toEqual({ startedAt: NOW, dueAt: NOW + DEFAULT_POLICY.repair.publicDispatchMinutes * MINUTE });
    expect(ref).toEqual({ id: 'sub_0001cln', no: sub.no, team: 'cleaning', category: 'household_cleaning', at: NOW });
  });

  it('of an engineering category needs that category’s trade; greening goes to the greening team', () => {
    const c = complaint();
    const leak = createSubtask(c, { id: 'sub_0002eng', category: 'drain', area: 'home', description: '楼上渗水，请检查下水管' }, ctx()).ticket;
    expect(leak).toMatchObject({ team: 'engineering', trade: 'plumbing_electric', area: 'home' });
    // A free in-home repair still runs the usual clocks of a repair from here.
    expect(Object.keys(leak.clocks)).toEqual(['dispatch']);
    expect(createSubtask(c, { ...cleaning, id: 'sub_0003grn', category: 'household_greening' }, ctx()).ref.team).toBe('greening');
  });

  it('is listed on the complaint by reference; the complaint stays 处理中 and the owner reads only which team helps', () => {
    const c = complaint();
    const { ref } = createSubtask(c, cleaning, ctx());
    const r = transition(c, { type: 'subtask', subtask: ref }, ctx());
    if (!r.ok) throw new Error(r.code);
    expect(r.ticket).toMatchObject({ state: 'accepted', version: c.version + 1, subtasks: [ref] });
    expect(r.effects.audit).toMatchObject({ event: 'subtask', note: '已安排清洁部协助处理', from: 'accepted', to: 'accepted' });
    expect(r.effects.messages).toEqual([]);
    // Its clocks are untouched: the progress report is still due 4 hours after the last one.
    expect(r.ticket.clocks).toEqual(c.clocks);

    const owners = toTicketView(r.ticket, owner, NOW, DEFAULT_POLICY);
    const entry = owners.timeline.at(-1)!;
    expect([entry.eventLabel, entry.note]).toEqual(['安排协办', '已安排清洁部协助处理']);
    expect(JSON.stringify(owners)).not.toContain(ref.no);
    expect(JSON.stringify(owners)).not.toContain('请今天清理');
    // The engineering team is named as staff and owners call it: 工程部.
    const eng = createSubtask(c, { id: 'sub_0004eng', category: 'doors_windows', area: 'home', description: '单元门闭门器坏了' }, ctx()).ref;
    const r2 = transition(r.ticket, { type: 'subtask', subtask: eng }, ctx());
    expect(r2.ok && r2.effects.audit.note).toBe('已安排工程部协助处理');
  });

  it('may be raised only by the complaint’s housekeeper, once it is taken and until it is handled', () => {
    const { ref } = createSubtask(complaint(), cleaning, ctx());
    const event = { type: 'subtask', subtask: ref } as const;
    const code = (t: Ticket, actor: Parameters<typeof transition>[2]['actor']) => {
      const r = transition(t, event, { actor, now: NOW, policy: DEFAULT_POLICY });
      return r.ok ? 'ok' : r.code;
    };
    const c = complaint();
    expect(code(c, keeperA)).toBe('ok');
    // Following the complaint is not handling it: the other zone's housekeeper, the desk, the supervisor.
    for (const other of [keeperB, frontDesk, supervisor, cleaningLead, technician, owner, system]) {
      expect([other.kind === 'staff' ? other.name : other.kind, code(c, other)]).toEqual([other.kind === 'staff' ? other.name : other.kind, 'AUTH.FORBIDDEN']);
    }
    // Not before it is taken, nor after it was handled.
    expect(code(complaint('dispatched'), keeperA)).toBe('TICKET.ILLEGAL_TRANSITION');
    const handled = step(c, ev.finish('已清理，并安排每日巡查', []), keeperA, NOW).ticket;
    expect(code(handled, keeperA)).toBe('TICKET.ILLEGAL_TRANSITION');
    // A repair has no sub-tasks in its workflow.
    expect(code(ticketIn('accepted'), technician)).toBe('TICKET.ILLEGAL_TRANSITION');
  });

  it(`is bounded: at most ${MAX_SUBTASKS} per complaint (what its page reads to show them)`, () => {
    let c = complaint();
    for (let i = 0; i < MAX_SUBTASKS; i++) {
      const { ref } = createSubtask(c, { ...cleaning, id: `sub_000${i}lim` }, ctx());
      c = step(c, { type: 'subtask', subtask: ref }, keeperA, NOW).ticket;
    }
    expect(c.subtasks).toHaveLength(MAX_SUBTASKS);
    const { ref } = createSubtask(c, { ...cleaning, id: 'sub_0009lim' }, ctx());
    expect(transition(c, { type: 'subtask', subtask: ref }, ctx())).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    expect(toTicketView(c, keeperA, NOW, DEFAULT_POLICY).actions).not.toContain('subtask');
    expect(SUBTASK_LIMIT_MESSAGE).toBe(`每张投诉最多安排${MAX_SUBTASKS}个协办单`);
  });

  it('is offered to the housekeeper on the accepted complaint, and to nobody else', () => {
    const c = complaint();
    expect(toTicketView(c, keeperA, NOW, DEFAULT_POLICY).actions).toContain('subtask');
    for (const other of [keeperB, frontDesk, supervisor, owner]) expect(toTicketView(c, other, NOW, DEFAULT_POLICY).actions).not.toContain('subtask');
  });

  it('only from a complaint: a repair, and a sub-task itself, are refused with the reason', () => {
    const c = complaint();
    expect(subtaskRefusal(c)).toBeNull();
    expect(subtaskRefusal(newTicket())).toBe('只有投诉可以安排其他班组协办');
    const sub = createSubtask(c, cleaning, ctx()).ticket;
    expect(subtaskRefusal(sub)).toBe('协办单不能再安排协办，如需其他班组协助请联系安排协办的管家');
  });
});

describe('处理完毕 of a complaint with sub-tasks', () => {
  const c = complaint();
  const raised = createSubtask(c, cleaning, ctx());
  const engineering = createSubtask(c, { id: 'sub_0002eng', category: 'doors_windows', area: 'public', description: '单元门闭门器坏了' }, ctx());
  const at = (sub: { ticket: Ticket; ref: SubtaskStatus['ref'] }, state: Ticket['state'], assignee = cleaningLead): SubtaskStatus => ({
    ref: sub.ref,
    ticket: { ...sub.ticket, state, assignee: state === 'submitted' ? null : assigneeOf(assignee) },
  });

  it('is allowed without sub-tasks, or when every one is returned, called back, closed, cancelled or referred', () => {
    expect(finishRefusal([], false)).toBeNull();
    for (const state of ['returned', 'callback_pending', 'closed', 'cancelled', 'referred'] as const) {
      expect([state, finishRefusal([at(raised, state), at(engineering, 'closed')], false)]).toEqual([state, null]);
    }
  });

  it('with a sub-task still open is refused, naming it, unless the housekeeper confirms', () => {
    const statuses = [at(raised, 'accepted'), at(engineering, 'closed')];
    expect(finishRefusal(statuses, false)).toBe(`还有1个协办单未完成：${raised.ref.no}（清洁部·已接单）。请等协办完成，或确认仍要处理完毕`);
    expect(finishRefusal(statuses, true)).toBeNull();
  });

  it('counts a sub-task that cannot be found as open (nobody said it is done)', () => {
    expect(finishRefusal([{ ref: raised.ref, ticket: null }, at(engineering, 'submitted')], false)).toBe(
      `还有2个协办单未完成：${raised.ref.no}（清洁部·未找到）、${engineering.ref.no}（工程部·待派单）。请等协办完成，或确认仍要处理完毕`,
    );
  });

  it('shows each sub-task on the staff page with its live state and who has it', () => {
    expect(subtaskView(at(raised, 'accepted'))).toEqual({
      id: raised.ref.id,
      no: raised.ref.no,
      teamName: '清洁部',
      categoryName: '家政保洁',
      categoryIcon: '🧹',
      area: 'public',
      description: '1栋1单元楼道垃圾请今天清理',
      state: 'accepted',
      stateLabel: '已接单',
      assigneeName: '孙组长',
      settled: false,
      at: NOW,
    });
    expect(subtaskView(at(raised, 'callback_pending'))).toMatchObject({ stateLabel: '待评价', settled: true });
    expect(subtaskView({ ref: engineering.ref, ticket: null })).toMatchObject({ teamName: '工程部', state: null, stateLabel: '未找到', assigneeName: null, settled: false, area: null });
  });
});

describe('who acts for the desk on a ticket (desk party)', () => {
  it('a housekeeper only in their own zone: the other zone’s may not pause, cancel or reassign', () => {
    const repairA = ticketIn('dispatched', { unit: UNIT_A });
    const pause = { type: 'pause', reason: '业主不在家' } as const;
    expect(transition(repairA, pause, ctx(keeperA)).ok).toBe(true);
    expect(transition(repairA, pause, ctx(keeperB))).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(repairA, ev.cancel('重复提交'), ctx(keeperB))).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(repairA, ev.dispatch(technician), ctx(keeperB))).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    // The front desk and the supervisor act for every zone.
    expect(transition(repairA, pause, ctx(frontDesk)).ok).toBe(true);
    expect(transition(repairA, pause, ctx(supervisor)).ok).toBe(true);
  });
});

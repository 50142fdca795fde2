import fc from 'fast-check';
import { fieldLimit } from '@/core/notify/fields';
import { planMessage, progressLine } from '@/core/notify/plan';
import { mainTemplateFor, OWNER_SUBMIT_TEMPLATES, STAFF_TEMPLATES, staffTemplatesFor, TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '@/core/notify/templates';
import type { Ticket } from '@/core/tickets/model';
import { REPAIR_ENTRIES } from '@/core/tickets/workflow';
import { DEFAULT_POLICY, T0, assigneeOf, newTicket, owner, staffActor, technician, ticketIn } from '../fixtures';

const chars = (s: string) => Array.from(s).length;
const recipientOf = (key: TemplateKey) => (TEMPLATES[key].audience === 'owner' ? 'owner' : 'assignee');

/** A ticket with every free-text value far too long for any field. */
const stuffed = (text: (n: number) => string): Ticket => {
  const base = ticketIn('callback_pending');
  return {
    ...base,
    description: text(500),
    owner: { ...base.owner, name: text(30) },
    unit: { ...base.unit, building: text(40), unit: text(40), room: text(40) },
    assignee: { ...assigneeOf(technician), name: text(30), phone: `+86 ${text(20)} 138-0000-0001 转 8888` },
    urgent: true,
    rating: { handling: 1, staff: 1, comment: text(300), at: T0 },
    referral: { contact: text(60), note: text(200) },
    cancelReason: text(100),
    quote: { items: [{ name: text(30), priceFen: 999_999_999, quantity: 1000 }], totalFen: 999_999_999_000, note: text(200), at: T0, decision: null, decidedAt: null },
  };
};

const expectFits = (key: TemplateKey, data: Record<string, string>) => {
  const spec = TEMPLATES[key].fields;
  expect(Object.keys(data).sort()).toEqual(Object.keys(spec).sort());
  for (const [field, kind] of Object.entries(spec)) {
    expect([field, chars(data[field]) <= fieldLimit(kind), data[field].length > 0]).toEqual([field, true, true]);
  }
};

describe('planMessage', () => {
  it.each(TEMPLATE_KEYS)('%s: data has exactly the template fields, each within its limit, for a 500-character description and long names', (key) => {
    const plan = planMessage(key, recipientOf(key), stuffed((n) => '超长文字'.repeat(n).slice(0, n)), T0, DEFAULT_POLICY);
    expect(plan).not.toBeNull();
    expectFits(key, plan!.data);
  });

  it('every template fits for arbitrary unicode text in every free-text value (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATE_KEYS),
        fc.string({ unit: 'binary', minLength: 0, maxLength: 40 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        (key, seedA, seedB) => {
          const text = (n: number) => (seedA + seedB).repeat(Math.ceil(n / (seedA + seedB).length)).slice(0, n);
          const plan = planMessage(key, recipientOf(key), stuffed(text), T0, DEFAULT_POLICY);
          expectFits(key, plan!.data);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('goes to the owner’s openid and opens the owner ticket page', () => {
    const t = ticketIn('accepted');
    expect(planMessage('order_accepted', 'owner', t, T0, DEFAULT_POLICY)).toMatchObject({
      recipient: 'owner',
      touser: owner.openid,
      page: `pages/ticket/detail?id=${t._id}`,
    });
  });

  it('goes to the assignee’s openid and opens the staff task page', () => {
    const t = ticketIn('dispatched');
    expect(planMessage('task_assigned', 'assignee', t, T0, DEFAULT_POLICY)).toMatchObject({
      recipient: 'assignee',
      touser: technician.openid,
      page: `staff/task/index?id=${t._id}`,
    });
  });

  it('is null for the assignee while the ticket has none', () => {
    expect(planMessage('ticket_cancelled', 'assignee', newTicket(), T0, DEFAULT_POLICY)).toBeNull();
  });

  it('order_accepted carries the technician’s name and phone for the owner to call', () => {
    const t = ticketIn('accepted');
    expect(planMessage('order_accepted', 'owner', t, T0, DEFAULT_POLICY)?.data).toEqual({
      character_string1: t.no,
      thing2: '水电·3栋2单元1801',
      name3: technician.name,
      phone_number4: technician.phone,
      time5: '2026-11-23 10:00',
    });
  });

  it('a long technician name is cut to 10 characters in name fields', () => {
    const longName = staffActor({ name: '阿卜杜热合曼·买买提明·艾力' });
    const t = { ...ticketIn('accepted'), assignee: assigneeOf(longName) };
    expect(chars(planMessage('repair_done', 'owner', t, T0, DEFAULT_POLICY)!.data.name3)).toBe(10);
  });
});

describe('templates and the workflow agree on who is told', () => {
  it('every notification of the workflow goes to the audience its template is made for', () => {
    for (const [state, entry] of Object.entries(REPAIR_ENTRIES)) {
      for (const note of entry?.notify ?? []) {
        expect([state, note.template, note.to]).toEqual([state, note.template, recipientOf(note.template)]);
      }
    }
  });

  it('the owner is asked for at most 3 owner templates at submit (WeChat allows 3 per tap)', () => {
    expect(OWNER_SUBMIT_TEMPLATES.length).toBeLessThanOrEqual(3);
    for (const key of OWNER_SUBMIT_TEMPLATES) expect(TEMPLATES[key].audience).toBe('owner');
  });

  it('staff are asked for at most 3 staff templates per tap', () => {
    expect(STAFF_TEMPLATES.length).toBeLessThanOrEqual(3);
    for (const key of STAFF_TEMPLATES) expect(TEMPLATES[key].audience).toBe('staff');
  });

  it.each(['technician', 'front_desk', 'housekeeper', 'team_lead', 'supervisor', 'manager'])('%s is asked for at most 3 staff templates, including the one its inbox counts', (role) => {
    const asked = staffTemplatesFor(role);
    expect(asked.length).toBeLessThanOrEqual(3);
    for (const key of asked) expect(TEMPLATES[key].audience).toBe('staff');
    expect(asked).toContain(mainTemplateFor(role));
  });

  it('the fallback ladder’s ask (dispatch_help) is asked of leads and supervisors, who receive it', () => {
    expect(staffTemplatesFor('team_lead')).toContain('dispatch_help');
    expect(staffTemplatesFor('supervisor')).toContain('dispatch_help');
    expect(staffTemplatesFor('technician')).not.toContain('dispatch_help');
  });

  it('templates asked neither at submit nor on the staff taps each need their own grant', () => {
    const asked = new Set([...OWNER_SUBMIT_TEMPLATES, ...STAFF_TEMPLATES]);
    // 改约通知 among them: a repair's submit already asks for three, WeChat's limit per tap.
    expect(TEMPLATE_KEYS.filter((k) => !asked.has(k)).sort()).toEqual([
      'appointment_changed',
      'daily_digest',
      'dispatch_help',
      'sla_escalation',
      'sla_reminder',
      'task_urged',
      'ticket_referred',
    ]);
  });
});

describe('progressLine', () => {
  it('reads category, place and state in Chinese', () => {
    expect(progressLine(ticketIn('accepted'))).toBe('水电·3栋2单元1801：已接单');
  });
});

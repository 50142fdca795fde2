/** 交接班 rules: who writes, who confirms (the next shift of the same post, never the writer). */
import {
  confirmHandover,
  confirmRefusal,
  HANDOVER_WRITER_ROLES,
  mayWriteHandover,
  newHandover,
  parseTicketNumbers,
  postName,
  TICKET_NO_PATTERN,
} from '@/core/duty/handover';
import { STAFF_ROLES, type StaffRole, type Team } from '@/core/tickets/actor';
import { T0 } from '../fixtures';

const person = (id: string, role: StaffRole, team: Team, active = true) => ({ _id: id, name: id, role, team, active });

const chen = person('s-desk-chen', 'front_desk', 'customer_service');
const he = person('s-desk-he', 'front_desk', 'customer_service');
const keeper = person('s-keeper-zhang', 'housekeeper', 'customer_service');
const supervisor = person('s-super-zhou', 'supervisor', 'customer_service');
const wang = person('s-tech-wang', 'technician', 'engineering');
const ma = person('s-lead-ma', 'team_lead', 'engineering');
const sun = person('s-lead-sun', 'team_lead', 'cleaning');

const deskNote = () => newHandover('h1', chen, '  1201 回访未接通，晚上再打  ', [{ id: 't1', no: 'BX20261123-AB12', label: '水电·1栋1单元1201·待评价' }], T0);

describe('who writes a handover', () => {
  it('front desk, housekeepers, technicians, leads and the supervisor; not the manager', () => {
    expect(STAFF_ROLES.filter((r) => mayWriteHandover({ role: r, active: true }))).toEqual([
      'front_desk',
      'housekeeper',
      'technician',
      'team_lead',
      'supervisor',
    ]);
    expect(HANDOVER_WRITER_ROLES).not.toContain('manager');
    expect(mayWriteHandover({ role: 'front_desk', active: false })).toBe(false);
  });

  it('a new one waits for the next shift, for the writer\'s team and post, notes trimmed', () => {
    expect(deskNote()).toEqual({
      _id: 'h1',
      team: 'customer_service',
      role: 'front_desk',
      writer: { staffId: 's-desk-chen', name: 's-desk-chen', role: 'front_desk' },
      notes: '1201 回访未接通，晚上再打',
      watch: [{ id: 't1', no: 'BX20261123-AB12', label: '水电·1栋1单元1201·待评价' }],
      state: 'pending',
      confirmedBy: null,
      createdAt: T0,
      version: 1,
    });
  });
});

describe('who confirms it (确认接班)', () => {
  it.each([
    ['the other front desk', he, null],
    ['its writer', chen, 'own'],
    ['a housekeeper of the same team', keeper, 'other_post'],
    ['the supervisor', supervisor, 'other_post'],
    ['a technician', wang, 'other_post'],
    ['an inactive front desk', { ...he, active: false }, 'inactive'],
  ] as const)('a front desk\'s handover, by %s → %s', (_who, m, expected) => {
    expect(confirmRefusal(deskNote(), m)).toBe(expected);
  });

  it('engineering\'s technicians and lead share one duty log; another team\'s lead does not', () => {
    const techNote = newHandover('h2', wang, '3栋水泵异响待观察', [], T0);
    expect(confirmRefusal(techNote, ma)).toBeNull();
    expect(confirmRefusal(newHandover('h3', ma, '明早停水检修', [], T0), wang)).toBeNull();
    expect(confirmRefusal(techNote, sun)).toBe('other_post');
  });

  it('confirming records who and when, and bumps the version; the handover given is not changed', () => {
    const h = deskNote();
    const r = confirmHandover(h, he, T0 + 60_000);
    expect(r).toEqual({ ok: true, handover: { ...h, state: 'confirmed', confirmedBy: { staffId: 's-desk-he', name: 's-desk-he', role: 'front_desk', at: T0 + 60_000 }, version: 2 } });
    expect(h.state).toBe('pending');
    expect(confirmHandover(h, chen, T0)).toEqual({ ok: false, refusal: 'own' });
  });
});

describe('what a post is called', () => {
  it.each([
    ['customer_service', 'front_desk', '客服中心·客服前台'],
    ['customer_service', 'housekeeper', '客服中心·客服管家'],
    ['customer_service', 'supervisor', '客服中心·客服主任'],
    ['engineering', 'technician', '工程部·维修班'],
    ['engineering', 'team_lead', '工程部·维修班'],
    ['cleaning', 'team_lead', '清洁部·组长'],
  ] as const)('%s / %s → %s', (team, role, name) => {
    expect(postName(team, role)).toBe(name);
  });
});

describe('ticket numbers to watch', () => {
  it('reads what staff type, whatever the separators, upper-cased, each once', () => {
    expect(parseTicketNumbers(' bx20261123-ab12，TS20261123-0F3C、bx20261123-AB12\nKP20261122-9Z ')).toEqual([
      'BX20261123-AB12',
      'TS20261123-0F3C',
      'KP20261122-9Z',
    ]);
    expect(parseTicketNumbers('  ')).toEqual([]);
  });

  it('knows the shape of a number', () => {
    expect(TICKET_NO_PATTERN.test('BX20261123-AB12')).toBe(true);
    expect(TICKET_NO_PATTERN.test('XX20261123-AB12')).toBe(false);
    expect(TICKET_NO_PATTERN.test('BX2026112-AB12')).toBe(false);
    expect(TICKET_NO_PATTERN.test('BX20261123-AB12; drop')).toBe(false);
  });
});

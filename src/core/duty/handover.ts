import { STAFF_ROLE_NAMES, TEAM_NAMES, type StaffRole, type Team } from '../tickets/actor';

/**
 * 交接班 (000 4.12): before leaving, a staff member writes down what the next shift must follow up
 * (free text, and tickets to watch such as callbacks still to make); the next shift of the same
 * post reads it and confirms (确认接班). Kept free of zod so pages can import it.
 */

/** Who writes handovers: everyone who holds work across shifts (the manager does not). */
export const HANDOVER_WRITER_ROLES: readonly StaffRole[] = ['front_desk', 'housekeeper', 'technician', 'team_lead', 'supervisor'];

export const HANDOVER_NOTES_MAX = 500;
export const HANDOVER_WATCH_MAX = 10;

/** A ticket the next shift should keep an eye on, as it was when the handover was written. */
export interface WatchItem {
  id: string;
  no: string;
  /** e.g. 水电·1栋1单元1201·待评价 */
  label: string;
}

export interface HandoverPerson {
  staffId: string;
  name: string;
  role: StaffRole;
}

export interface Handover {
  _id: string;
  /** The post it is for: the writer's team and role (see handoverRoles). */
  team: Team;
  role: StaffRole;
  writer: HandoverPerson;
  notes: string;
  watch: WatchItem[];
  state: 'pending' | 'confirmed';
  confirmedBy: (HandoverPerson & { at: number }) | null;
  createdAt: number;
  /** Bumped by every change; a confirmation applies only to the version the confirmer read. */
  version: number;
}

/**
 * The roles sharing one post's duty log: the front desk's shifts among themselves, and so on;
 * engineering's technicians and their lead share the team's (设备房交接班记录).
 */
export const handoverRoles = (role: StaffRole): readonly StaffRole[] =>
  role === 'technician' || role === 'team_lead' ? ['technician', 'team_lead'] : [role];

/** What a post is called on a handover: 客服中心·客服前台, 工程部·维修班, 清洁部·组长 … */
export const postName = (team: Team, role: StaffRole): string =>
  `${TEAM_NAMES[team]}·${team === 'engineering' && handoverRoles(role).includes('technician') ? '维修班' : STAFF_ROLE_NAMES[role]}`;

export const mayWriteHandover = (m: { role: StaffRole; active: boolean }): boolean => m.active && HANDOVER_WRITER_ROLES.includes(m.role);

export type HandoverRefusal = 'own' | 'other_post' | 'inactive';

/** Why `m` may not confirm this handover; null when they may (someone else of the same post). */
export const confirmRefusal = (
  h: Pick<Handover, 'team' | 'role' | 'writer'>,
  m: { _id: string; team: Team; role: StaffRole; active: boolean },
): HandoverRefusal | null => {
  if (!m.active) return 'inactive';
  if (m._id === h.writer.staffId) return 'own';
  if (m.team !== h.team || !handoverRoles(h.role).includes(m.role)) return 'other_post';
  return null;
};

export const HANDOVER_MESSAGES = {
  own: '不能确认自己写的交接，请由下一班同事确认接班',
  other_post: '只有同一岗位的下一班同事可以确认这条交接',
  inactive: '您的账号已停用',
  writer: '您的岗位无需填写交接班记录',
  notes: '请填写交接事项',
  watchUnknown: (no: string) => `没有找到工单 ${no}，请核对工单号`,
  confirmed: (by: string) => `这条交接已由${by}确认接班，无需重复确认`,
  changed: '这条交接刚刚有更新，请刷新后再确认',
} as const;

/** 确认接班: the confirmed handover, or why not (the caller checked it is still pending). */
export const confirmHandover = (
  h: Handover,
  m: { _id: string; name: string; team: Team; role: StaffRole; active: boolean },
  now: number,
): { ok: true; handover: Handover } | { ok: false; refusal: HandoverRefusal } => {
  const refusal = confirmRefusal(h, m);
  if (refusal) return { ok: false, refusal };
  return {
    ok: true,
    handover: { ...h, state: 'confirmed', confirmedBy: { staffId: m._id, name: m.name, role: m.role, at: now }, version: h.version + 1 },
  };
};

/** A new handover by `writer` (who may write, checked by the caller). */
export const newHandover = (
  id: string,
  writer: { _id: string; name: string; team: Team; role: StaffRole },
  notes: string,
  watch: WatchItem[],
  now: number,
): Handover => ({
  _id: id,
  team: writer.team,
  role: writer.role,
  writer: { staffId: writer._id, name: writer.name, role: writer.role },
  notes: notes.trim(),
  watch,
  state: 'pending',
  confirmedBy: null,
  createdAt: now,
  version: 1,
});

/** Ticket numbers as staff read them out: BX20261122-4F7K (报修), TS… (投诉), KP… (IC卡). */
export const TICKET_NO_PATTERN = /^(BX|TS|KP)\d{8}-[0-9A-Z]{1,4}$/;

/** The ticket numbers in what someone typed: any separators, upper-cased, each once. */
export const parseTicketNumbers = (text: string): string[] => [
  ...new Set(
    text
      .toUpperCase()
      .split(/[\s,，、;；]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

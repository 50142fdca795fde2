/**
 * Every collection the cloud functions use, the indexes their queries need and the security
 * rule of each, in one place. `npm run db:setup` (scripts/db-setup.ts) creates what is missing
 * in a CloudBase environment and applies the rules; tests check the list against the server.
 *
 * Security rules: clients never read or write a collection directly — every request goes
 * through a cloud function, whose admin SDK is not bound by the rules — so every collection is
 * ADMINONLY (控制台「无权限（仅管理员）」). To apply by hand instead of `db:setup`: CloudBase
 * console → 数据库 → <collection> → 数据权限 → 无权限（仅管理员）, or
 * `tcb permission set collection:<name> --level adminonly -e <envId>`.
 */
/** The rule levels CloudBase offers for a collection; only ADMINONLY is used here. */
export type SecurityRule = 'ADMINONLY';

export interface IndexSpec {
  name: string;
  /** Fields in order, with direction: 1 ascending, -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  purpose: string;
  indexes: IndexSpec[];
  /** Who may read and write it from a client: nobody (functions only). */
  security: SecurityRule;
}

const FUNCTIONS_ONLY: SecurityRule = 'ADMINONLY';

export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'tickets',
    purpose: 'Every request (报修, 投诉, IC卡) with its clocks, outbox and audit trail',
    indexes: [
      // The sweep: due clocks and message retries through one field, never a scan of open tickets.
      { name: 'due', keys: { nextDueAt: 1 } },
      { name: 'owner_created', keys: { 'owner.openid': 1, createdAt: -1 } },
      { name: 'owner_kind_created', keys: { 'owner.openid': 1, kind: 1, createdAt: -1 } },
      { name: 'assignee_state_updated', keys: { 'assignee.staffId': 1, state: 1, updatedAt: -1 } },
      { name: 'state_updated', keys: { state: 1, updatedAt: -1 } },
      // 超时: the supervisor's list of breached open tickets (and a technician's own).
      { name: 'late_state', keys: { lateSince: -1, state: 1 } },
      { name: 'assignee_late', keys: { 'assignee.staffId': 1, lateSince: -1 } },
      // 待协调: the shared pool of tickets routing could not hand to a reachable person.
      { name: 'help_waiting', keys: { 'help.since': 1, state: 1, team: 1 } },
      // The morning digests: open tickets of a kind, and a day's register.
      { name: 'kind_state_created', keys: { kind: 1, state: 1, createdAt: -1 } },
      // A day's register; _id second, so the monthly report pages through a day in one order.
      { name: 'created_id', keys: { createdAt: 1, _id: 1 } },
      // 回访队列: tickets waiting for their callback, the earliest due first.
      { name: 'callback_due', keys: { state: 1, 'clocks.callback.dueAt': 1 } },
      // A handover's tickets to watch are named by their numbers (交接班), newest first.
      { name: 'no_created', keys: { no: 1, createdAt: -1 } },
      // A reissue looks for the loss report of the same card on the same unit.
      { name: 'card_loss', keys: { kind: 1, 'unit.id': 1, 'card.type': 1, 'card.action': 1, createdAt: -1 } },
    ],
    security: FUNCTIONS_ONLY,
  },
  {
    name: 'staff',
    purpose: 'Staff members, their shifts, subscription credits and open-task counts',
    indexes: [
      { name: 'openid', keys: { openid: 1 }, unique: true },
      { name: 'team_active', keys: { team: 1, active: 1 } },
      // The sweep finds supervisors and managers to escalate to.
      { name: 'role_active', keys: { role: 1, active: 1 } },
    ],
    security: FUNCTIONS_ONLY,
  },
  {
    name: 'handovers',
    purpose: 'Shift handover notes (交接班) and who of the next shift confirmed them',
    indexes: [
      // Waiting for 确认接班: a post's (the inbox, the handover page) and everyone's (the supervisor's board).
      { name: 'team_state_created', keys: { team: 1, state: 1, createdAt: -1 } },
      { name: 'state_created', keys: { state: 1, createdAt: -1 } },
      { name: 'team_created', keys: { team: 1, createdAt: -1 } },
    ],
    security: FUNCTIONS_ONLY,
  },
  {
    name: 'owners',
    purpose: 'Owners and tenants by openid, with their bound units',
    indexes: [
      // 代客登记: the desk finds an owner by room or by mobile number.
      { name: 'unit', keys: { 'units.id': 1 } },
      { name: 'phone', keys: { phone: 1 } },
    ],
    security: FUNCTIONS_ONLY,
  },
  { name: 'communities', purpose: 'Community layouts (楼栋, 单元, 房号) for unit binding', indexes: [], security: FUNCTIONS_ONLY },
  {
    name: 'bindings',
    purpose: 'Unit binding requests (房屋绑定) and their review',
    indexes: [
      { name: 'state_zone_created', keys: { state: 1, 'unit.zone': 1, createdAt: 1 } },
      { name: 'openid_created', keys: { openid: 1, createdAt: -1 } },
    ],
    security: FUNCTIONS_ONLY,
  },
  {
    name: 'kpi_days',
    // _id is the day: a view reads its range of days by _id alone.
    purpose: 'The KPI rollup: one document per day with the packed facts of each ticket created that day',
    indexes: [],
    security: FUNCTIONS_ONLY,
  },
  { name: 'kpi_reports', purpose: 'Monthly reports (月度统计), one per month, generated on the 1st', indexes: [], security: FUNCTIONS_ONLY },
  {
    name: 'pii_access',
    // Append-only: the functions insert, nothing updates or deletes.
    purpose: "Who was served an owner's full phone or a ticket's photos (staff member, ticket, when, what)",
    indexes: [{ name: 'ticket_at', keys: { ticketId: 1, at: -1 } }],
    security: FUNCTIONS_ONLY,
  },
  {
    name: 'calendar',
    purpose: 'The working calendar (节假日安排): one document per year, its holidays and 调休 working days, seeded, estimated or kept by the manager',
    indexes: [],
    security: FUNCTIONS_ONLY,
  },
  {
    name: 'admin_log',
    // Append-only, like pii_access: every administrative change, with who made it.
    purpose: 'Administrative changes (操作记录): who changed what (节假日安排, …) and when',
    indexes: [{ name: 'subject_at', keys: { subject: 1, at: -1 } }],
    security: FUNCTIONS_ONLY,
  },
];

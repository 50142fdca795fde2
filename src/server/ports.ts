import type { CommunityLayout } from '../core/binding/community';
import type { Handover } from '../core/duty/handover';
import type { BindingRequest } from '../core/binding/request';
import type { TemplateKey } from '../core/notify/templates';
import type { StaffMember } from '../core/routing/staff';
import type { StaffRole } from '../core/tickets/actor';
import type { PackedFacts } from '../core/kpi/compact';
import type { CalendarYear } from '../core/sla/holidays';
import type { Figures } from '../core/kpi/figures';
import type { Group } from '../core/kpi/group';
import type { PushFailure, Ticket, UnitRef } from '../core/tickets/model';
import type { TicketState } from '../core/tickets/states';

/** Ports: what use cases need from the outside world. Adapters live in ./adapters. */

export interface OwnerUnit extends UnitRef {
  relation: 'owner' | 'family' | 'tenant';
}

export interface OwnerRecord {
  _id: string; // openid
  name: string;
  phone: string;
  units: OwnerUnit[];
}

export interface OwnerTicketFilter {
  kind?: Ticket['kind'];
  states?: readonly TicketState[];
}

/** How an insert went: in, or refused because its id was taken (by `first`, if still there). */
export type Insertion = { inserted: true } | { inserted: false; first: Ticket | null };

/** A ticket by its id, and every write of tickets. */
export interface TicketStore {
  get(id: string): Promise<Ticket | null>;
  /**
   * Inserts a new ticket. When a ticket with its id is already there (a retried submission whose
   * id came from its request id: the first one stands), nothing is written and that first ticket
   * is answered, as read now.
   */
  insert(ticket: Ticket): Promise<Insertion>;
  /** Saves `next` only if the stored version is still `expectedVersion`; false otherwise. */
  replace(next: Ticket, expectedVersion: number): Promise<boolean>;
  /**
   * Saves the outbox after delivery without bumping the version (delivery is not a state change),
   * and appends `failures` to the ticket's pushFailures (only delivery writes that list).
   */
  saveOutbox(ticket: Ticket, sentIds: string[], failures?: readonly PushFailure[]): Promise<void>;
  /** Adds one credit per template the owner accepted, on a ticket of theirs. False if not theirs. */
  addOwnerCredits(ticketId: string, openid: string, templates: readonly TemplateKey[]): Promise<boolean>;
  /**
   * Saves `next`'s outbox and due time, without a state change (the version stays), only if the
   * stored ticket is still as `seen`: same version and due time, and each of `claimedIds` still
   * waiting for the attempt time it had in `seen`. A sweep claims the messages it is about to
   * retry this way, so two sweeps never send the same one. False (nothing written) otherwise.
   */
  reschedule(next: Ticket, seen: Ticket, claimedIds: readonly string[]): Promise<boolean>;
}

/**
 * Tickets found by what they are (owner, holder, state, due time, day…): the lists and lookups.
 * A port apart from TicketStore, so that a function that only steps tickets bundles none of them.
 */
export interface TicketQueries {
  listByOwner(openid: string, limit: number, filter?: OwnerTicketFilter): Promise<Ticket[]>;
  /** A loss report (挂失) of this card on this unit that was not cancelled, if any. */
  findCardLoss(unitId: string, type: string, cardNo: string): Promise<Ticket | null>;
  listByAssignee(staffId: string, states: readonly TicketState[], limit: number): Promise<Ticket[]>;
  listByStates(states: readonly TicketState[], limit: number): Promise<Ticket[]>;
  /** Tickets by their human-facing numbers (a handover's tickets to watch), at most one per number. */
  listByNumbers(nos: readonly string[]): Promise<Ticket[]>;
  /**
   * What the sweep must look at: tickets whose `nextDueAt` has come (<= now), earliest first, at
   * most `limit`. One indexed field: open tickets that need nothing are never read.
   */
  listDue(now: number, limit: number): Promise<Ticket[]>;
  /** Tickets in these states with a clock that ran out, latest breach first; one assignee's if given. */
  listLate(states: readonly TicketState[], limit: number, staffId?: string): Promise<Ticket[]>;
  /**
   * The shared pool (待协调): tickets waiting for someone whose lead or supervisor was asked,
   * longest waiting first; one team's if given.
   */
  listWaitingForHelp(limit: number, team?: Ticket['team']): Promise<Ticket[]>;
  /** Open tickets of a kind (for the morning digest), oldest first. */
  listOpenOfKind(kind: Ticket['kind'], limit: number): Promise<Ticket[]>;
  /** Tickets created in [from, to) (a day's register). */
  listCreatedBetween(from: number, to: number, limit: number): Promise<Ticket[]>;
  /**
   * The id and version of every ticket created in [from, to), oldest first, a page at a time
   * (`skip`, at most `limit`): what a KPI reconciliation compares with the rollup, read without
   * the tickets' bodies.
   */
  versionsCreatedBetween(from: number, to: number, skip: number, limit: number): Promise<{ id: string; version: number }[]>;
  /** Tickets waiting for their callback (回访), the earliest callback due time first. */
  listAwaitingCallback(limit: number): Promise<Ticket[]>;
}

export interface StaffDirectory {
  byOpenid(openid: string): Promise<StaffMember | null>;
  /** Active members of a team (duty is decided by the pure routing code). */
  team(team: StaffMember['team']): Promise<StaffMember[]>;
  /** Active members in any of these roles, on duty or not (whom an escalation tells). */
  byRoles(roles: readonly StaffRole[]): Promise<StaffMember[]>;
  /**
   * Takes one credit for the template, and in the same write adjusts the member's workload by
   * `workload`; false (and nothing written) when no credit was left.
   */
  takeCredit(staffId: string, template: TemplateKey, workload?: number): Promise<boolean>;
  /** Adds each delta to that member's open-task count. */
  adjustWorkloads(deltas: Readonly<Record<string, number>>): Promise<void>;
  clearCredit(staffId: string, template: TemplateKey): Promise<void>;
  addCredits(staffId: string, templates: readonly TemplateKey[]): Promise<Record<string, number>>;
}

export interface OwnerDirectory {
  byOpenid(openid: string): Promise<OwnerRecord | null>;
  /** Owners and tenants bound to a unit (the desk finds who lives there). */
  byUnit(unitId: string, limit: number): Promise<OwnerRecord[]>;
  /** Owners and tenants with this mobile number. */
  byPhone(phone: string, limit: number): Promise<OwnerRecord[]>;
}

/** Community layouts (buildings, units, rooms) in the `communities` collection. */
export interface CommunityDirectory {
  get(id: string): Promise<CommunityLayout | null>;
  list(): Promise<CommunityLayout[]>;
}

/** Binding requests in the `bindings` collection. */
export interface BindingStore {
  get(id: string): Promise<BindingRequest | null>;
  /** Inserts a new request; false when a request with its id exists already. */
  insert(request: BindingRequest): Promise<boolean>;
  /** Saves `next` only if the stored version is still `expectedVersion`; false otherwise. */
  replace(next: BindingRequest, expectedVersion: number): Promise<boolean>;
  /**
   * Saves an approved request and adds its unit to the requester's owner record, both or neither;
   * false (nothing written) when the stored request is no longer at `expectedVersion`.
   */
  approve(next: BindingRequest, expectedVersion: number): Promise<boolean>;
  listByOpenid(openid: string, limit: number): Promise<BindingRequest[]>;
  /** Pending requests, oldest first; `zones` null means every zone. */
  listPending(zones: readonly string[] | null, limit: number): Promise<BindingRequest[]>;
}

/** Shift handovers (交接班) in the `handovers` collection. */
export interface HandoverStore {
  get(id: string): Promise<Handover | null>;
  /** False when a handover with its id is already there (a retried 写交接). */
  insert(handover: Handover): Promise<boolean>;
  /** Saves `next` only if the stored one is still pending at `expectedVersion`; false otherwise. */
  confirm(next: Handover, expectedVersion: number): Promise<boolean>;
  /** Handovers not confirmed yet, newest first; one team's if given. */
  listPending(limit: number, team?: Handover['team']): Promise<Handover[]>;
  /** A team's handovers, confirmed or not, newest first. */
  listRecent(team: Handover['team'], limit: number): Promise<Handover[]>;
}

/** One day's rollup: the packed facts of every ticket created that day (business zone), by ticket id. */
export interface KpiDay {
  day: string;
  facts: Record<string, PackedFacts>;
  /** The ticket version each entry was computed from. */
  versions: Record<string, number>;
}

/** A kept monthly report (月度统计). */
export interface KpiReportRecord {
  month: string;
  from: string;
  to: string;
  generatedAt: number;
  figures: Figures;
  by: Record<'community' | 'kind' | 'team' | 'staff', Group[]>;
}

/** The daily rollups (`kpi_days`) and the kept monthly reports (`kpi_reports`). */
export interface KpiStore {
  /**
   * Records a ticket's facts, computed from its version `version`, in the rollup of `day`. An entry
   * from a newer version is kept: saves that finish out of order never put older facts back.
   */
  record(day: string, ticketId: string, version: number, facts: PackedFacts): Promise<void>;
  /** The rollups of the days from `from` to `to` (inclusive) that have any ticket, in day order. */
  days(from: string, to: string): Promise<KpiDay[]>;
  /** The ticket versions recorded for a day (what a reconciliation compares with the tickets). */
  versionsOf(day: string): Promise<Record<string, number>>;
  saveReport(report: KpiReportRecord): Promise<void>;
  report(month: string): Promise<KpiReportRecord | null>;
  /** The kept reports, newest first: month, when generated, and the month's volume. */
  listReports(limit: number): Promise<{ month: string; generatedAt: number; volume: number }[]>;
}

export interface PushRequest {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

/** errcode 0 is success; others are WeChat's codes (43101 no credit, 47003 bad data, …). */
export interface Push {
  send(message: PushRequest): Promise<{ errcode: number; errmsg: string }>;
}

/** Short-lived links to stored photos (CloudBase getTempFileURL): storage itself is private. */
export interface PhotoLinks {
  /** One storage call for all `refs`; a ref that could not be linked is missing from the map. */
  urls(refs: readonly string[], maxAgeSeconds: number): Promise<Map<string, string>>;
}

/** Who was served an owner's personal data (`pii_access`, append-only). */
export interface PiiAccess {
  at: number;
  viewer: { staffId: string; name: string; role: StaffRole };
  /** The ticket viewed, or null for a list (its tickets are in ticketIds). */
  ticketId: string | null;
  ticketIds?: string[];
  what: ('phone' | 'photos')[];
  /** The list that served it (desk.callbacks, desk.daily); absent for a ticket's view. */
  via?: string;
}

export interface PiiAccessLog {
  record(entry: PiiAccess): Promise<void>;
}

/** A year's holiday arrangement as kept in `calendar` (one document per year, `_id` the year). */
export interface StoredCalendarYear extends CalendarYear {
  version: number;
  updatedAt: number;
  /** Who last changed it; absent for a seeded year. */
  updatedBy?: { staffId: string; name: string };
}

/** The company's working calendar (`calendar`). */
/** The kept working calendar, as every function reads it (server/calendar-cache.ts). */
export interface CalendarStore {
  /** Every kept year (a handful). */
  list(): Promise<StoredCalendarYear[]>;
}

/** One kept year, read and written: the manager's edits and the sweep's seeding. */
export interface CalendarEdits {
  get(year: number): Promise<StoredCalendarYear | null>;
  /** False when the year is kept already (someone seeded or saved it first). */
  insert(year: StoredCalendarYear): Promise<boolean>;
  /** Saves `next` only if the stored version is still `expectedVersion`; false otherwise. */
  replace(next: StoredCalendarYear, expectedVersion: number): Promise<boolean>;
}

/** One administrative change (操作记录), append-only. */
export interface AdminTrailEntry {
  at: number;
  by: { staffId: string; name: string; role: StaffRole };
  /** What was changed, e.g. 'calendar.2027'. */
  subject: string;
  action: string;
  summary: string;
  /** The change itself, for whoever audits it later. */
  detail: Record<string, unknown>;
}

export interface AdminTrail {
  append(entry: AdminTrailEntry): Promise<void>;
  /** A subject's entries, newest first. */
  list(subject: string, limit: number): Promise<AdminTrailEntry[]>;
}

export interface Deps {
  tickets: TicketStore;
  ticketQueries: TicketQueries;
  staff: StaffDirectory;
  owners: OwnerDirectory;
  communities: CommunityDirectory;
  bindings: BindingStore;
  handovers: HandoverStore;
  kpi: KpiStore;
  push: Push;
  templateIds: Record<TemplateKey, string>;
  now(): number;
  newId(): string;
  /** The id of what a sender's request creates: the same for every retry of that request. */
  requestedId(sender: string, requestId: string): string;
  photoLinks: PhotoLinks;
  piiAccess: PiiAccessLog;
  calendar: CalendarStore;
  calendarEdits: CalendarEdits;
  adminTrail: AdminTrail;
}

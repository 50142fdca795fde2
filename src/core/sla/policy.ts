/**
 * Service standards as policy data. Every number of docs/standards.md that the product enforces
 * lives here with its default; a company may override any of them.
 */
import { DEFAULT_ROUTING, type RoutingPolicy } from '../routing/rules';
import type { WorkingHours } from './calendar';
import { CHINESE_DAYS_CALENDAR, type WorkCalendar } from './holidays';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface RepairPolicy {
  /** 派单: intake → dispatched (003 #26, 004 一). */
  dispatchMinutes: number;
  /** 派单 for public-area repairs (003 #17, 000 4.7). */
  publicDispatchMinutes: number;
  /** Technician on site after dispatch when no appointment is set (003 #26). */
  onSiteMinutes: number;
  /** 急修: on site within this (002), counted like onSiteMinutes. */
  urgentOnSiteMinutes: number;
  /** A free repair is returned (返单) by the end of the working day it was accepted (003 #26). */
  freeReturnByEndOfDay: boolean;
  /** Callback target after the ticket is returned (003 #26). */
  callbackHours: number;
  /** Callback hard cap after return (000 4.9.1). */
  callbackCapHours: number;
  /** A callback rating at or below this on either question reopens the ticket. */
  reopenAtOrBelow: number;
}

/** Public-area repairs (公共区域, 003 #17, 000 4.7): deadlines by size class after acceptance. */
export interface PublicRepairPolicy {
  smallMinutes: number;
  mediumWorkingDays: number;
  majorWorkingDays: number;
  /** Never later than this, whatever the size. */
  hardLimitWorkingDays: number;
  /** What cannot be fixed yet is reported (reason, expected date) within this. */
  cannotFixReportWorkingDays: number;
}

export interface ComplaintPolicy {
  /** Passed on to customer service (the zone's housekeeper) within this (003 #19). */
  dispatchMinutes: number;
  /** Callback after a complaint is handled: the same day (000 4.5.1), but at least this long. */
  callbackHours: number;
  /** Progress reported to the front desk every this many hours while open (004 二). */
  progressHours: number;
  /** Complaint categories that are major incidents: escalated straight to the manager (004 二). */
  majorCategories: readonly string[];
}

export interface CardPolicy {
  /** Identity checked after the request (003 #11). */
  verifyMinutes: number;
  /** Card opened / reported lost / reissued after the identity check (003 #11). */
  issueMinutes: number;
  /** 补办成本费, in fen (003 #11: 50 yuan), payable at the front desk. */
  reissueFeeFen: number;
}

/** Phone callbacks (电话回访) by the front desk. */
export interface CallbackPolicy {
  /** The supervisor is told when this many calls of one callback round did not reach the owner. */
  tellSupervisorAtAttempt: number;
}

export interface OwnerPolicy {
  /** An owner may urge (催办) a ticket once per this many minutes. */
  urgeIntervalMinutes: number;
}

/** Who is told when a clock runs out, step by step (handler → supervisor → manager). */
export interface EscalationStep {
  /** Minutes after the deadline (a clock with a hard cap takes its later steps at the cap). */
  afterMinutes: number;
  to: readonly ('supervisor' | 'manager')[];
}

export interface EscalationPolicy {
  /** The handler is reminded when this share of a clock's time has passed. */
  remindAtFraction: number;
  ladder: readonly EscalationStep[];
  /** Who a major complaint's breach goes to at once, skipping the ladder's first rungs. */
  majorTo: readonly ('supervisor' | 'manager')[];
}

export interface PushPolicy {
  /** Wait before a failed or unconfirmed subscription message is tried again. */
  retrySeconds: number;
  /** After this many failed attempts a message stays in the in-app inbox only. */
  maxAttempts: number;
  /**
   * A send not answered within this is given up and never retried: it may have reached WeChat,
   * which has no idempotency key, so a retry could deliver it twice. Well under a cloud
   * function's default 3-second limit: a function stopped mid-send would leave the message to the
   * sweep, which could deliver it a second time.
   */
  timeoutMs: number;
}

/**
 * Targets the KPI figures are shown against (fractions 0–1; null: the standards set none). The
 * standards' own numbers are the defaults: callback rate 100 % (004), every clock on time (each
 * clock's deadline is a standard), an IC card done within the identity check plus the card work
 * (003 #11: 2 + 8 minutes). They give no number for completion, satisfaction or reopens.
 */
export interface KpiTargets {
  completionRate: number | null;
  /** The same target for every clock's on-time rate. */
  onTimeRate: number | null;
  callbackRate: number | null;
  /** Both callback questions (处理满意度, 人员满意度). */
  satisfactionRate: number | null;
  /** An upper bound: lower is better. */
  reopenRate: number | null;
  /** Average IC card turnaround, request → card done. */
  cardTurnaroundMinutes: number | null;
}

export interface KpiPolicy {
  targets: KpiTargets;
}

export interface Policy {
  /** Business time zone offset in minutes (China Standard Time, no DST). */
  utcOffsetMinutes: number;
  /** The community's working hours (working days come from `calendar`). */
  workingHours: WorkingHours;
  /**
   * The company's working calendar (holidays, 调休): not a setting but data the manager keeps; a
   * function loads it with the call (src/server/calendar-cache.ts). The default knows the years
   * chinese-days knows.
   */
  calendar: WorkCalendar;
  repair: RepairPolicy;
  publicRepair: PublicRepairPolicy;
  complaint: ComplaintPolicy;
  card: CardPolicy;
  owner: OwnerPolicy;
  callback: CallbackPolicy;
  escalation: EscalationPolicy;
  push: PushPolicy;
  /** Who takes which work, and how many open tasks a person may hold. */
  routing: RoutingPolicy;
  /** What the monthly figures are measured against. */
  kpi: KpiPolicy;
}

export const DEFAULT_POLICY: Policy = {
  utcOffsetMinutes: 8 * 60,
  workingHours: { start: '08:30', end: '17:30' },
  calendar: CHINESE_DAYS_CALENDAR,
  repair: {
    dispatchMinutes: 2,
    publicDispatchMinutes: 10,
    onSiteMinutes: 15,
    urgentOnSiteMinutes: 30,
    freeReturnByEndOfDay: true,
    callbackHours: 8,
    callbackCapHours: 24,
    reopenAtOrBelow: 2,
  },
  publicRepair: { smallMinutes: 60, mediumWorkingDays: 3, majorWorkingDays: 15, hardLimitWorkingDays: 30, cannotFixReportWorkingDays: 3 },
  complaint: { dispatchMinutes: 5, callbackHours: 8, progressHours: 4, majorCategories: ['security'] },
  card: { verifyMinutes: 2, issueMinutes: 8, reissueFeeFen: 5000 },
  owner: { urgeIntervalMinutes: 30 },
  callback: { tellSupervisorAtAttempt: 3 },
  escalation: {
    remindAtFraction: 0.8,
    ladder: [
      { afterMinutes: 0, to: ['supervisor'] },
      { afterMinutes: 60, to: ['manager'] },
    ],
    majorTo: ['manager'],
  },
  push: { retrySeconds: 60, maxAttempts: 5, timeoutMs: 2000 },
  routing: DEFAULT_ROUTING,
  kpi: {
    targets: { completionRate: null, onTimeRate: 1, callbackRate: 1, satisfactionRate: null, reopenRate: null, cardTurnaroundMinutes: 10 },
  },
};

/**
 * Service standards as policy data. Every number of docs/standards.md that the product enforces
 * lives here with its default; a company may override any of them.
 */
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
  /** Callback target after the ticket is returned (003 #26). */
  callbackHours: number;
  /** Callback hard cap after return (000 4.9.1). */
  callbackCapHours: number;
  /** A callback rating at or below this on either question reopens the ticket. */
  reopenAtOrBelow: number;
}

export interface ComplaintPolicy {
  /** Passed on to customer service (the zone's housekeeper) within this (003 #19). */
  dispatchMinutes: number;
  /** Callback after a complaint is handled: the same day (000 4.5.1). */
  callbackHours: number;
}

export interface CardPolicy {
  /** Identity checked after the request (003 #11). */
  verifyMinutes: number;
  /** Card opened / reported lost / reissued after the identity check (003 #11). */
  issueMinutes: number;
  /** 补办成本费, in fen (003 #11: 50 yuan), payable at the front desk. */
  reissueFeeFen: number;
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
}

export interface PushPolicy {
  /** Wait before a failed or unconfirmed subscription message is tried again. */
  retrySeconds: number;
  /** After this many failed attempts a message stays in the in-app inbox only. */
  maxAttempts: number;
}

export interface Policy {
  /** Business time zone offset in minutes (China Standard Time, no DST). */
  utcOffsetMinutes: number;
  repair: RepairPolicy;
  complaint: ComplaintPolicy;
  card: CardPolicy;
  owner: OwnerPolicy;
  escalation: EscalationPolicy;
  push: PushPolicy;
}

export const DEFAULT_POLICY: Policy = {
  utcOffsetMinutes: 8 * 60,
  repair: {
    dispatchMinutes: 2,
    publicDispatchMinutes: 10,
    onSiteMinutes: 15,
    callbackHours: 8,
    callbackCapHours: 24,
    reopenAtOrBelow: 2,
  },
  complaint: { dispatchMinutes: 5, callbackHours: 8 },
  card: { verifyMinutes: 2, issueMinutes: 8, reissueFeeFen: 5000 },
  owner: { urgeIntervalMinutes: 30 },
  escalation: {
    remindAtFraction: 0.8,
    ladder: [
      { afterMinutes: 0, to: ['supervisor'] },
      { afterMinutes: 60, to: ['manager'] },
    ],
  },
  push: { retrySeconds: 60, maxAttempts: 5 },
};

import type { CardStage } from '../routing/rules';
import type { CardAction, CardTypeId } from '../catalog/cards';
import type { Trade } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import type { ActorRef, StaffRole, Team } from './actor';
import type { TicketEventType } from './events';
import type { TicketKind } from './kinds';
import type { TicketState } from './states';

/**
 * dispatch: intake → a person has it (for IC cards: → identity checked); onSite: technician on
 * site; return: a free repair returned by the end of the working day; repair: a public-area
 * repair done by its size class's deadline (hard cap 30 working days); report: a public-area
 * repair not fixed yet is reported with reason and expected date; progress: a complaint's
 * progress report, every few hours while open; reply: a complaint's requested reply time;
 * issue: IC card done after the identity check; callback: callback after return.
 */
export type ClockName = 'dispatch' | 'onSite' | 'return' | 'repair' | 'report' | 'progress' | 'reply' | 'issue' | 'callback';

/** Size class of a public-area repair (公共区域): decides its repair deadline. */
export type PublicSize = 'small' | 'medium' | 'major';

/** One SLA clock. Times are epoch milliseconds. A clock is running while `stoppedAt` is absent. */
export interface Clock {
  startedAt: number;
  /** The deadline; moved later by the time spent paused. */
  dueAt: number;
  /** A hard limit beyond the target, e.g. the 24 h cap on callbacks: the last escalation step. */
  capAt?: number;
  stoppedAt?: number;
  /** Paused since (waiting for the owner): not counted, not swept. */
  pausedAt?: number;
  pauseReason?: string;
  /** Time spent paused so far, in ms. */
  pausedMs?: number;
  /** When the reminder before the deadline went out. */
  remindedAt?: number;
  /** Escalation steps taken after the deadline (0 or absent: not breached yet). */
  escalations?: number;
}

export interface UnitRef {
  id: string;
  community: string;
  building: string;
  unit: string;
  room: string;
  zone: string;
}

export interface Assignee {
  staffId: string;
  openid: string;
  name: string;
  phone: string;
  role: StaffRole;
}

export interface QuoteItem {
  name: string;
  priceFen: number;
  quantity: number;
}

export interface Quote {
  items: QuoteItem[];
  totalFen: number;
  note: string;
  at: number;
  decision: 'accepted' | 'declined' | null;
  decidedAt: number | null;
}

export interface Rating {
  /** 处理满意度: the way, the process, the result. 1–5. */
  handling: number;
  /** 人员满意度: attitude and manner. 1–5. */
  staff: number;
  /** The owner's words, recorded as said. */
  comment: string;
  at: number;
  /** Who gave it: the owner in the app, or the owner on the phone to the desk (电话回访). Absent on older tickets: the owner. */
  by?: 'owner' | 'phone';
  /** The staff member who took a phone callback down; null or absent when the owner rated in the app. */
  recordedBy?: { staffId: string; name: string } | null;
}

/** How a request reached us: the owner in the app, or the desk for an owner who phoned or walked in (代客登记). */
export type TicketChannel = 'wechat' | 'phone' | 'walk_in';

/** The staff member who registered a request for the owner (代客登记). */
export interface RegisteredBy {
  staffId: string;
  name: string;
}

/** A phone callback that did not reach the owner (未能联系上业主): when, what happened, who called. */
export interface CallbackAttempt {
  at: number;
  note: string;
  by: { staffId: string; name: string };
}

export interface AuditEntry {
  at: number;
  actor: ActorRef;
  event: TicketEventType;
  from: TicketState | null;
  to: TicketState;
  note: string;
  /** Photos taken with the step (a staff note's): staff see them in the trail. Absent: none. */
  photos?: string[];
}

/** A subscription message waiting to be sent; kept inside the ticket so it is never lost. */
export interface OutboxMessage {
  id: string;
  template: TemplateKey;
  touser: string;
  /** owner, the ticket's assignee, or another staff member (an escalation) named by staffId. */
  recipient: 'owner' | 'assignee' | 'staff';
  staffId?: string;
  page: string;
  data: Record<string, string>;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

/** Why a message ended without being sent: no credit (before or at sending), a wrong message, too many failures, or no answer in time. */
export type PushFailureReason = 'no_credit' | 'rejected' | 'gave_up' | 'uncertain';

/** A subscription message that ended without being sent: kept on the ticket so staff can see it. */
export interface PushFailure {
  messageId: string;
  template: TemplateKey;
  recipient: OutboxMessage['recipient'];
  staffId?: string;
  /** The assignee's name when the message was for them; otherwise not known here. */
  recipientName?: string;
  /** WeChat's last answer; null when nothing was sent (no credit left before sending). */
  errcode: number | null;
  reason: PushFailureReason;
  at: number;
}

/** A complaint's own data (投诉). */
export interface ComplaintDetails {
  /** The staff member the complaint is about, as the owner named them or from a linked ticket. */
  aboutStaff: string | null;
  /** Their staff id when known (a complaint about a ticket's handler): never routed to them. */
  aboutStaffId: string | null;
  /** The reply time the owner asked for: the deadline (003 #19 3). */
  replyBy: number | null;
  /** The ticket whose handler this complaint is about (回访时投诉处理人员). */
  linkedTicket: { id: string; no: string } | null;
}

/** A sub-task (协办单) raised from a complaint for another team: a repair ticket of its own. */
export interface SubtaskRef {
  id: string;
  no: string;
  team: Team;
  /** The repair category the other team was asked for. */
  category: string;
  at: number;
}

/** The last time a task changed hands by 改派 or 转派: from and to whom (a name, or a category), by whom, why. */
export interface HandOn {
  event: 'reassign' | 'transfer';
  from: string | null;
  to: string;
  by: string;
  reason: string;
  at: number;
}

export interface TicketHelp {
  /** Why routing needs a person to step in, in the desk's words. */
  reason: string;
  /** The rung that was asked: the team's lead, or the supervisor. */
  rung: 'team_lead' | 'supervisor';
  /** Who was asked, by name. */
  told: string[];
  since: number;
}

/** An IC card request's own data (IC卡). */
export interface CardDetails {
  type: CardTypeId;
  action: CardAction;
  /** Card number if the owner knows it; identifies "the same card" for a reissue. */
  cardNo: string;
  /** Held by the front desk under a custody agreement (委托代管) instead of collected. */
  custody: boolean;
  /** Cost fee payable at the front desk (reissue only), in fen. */
  feeFen: number;
  /** The loss report a reissue follows. */
  lossTicket: { id: string; no: string } | null;
  /** Identity check at the desk, then the card opened by engineering (003 #11). */
  stage: CardStage;
  /** Who checked the owner's identity, and when (set by the check; absent before it). */
  verifiedBy?: { staffId: string; name: string; at: number } | null;
}

export interface Ticket {
  _id: string;
  /** Human-facing number, e.g. BX20261122-4F7K. */
  no: string;
  /** The client's id for the submission that made it (its retries find this ticket), when it sent one. */
  requestId?: string;
  kind: TicketKind;
  state: TicketState;
  version: number;
  owner: { openid: string; name: string; phone: string };
  unit: UnitRef;
  area: 'home' | 'public';
  /** Repair category, complaint category or card type, by kind. */
  category: string;
  team: Team;
  /** The trade a repair needs; null for kinds handled by customer service. */
  trade: Trade | null;
  description: string;
  photos: string[];
  appointment: { start: number; end: number } | null;
  urgent: boolean;
  /** Photos of the result, taken when the ticket was returned (返单); absent on older tickets. */
  resultPhotos?: string[];
  /** The last 改约: the appointment it replaced, why, when (the owner's message reads the reason). */
  rescheduled?: { previous: { start: number; end: number } | null; reason: string; at: number } | null;
  assignee: Assignee | null;
  clocks: Partial<Record<ClockName, Clock>>;
  quote: Quote | null;
  rating: Rating | null;
  referral: { contact: string; note: string } | null;
  cancelReason: string | null;
  reopenCount: number;
  complaint: ComplaintDetails | null;
  card: CardDetails | null;
  /** Public-area repairs: the size class the technician gave it (small until said otherwise). */
  publicSize: PublicSize | null;
  /** 暂不能修复: why, and when it is expected to be fixed (public-area repairs). */
  deferral: { reason: string; expectedAt: number; at: number } | null;
  /** Staff who declined this ticket (拒单): never routed to them again. */
  declinedBy: string[];
  /** When a clock of this ticket first ran out (set by the first escalation): the supervisor's list of breaches. */
  lateSince: number | null;
  /** Last time the owner urged (催办); urging is throttled by policy. */
  lastUrgedAt: number | null;
  /**
   * Waiting in the shared pool (待协调): routing found nobody who can take it, or nobody it can
   * push, so the team lead or the supervisor was asked. Cleared when someone is given the task.
   */
  help?: TicketHelp | null;
  /** The last 改派 or 转派 (absent: the task never changed hands that way). */
  handedOn?: HandOn | null;
  /** One-time subscription credits the owner granted for this ticket's updates, per template. */
  ownerCredits: Partial<Record<TemplateKey, number>>;
  history: AuditEntry[];
  outbox: OutboxMessage[];
  /** Messages that ended without being sent, newest last, the newest few only (absent on older tickets). */
  pushFailures?: PushFailure[];
  /**
   * Bumped by every write of the outbox that is not a state change (delivery, a sweep's claim),
   * which leave `version` alone: a step saves only over the outbox it read, so a message already
   * sent can never be written back and sent again. Absent on older tickets (read as 0).
   */
  outboxRev?: number;
  /** How the request reached us (absent on older tickets: the app). */
  channel?: TicketChannel;
  /** Who registered it for the owner (代客登记); null or absent when the owner submitted it. */
  registeredBy?: RegisteredBy | null;
  /** Phone callbacks that did not reach the owner, oldest first (absent: none). */
  callbackAttempts?: CallbackAttempt[];
  /** 协办: the complaint this sub-task was raised from (absent: not a sub-task). */
  parent?: { id: string; no: string };
  /** A complaint's sub-tasks for other teams, by reference (their state is read when shown). */
  subtasks?: SubtaskRef[];
  /** Earliest time the sweep must look at this ticket: a clock deadline or a message retry. */
  nextDueAt: number | null;
  createdAt: number;
  updatedAt: number;
}

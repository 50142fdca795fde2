import type { RepairCategoryId, Trade } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import type { ActorRef, StaffRole, Team } from './actor';
import type { TicketEventType } from './events';
import type { TicketState } from './states';

export type ClockName = 'dispatch' | 'onSite' | 'callback';

/** One SLA clock. Times are epoch milliseconds. A clock is running while `stoppedAt` is absent. */
export interface Clock {
  startedAt: number;
  dueAt: number;
  /** A hard limit beyond the target, e.g. the 24 h cap on callbacks. */
  capAt?: number;
  stoppedAt?: number;
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
}

export interface AuditEntry {
  at: number;
  actor: ActorRef;
  event: TicketEventType;
  from: TicketState | null;
  to: TicketState;
  note: string;
}

/** A subscription message waiting to be sent; kept inside the ticket so it is never lost. */
export interface OutboxMessage {
  id: string;
  template: TemplateKey;
  touser: string;
  recipient: 'owner' | 'assignee';
  page: string;
  data: Record<string, string>;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

export interface RepairTicket {
  _id: string;
  /** Human-facing number, e.g. BX20261122-4F7K. */
  no: string;
  kind: 'repair';
  state: TicketState;
  version: number;
  owner: { openid: string; name: string; phone: string };
  unit: UnitRef;
  area: 'home' | 'public';
  category: RepairCategoryId;
  team: Team;
  trade: Trade;
  description: string;
  photos: string[];
  appointment: { start: number; end: number } | null;
  urgent: boolean;
  assignee: Assignee | null;
  clocks: Partial<Record<ClockName, Clock>>;
  quote: Quote | null;
  rating: Rating | null;
  referral: { contact: string; note: string } | null;
  cancelReason: string | null;
  reopenCount: number;
  /** One-time subscription credits the owner granted for this ticket's updates, per template. */
  ownerCredits: Partial<Record<TemplateKey, number>>;
  history: AuditEntry[];
  outbox: OutboxMessage[];
  /** Earliest time the sweep must look at this ticket: a clock deadline or a message retry. */
  nextDueAt: number | null;
  createdAt: number;
  updatedAt: number;
}

import type { TicketKind } from './kinds';
import type { Assignee, ClockName, PublicSize, QuoteItem, SubtaskRef } from './model';

/** A staff member an escalation tells (a supervisor or manager, found by the sweep). */
export type StaffRef = Omit<Assignee, 'phone'>;

/** Everything that can happen to a repair ticket. Data only; who did it travels separately. */
export type TicketEvent =
  /** `why`: the routing's reasons for this person ("why this person"), kept in the audit trail. */
  | { type: 'dispatch'; assignee: Assignee; why?: readonly string[] }
  | { type: 'accept' }
  /** 拒单: the assignee cannot take it (reason given); it is routed to someone else. */
  | { type: 'decline'; reason: string }
  | { type: 'arrive' }
  | { type: 'quote'; items: QuoteItem[]; note: string }
  | { type: 'confirm_quote' }
  | { type: 'decline_quote'; reason: string }
  | { type: 'start' }
  /** 返单. `photos`: the result (结果照片), required for a repair; a complaint needs its result in `note`. */
  | { type: 'finish'; note: string; photos?: readonly string[] }
  | { type: 'request_callback' }
  | { type: 'rate'; handling: number; staff: number; comment: string }
  | { type: 'cancel'; reason: string }
  | { type: 'refer'; contact: string; note: string }
  | { type: 'urge' }
  | { type: 'remind'; clock: ClockName }
  | { type: 'escalate'; clock: ClockName; step: number; to: StaffRef[] }
  /** Routing could not hand the task to someone it can reach: the lead or supervisor is asked. */
  | { type: 'seek_help'; reason: string; rung: 'team_lead' | 'supervisor'; to: StaffRef[] }
  | { type: 'pause'; reason: string }
  | { type: 'resume' }
  | { type: 'classify'; size: PublicSize }
  | { type: 'defer'; reason: string; expectedAt: number }
  | { type: 'progress'; note: string }
  /** 改派: a supervisor or manager gives the task to someone else; `from` is who held it (told). */
  | { type: 'reassign'; assignee: Assignee; from: StaffRef | null; reason: string }
  /**
   * 转派: the holder hands the task on before the work starts — to a named colleague (dispatched to
   * them), or a repair to another category's people (待派单 with the new category, routed at once).
   */
  | { type: 'transfer'; reason: string; to: { assignee: Assignee } | { category: string } }
  /** 协办: the complaint's handler raised a sub-task (a ticket of its own) for another team. */
  | { type: 'subtask'; subtask: SubtaskRef }
  /** 工作备注: a staff-only note with optional photos; the state stays. */
  | { type: 'note'; text: string; photos: readonly string[] }
  /** 改约: a new appointment agreed with the owner (`ownerAgreed`), with the reason; the on-site clock follows it. */
  | { type: 'reschedule'; appointment: { start: number; end: number }; reason: string; ownerAgreed: boolean }
  | CallbackAttemptEvent;

/**
 * 未能联系上业主: a phone callback that did not reach the owner; the state stays. `supervisors`
 * are told when this attempt is the policy's `callback.tellSupervisorAtAttempt`-th of the round.
 */
export type CallbackAttemptEvent = { type: 'callback_attempt'; note: string; supervisors: StaffRef[] };

export type TicketEventType = TicketEvent['type'] | 'submit';

export const EVENT_LABELS: Record<TicketEventType, string> = {
  submit: '提交报修',
  dispatch: '派单',
  accept: '接单',
  decline: '拒单',
  arrive: '到场',
  quote: '报价',
  confirm_quote: '确认报价',
  decline_quote: '不同意报价',
  start: '开始维修',
  finish: '完工返单',
  request_callback: '待回访评价',
  rate: '回访评价',
  cancel: '取消报修',
  refer: '转介外部服务',
  urge: '业主催办',
  remind: '时限提醒',
  escalate: '超时升级',
  seek_help: '请求协调派单',
  pause: '暂停计时',
  resume: '恢复计时',
  classify: '确定维修规模',
  defer: '暂不能修复',
  progress: '进展汇报',
  reassign: '改派',
  transfer: '转派',
  subtask: '安排协办',
  callback_attempt: '回访未联系上',
  note: '工作备注',
  reschedule: '改约上门时间',
};

/** Where a kind words an event differently from a repair. */
export const KIND_EVENT_LABELS: Partial<Record<TicketKind, Partial<Record<TicketEventType, string>>>> = {
  complaint: { submit: '提交投诉', dispatch: '转交管家', accept: '受理投诉', finish: '处理完毕', cancel: '撤销投诉' },
  card: { submit: '提交IC卡申请', dispatch: '转交前台', accept: '核验身份', finish: '办理完成', cancel: '取消申请' },
};

/** An IC card's events after the identity check, in engineering's hands (003 #11). */
export const CARD_ISSUE_EVENT_LABELS: Partial<Record<TicketEventType, string>> = { dispatch: '派单', accept: '接单办卡' };

/** `stage`: an IC card's stage when the event happened (its events after the check read as engineering's). */
export const eventLabel = (kind: TicketKind, event: TicketEventType, stage?: 'verify' | 'issue'): string =>
  (kind === 'card' && stage === 'issue' ? CARD_ISSUE_EVENT_LABELS[event] : undefined) ?? KIND_EVENT_LABELS[kind]?.[event] ?? EVENT_LABELS[event];

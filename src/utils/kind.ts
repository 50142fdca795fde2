import type { TicketKind } from '@/core/tickets/kinds'

/**
 * How the owner's pages word each kind of request: 报修 / 投诉 / IC卡申请. One place, so the
 * detail page, the list and the forms never mix a repair's words into a complaint.
 */
export interface KindWords {
  /** What the request is called in a sentence: 本次报修 / 本次投诉 / 本次IC卡申请. */
  noun: string
  /** The cancel button and its form's title. */
  cancel: string
  /** Title of the section with what the owner wrote. */
  content: string
  /** The owner's own text, as its label. */
  description: string
  /** Common reasons to cancel, for the cancel form's chips. */
  cancelReasons: readonly string[]
  /** Above the rating form, once the handler has returned the ticket. */
  rateHint: string
  /** The notice of a ticket back with its handler after a low rating. */
  reopenedTitle: string
  /** Where the new request of this kind is made. */
  newUrl: string
  /** In the handler card while nobody has accepted yet (the owner learns the name on accept). */
  handlerPending: string
}

export const KIND_WORDS: Record<TicketKind, KindWords> = {
  repair: {
    noun: '报修',
    cancel: '取消报修',
    content: '报修内容',
    description: '问题描述',
    cancelReasons: ['问题已自行解决', '暂时不需要维修', '时间安排有变', '重复提交'],
    rateHint: '维修已完成，请对本次服务进行评价。',
    reopenedTitle: '返修处理中',
    newUrl: '/pages/repair/new',
    handlerPending: '师傅接单后，这里会显示师傅的姓名和电话',
  },
  complaint: {
    noun: '投诉',
    cancel: '撤销投诉',
    content: '投诉内容',
    description: '投诉内容',
    cancelReasons: ['问题已经解决', '已与相关人员沟通好', '填写有误', '重复提交'],
    rateHint: '您的投诉已处理完毕，请对处理结果和服务进行评价。',
    reopenedTitle: '继续处理中',
    newUrl: '/pages/complaint/new',
    handlerPending: '管家受理后，这里会显示管家的姓名和电话',
  },
  card: {
    noun: 'IC卡申请',
    cancel: '取消申请',
    content: '申请内容',
    description: '补充说明',
    cancelReasons: ['卡片已找到', '暂时不需要办理', '填写有误', '重复提交'],
    rateHint: '您的IC卡业务已办好，请对本次服务进行评价。',
    reopenedTitle: '继续办理中',
    newUrl: '/pages/card/new',
    handlerPending: '接单后，这里会显示经办人的姓名和电话',
  },
}

/**
 * The notice on a ticket sent back to its handler after a low rating, for any kind:
 * "感谢您的反馈。您的投诉已退回张管家继续处理，管家会尽快与您联系；处理完成后会再次请您评价。"
 */
export const reopenedNotice = (kind: TicketKind, handlerTitle: string, handlerName: string | null): string => {
  const who = handlerName ?? `原${handlerTitle}`
  const rest: Record<TicketKind, string> = {
    repair: '继续处理，师傅会尽快与您联系；处理完成后',
    complaint: '继续处理，管家会尽快与您联系、跟进处理结果；处理完成后',
    card: '继续办理，经办人会尽快与您联系；办好后',
  }
  return `感谢您的反馈。您的${KIND_WORDS[kind].noun}已退回${who}${rest[kind]}会再次请您评价。`
}

/**
 * How the staff task page words each kind: the take and finish buttons, the finish form and the
 * section with what the owner asked for. The buttons keep their class names (task-accept,
 * task-finish, note-form) for every kind; only the words change.
 */
export interface StaffKindWords {
  /** The button that takes the task: 接单 / 受理投诉 / 核验通过. */
  accept: string
  /** Under the buttons while the task waits to be taken: what taking it means ('' for none). */
  acceptHint: string
  /** The button that opens the finish form, and that form's title. */
  finish: string
  /** The finish form's field label and placeholder. */
  noteLabel: string
  notePlaceholder: string
  /** When set, the finish form refuses an empty note with this message. */
  noteRequired: string | null
  /** The finish form's confirm button. */
  confirm: string
  /** Title of the section with what the owner asked for. */
  content: string
  /** The owner's own text, as its label. */
  description: string
}

export const STAFF_KIND_WORDS: Record<TicketKind, StaffKindWords> = {
  repair: {
    accept: '接单',
    acceptHint: '',
    finish: '完工返单',
    noteLabel: '完工说明（选填）',
    notePlaceholder: '如：已更换水龙头，试水正常',
    noteRequired: null,
    confirm: '确认完工',
    content: '报修内容',
    description: '问题描述',
  },
  complaint: {
    accept: '受理投诉',
    acceptHint: '受理后请尽快联系业主了解情况，并在期望答复时间前给业主答复。',
    finish: '处理完毕',
    noteLabel: '处理结果',
    notePlaceholder: '如：已与楼上业主沟通，承诺晚间停工',
    noteRequired: '请填写处理结果，方便业主了解处理情况',
    confirm: '确认处理完毕',
    content: '投诉信息',
    description: '投诉内容',
  },
  card: {
    accept: '核验通过',
    acceptHint: '请先核对业主身份证件和房屋信息，核验无误后再点“核验通过”。',
    finish: '办理完成',
    noteLabel: '办理说明（选填）',
    notePlaceholder: '如：已开通，业主已签收 / 已挂失',
    noteRequired: null,
    confirm: '确认办理完成',
    content: '办理信息',
    description: '补充说明',
  },
}

/**
 * An IC card after the front desk's identity check is engineering's work (003 #11): the
 * technician takes it (接单办卡) and finishes it (办卡完成); the desk's words are for the check.
 */
export const CARD_ISSUE_WORDS: StaffKindWords = {
  ...STAFF_KIND_WORDS.card,
  accept: '接单办卡',
  acceptHint: '业主身份已由前台核验，请在办卡时限内办好，并请业主签收。',
  finish: '办卡完成',
  confirm: '确认办卡完成',
}

/** The staff words for a ticket: its kind's, or engineering's for an IC card past its identity check. */
export const staffWordsOf = (ticket: { kind: TicketKind; card?: { stage?: 'verify' | 'issue' } | null }): StaffKindWords =>
  ticket.kind === 'card' && ticket.card?.stage === 'issue' ? CARD_ISSUE_WORDS : STAFF_KIND_WORDS[ticket.kind]

import type { CardAction, CardTypeId } from '@/core/catalog/cards'
import type { RepairCategoryId } from '@/core/catalog/categories'
import type { ComplaintCategoryId } from '@/core/catalog/complaints'
import type { ActionInput } from '@/core/contract/actions'
import type { DeskChannel } from '@/core/tickets/channel'
import { toAppointment, type AppointmentChoice } from '@/utils/appointment'
import { HOUR_MS } from '@/utils/time'

/** What the desk registers: the same three requests an owner can send. */
export type RequestKind = 'repair' | 'complaint' | 'card'

export const DESCRIPTION_MAX = 500
export const ABOUT_STAFF_MAX = 20
export const CARD_NOTE_MAX = 200
const CARD_NO_PATTERN = /^[0-9A-Za-z-]{0,20}$/

/** Everything the form holds; only the chosen kind's part is sent. */
export interface Draft {
  /** The owner found and chosen, and the unit the request is about. */
  residentId: string | null
  unitId: string | null
  channel: DeskChannel | null
  kind: RequestKind
  repair: { area: 'home' | 'public'; category: RepairCategoryId | null; description: string; urgent: boolean; appointment: AppointmentChoice }
  complaint: { category: ComplaintCategoryId | null; description: string; aboutStaff: string; replyHours: number | null }
  card: { type: CardTypeId | null; action: CardAction | null; cardNo: string; custody: boolean; note: string }
}

export const EMPTY_DRAFT: Draft = {
  residentId: null,
  unitId: null,
  channel: null,
  kind: 'repair',
  repair: { area: 'home', category: null, description: '', urgent: false, appointment: { mode: 'asap' } },
  complaint: { category: null, description: '', aboutStaff: '', replyHours: null },
  card: { type: null, action: null, cardNo: '', custody: false, note: '' },
}

export type Field = 'owner' | 'channel' | 'category' | 'description' | 'appointment' | 'aboutStaff' | 'replyBy' | 'type' | 'action' | 'cardNo' | 'note'
export type FieldErrors = Partial<Record<Field, string>>

/** In the order the form shows them: the first is the one to tell. */
export const FIELD_ORDER: Field[] = ['owner', 'channel', 'category', 'type', 'action', 'description', 'cardNo', 'note', 'aboutStaff', 'replyBy', 'appointment']

const textProblem = (text: string, label: string, max: number, required: boolean): string | undefined => {
  const t = text.trim()
  if (required && !t) return `请填写${label}`
  if (t.length > max) return `${label}不能超过${max}个字`
  return undefined
}

/** The contract's checks with its own messages (those of the owner forms), before anything is sent. */
export const validate = (d: Draft, now: number): FieldErrors => {
  const e: FieldErrors = {}
  if (!d.residentId || !d.unitId) e.owner = '请先查找并选择业主'
  if (!d.channel) e.channel = '请选择受理方式：电话或到访'
  if (d.kind === 'repair') {
    if (!d.repair.category) e.category = '请选择报修类别'
    e.description = textProblem(d.repair.description, '问题描述', DESCRIPTION_MAX, true)
    const slot = toAppointment(d.repair.appointment, now)
    if (!slot.ok) e.appointment = slot.error
  } else if (d.kind === 'complaint') {
    if (!d.complaint.category) e.category = '请选择投诉类别'
    e.description = textProblem(d.complaint.description, '投诉内容', DESCRIPTION_MAX, true)
    e.aboutStaff = textProblem(d.complaint.aboutStaff, '被投诉人员', ABOUT_STAFF_MAX, false)
    if (d.complaint.replyHours === null) e.replyBy = '请选择期望答复时间'
  } else {
    if (!d.card.type) e.type = '请选择卡片类型'
    if (!d.card.action) e.action = '请选择办理事项'
    if (!CARD_NO_PATTERN.test(d.card.cardNo.trim())) e.cardNo = '卡号只能包含数字、字母，最多20位'
    e.note = textProblem(d.card.note, '补充说明', CARD_NOTE_MAX, false)
  }
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v)) as FieldErrors
}

export const firstProblem = (errors: FieldErrors): string | undefined => FIELD_ORDER.map((f) => errors[f]).find(Boolean)

type Common = { unitId: string; residentId: string; channel: DeskChannel }

/** The request as its action takes it (call only after `validate` found nothing). */
export const toRequest = (
  d: Draft,
  now: number,
):
  | { action: 'desk.submitRepair'; input: ActionInput<'desk.submitRepair'> }
  | { action: 'desk.submitComplaint'; input: ActionInput<'desk.submitComplaint'> }
  | { action: 'desk.submitCard'; input: ActionInput<'desk.submitCard'> } => {
  const common: Common = { unitId: d.unitId!, residentId: d.residentId!, channel: d.channel! }
  if (d.kind === 'repair') {
    const slot = toAppointment(d.repair.appointment, now)
    return {
      action: 'desk.submitRepair',
      input: {
        ...common,
        area: d.repair.area,
        category: d.repair.category!,
        description: d.repair.description.trim(),
        urgent: d.repair.urgent,
        appointment: slot.ok ? slot.value : null,
      },
    }
  }
  if (d.kind === 'complaint') {
    return {
      action: 'desk.submitComplaint',
      input: {
        ...common,
        category: d.complaint.category!,
        description: d.complaint.description.trim(),
        aboutStaff: d.complaint.aboutStaff.trim(),
        replyBy: now + d.complaint.replyHours! * HOUR_MS,
      },
    }
  }
  return {
    action: 'desk.submitCard',
    input: {
      ...common,
      type: d.card.type!,
      action: d.card.action!,
      cardNo: d.card.cardNo.trim(),
      custody: d.card.action !== 'lost' && d.card.custody,
      note: d.card.note.trim(),
    },
  }
}

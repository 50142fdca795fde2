import type { UnitRef } from '../tickets/model';

/**
 * A request to bind a WeChat identity to a unit (房屋绑定申请), its states, and the checks of the
 * form an owner fills in. The same messages are used by the page (before sending) and by the
 * contract (always, on the server). Kept free of zod so the mini-program can import it.
 */

export const RELATIONS = ['owner', 'family', 'tenant'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_NAMES: Record<Relation, string> = { owner: '业主', family: '家属', tenant: '租户' };

export const BINDING_STATES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type BindingState = (typeof BINDING_STATES)[number];

export const BINDING_STATE_NAMES: Record<BindingState, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  cancelled: '已撤回',
};

export interface BindingReviewer {
  staffId: string;
  name: string;
}

export interface BindingRequest {
  _id: string;
  /** The requester, from the platform. */
  openid: string;
  name: string;
  phone: string;
  relation: Relation;
  unit: UnitRef;
  state: BindingState;
  /** Why it was rejected; '' otherwise. */
  reason: string;
  reviewer: BindingReviewer | null;
  createdAt: number;
  reviewedAt: number | null;
  /** Bumped by every change; a write expects the version it read. */
  version: number;
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const NAME_MAX = 20;
export const REASON_MAX = 100;

export const BINDING_MESSAGES = {
  community: '请选择小区',
  building: '请选择楼栋',
  unit: '请选择单元',
  room: '请选择房号',
  name: '请填写姓名',
  nameTooLong: `姓名不能超过${NAME_MAX}个字`,
  phone: '请填写手机号',
  phoneInvalid: '请填写正确的11位手机号',
  relation: '请选择您与房屋的关系',
  reason: '请填写驳回原因',
  reasonTooLong: `驳回原因不能超过${REASON_MAX}个字`,
} as const;

export interface BindingForm {
  communityId: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  name: string;
  phone: string;
  relation: Relation | null;
}

export type BindingField = keyof BindingForm;

/** The message to show next to each field that is not right yet; empty when the form can be sent. */
export const bindingFormErrors = (form: BindingForm): Partial<Record<BindingField, string>> => {
  const errors: Partial<Record<BindingField, string>> = {};
  if (!form.communityId) errors.communityId = BINDING_MESSAGES.community;
  if (!form.building) errors.building = BINDING_MESSAGES.building;
  if (!form.unit) errors.unit = BINDING_MESSAGES.unit;
  if (!form.room) errors.room = BINDING_MESSAGES.room;
  const name = form.name.trim();
  if (!name) errors.name = BINDING_MESSAGES.name;
  else if (name.length > NAME_MAX) errors.name = BINDING_MESSAGES.nameTooLong;
  const phone = form.phone.trim();
  if (!phone) errors.phone = BINDING_MESSAGES.phone;
  else if (!PHONE_PATTERN.test(phone)) errors.phone = BINDING_MESSAGES.phoneInvalid;
  if (!form.relation) errors.relation = BINDING_MESSAGES.relation;
  return errors;
};

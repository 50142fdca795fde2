import * as z from 'zod/mini';
import { CARD_ACTIONS, CARD_TYPE_IDS } from '../catalog/cards';
import { REPAIR_CATEGORY_IDS } from '../catalog/categories';
import { COMPLAINT_CATEGORY_IDS } from '../catalog/complaints';
import { appointmentInput, idField, instantField, requestIdField, textField } from './fields';
import { photosField } from './photos';

/**
 * What a request of each kind says, whoever sends it: the owner in the app (`repair.submit` …,
 * plus the templates granted in that tap) or the front desk for an owner who phoned or walked in
 * (`desk.submitRepair` …, plus who and how). One set of rules and messages for both. Each is made
 * where an action uses it, so a function bundles only the kinds it takes.
 */

export const repairRequestInput = () => z.object({
  unitId: idField('房屋'),
  area: z._default(z.enum(['home', 'public'], { error: '请选择户内或公共区域' }), 'home'),
  category: z.enum(REPAIR_CATEGORY_IDS, { error: '请选择报修类别' }),
  description: textField('问题描述', 500, 1),
  photos: photosField(),
  appointment: z._default(z.nullable(appointmentInput()), null),
  urgent: z._default(z.boolean({ error: '请选择是否急修' }), false),
  requestId: requestIdField(),
});

export const complaintRequestInput = () => z.object({
  unitId: idField('房屋'),
  category: z.enum(COMPLAINT_CATEGORY_IDS, { error: '请选择投诉类别' }),
  description: textField('投诉内容', 500, 1),
  photos: photosField(),
  aboutStaff: z._default(textField('被投诉人员', 20), ''),
  /** The ticket whose handler this complaint is about (from its callback). */
  aboutTicketId: z.optional(idField('相关工单')),
  replyBy: instantField('期望答复时间'),
  requestId: requestIdField(),
});

export const cardRequestInput = () => z.object({
  unitId: idField('房屋'),
  type: z.enum(CARD_TYPE_IDS, { error: '请选择卡片类型' }),
  action: z.enum(CARD_ACTIONS, { error: '请选择办理事项' }),
  cardNo: z._default(
    z
      .string({ error: '卡号格式不正确' })
      .check(z.trim(), z.regex(/^[0-9A-Za-z-]{0,20}$/, { error: '卡号只能包含数字、字母，最多20位' })),
    '',
  ),
  custody: z._default(z.boolean({ error: '请选择是否委托代管' }), false),
  note: z._default(textField('补充说明', 200), ''),
  requestId: requestIdField(),
});

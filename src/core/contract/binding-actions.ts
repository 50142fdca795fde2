import * as z from 'zod/mini';
import {
  BINDING_MESSAGES,
  BINDING_STATES,
  NAME_MAX,
  PHONE_PATTERN,
  REASON_MAX,
  RELATIONS,
} from '../binding/request';
import { idField, positiveIntField, textField } from './fields';
import { unitPlaceSchema, unitViewSchema } from './people';

/** A choice made from a picker: missing, blank or absurdly long all read "please choose". */
const pickedField = (error: string, max: number) =>
  z.string({ error }).check(z.trim(), z.minLength(1, { error }), z.maxLength(max, { error }));

const phoneField = () =>
  z
    .string({ error: BINDING_MESSAGES.phone })
    .check(
      z.trim(),
      z.minLength(1, { error: BINDING_MESSAGES.phone }),
      z.regex(PHONE_PATTERN, { error: BINDING_MESSAGES.phoneInvalid }),
    );

const bindingIdInput = z.object({ bindingId: idField('申请编号') });

const roomGridSchema = z.object({
  floors: z.number(),
  perFloor: z.number(),
  firstFloor: z.optional(z.number()),
  skipFloors: z.optional(z.array(z.number())),
});

/** A community's layout as the pickers need it: names and zones, rooms as a grid or a list. */
export const communityLayoutSchema = z.object({
  id: z.string(),
  name: z.string(),
  buildings: z.array(
    z.object({
      name: z.string(),
      zone: z.string(),
      units: z.array(z.object({ name: z.string(), rooms: z.union([roomGridSchema, z.array(z.string())]) })),
    }),
  ),
});

/** A binding request as its requester and its reviewers see it. */
export const bindingViewSchema = z.object({
  id: z.string(),
  unit: unitPlaceSchema,
  name: z.string(),
  phone: z.string(),
  relation: z.enum(RELATIONS),
  state: z.enum(BINDING_STATES),
  /** Why it was rejected; '' otherwise. */
  reason: z.string(),
  reviewerName: z.nullable(z.string()),
  createdAt: z.number(),
  reviewedAt: z.nullable(z.number()),
  version: z.number(),
});

export type CommunityLayoutView = z.infer<typeof communityLayoutSchema>;
export type BindingView = z.infer<typeof bindingViewSchema>;

const requestOut = z.object({ request: bindingViewSchema });

/**
 * Unit binding (房屋绑定) actions: an owner or tenant asks to bind a unit; the front desk or the
 * zone's housekeeper reviews. Served by the `binding` cloud function.
 */
export const BINDING_ACTIONS = {
  /** The community layouts the owner picks building → unit → room from. */
  'binding.layout': {
    input: z.object({}),
    output: z.object({ communities: z.array(communityLayoutSchema) }),
  },
  /** Ask to bind the caller's WeChat to a unit; the caller is always the platform's openid. */
  'binding.request': {
    input: z.object({
      communityId: z
        .string({ error: BINDING_MESSAGES.community })
        .check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: BINDING_MESSAGES.community })),
      building: pickedField(BINDING_MESSAGES.building, 20),
      unit: pickedField(BINDING_MESSAGES.unit, 20),
      room: pickedField(BINDING_MESSAGES.room, 16),
      name: textField('姓名', NAME_MAX, 1),
      phone: phoneField(),
      relation: z.enum(RELATIONS, { error: BINDING_MESSAGES.relation }),
    }),
    output: requestOut,
  },
  /** The caller's bound units and their requests (newest first), rejected ones with the reason. */
  'binding.mine': {
    input: z.object({}),
    output: z.object({ units: z.array(unitViewSchema), requests: z.array(bindingViewSchema) }),
  },
  /** Withdraw one's own pending request. */
  'binding.cancel': {
    input: bindingIdInput,
    output: requestOut,
  },
  /** Staff: the pending requests of the zones they may review, oldest first. */
  'binding.pending': {
    input: z.object({}),
    output: z.object({ requests: z.array(bindingViewSchema) }),
  },
  /**
   * Staff: approve (the unit is added to the requester's units) or reject with a reason. With
   * `version`, the decision applies only to the request as the reviewer saw it.
   */
  'binding.review': {
    input: z
      .extend(bindingIdInput, {
        approve: z.boolean({ error: '请选择通过或驳回' }),
        reason: z._default(textField('驳回原因', REASON_MAX), ''),
        version: z.optional(positiveIntField('申请版本不正确')),
      })
      .check(z.refine((i) => i.approve || i.reason.length > 0, { error: BINDING_MESSAGES.reason, path: ['reason'] })),
    output: requestOut,
  },
} as const;

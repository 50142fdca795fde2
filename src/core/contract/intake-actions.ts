import * as z from 'zod/mini';
import { DESK_CHANNELS } from '../tickets/channel';
import { idField } from './fields';
import { cardRequestInput, complaintRequestInput, repairRequestInput } from './submit-inputs';
import { ticketOut } from './views';

/** Who the owner is and how they reached us, for a request the desk registers (代客登记). */
const onBehalf = {
  residentId: idField('业主'),
  channel: z.enum(DESK_CHANNELS, { error: '请选择受理方式：电话或到访' }),
};

/**
 * 代客登记, served by the `intake` cloud function (names.ts): the same request the owner could
 * send, registered by the front desk for an owner who phoned or walked in (the desk's other
 * actions are in ./desk-actions).
 */
export const INTAKE_ACTIONS = {
  'desk.submitRepair': { input: z.extend(repairRequestInput(), onBehalf), output: ticketOut },
  'desk.submitComplaint': { input: z.extend(complaintRequestInput(), onBehalf), output: ticketOut },
  'desk.submitCard': { input: z.extend(cardRequestInput(), onBehalf), output: ticketOut },
} as const;

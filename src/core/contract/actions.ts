import type * as z from 'zod/mini';
import { ADMIN_ACTIONS } from './admin-actions';
import { BINDING_ACTIONS } from './binding-actions';
import { CALLBACK_ACTIONS } from './callback-actions';
import { CARD_ACTIONS } from './card-actions';
import { COMPLAINT_ACTIONS } from './complaint-actions';
import { DESK_ACTIONS } from './desk-actions';
import { DUTY_ACTIONS } from './duty-actions';
import { INTAKE_ACTIONS } from './intake-actions';
import { KPI_ACTIONS } from './kpi-actions';
import { functionOf } from './names';
import { REPAIR_ACTIONS } from './repair-actions';
import { SESSION_ACTIONS } from './session-actions';
import { SUBSCRIPTION_ACTIONS } from './subscription-actions';
import { TASK_ACTIONS } from './task-actions';
import { TASKMORE_ACTIONS } from './taskmore-actions';
import { TICKET_ACTIONS } from './ticket-actions';

export { QUOTE_MAX_FEN } from './task-actions';
export { NOTE_MAX_CHARS } from './taskmore-actions';

/**
 * Every action of the product: name `area.verb` → input and output schema. The area is the
 * cloud function that serves it, except the actions names.ts gives to a second function of a big
 * area (`intake`, `taskmore`); client and server share these types.
 *
 * Each function's actions are a table of their own (`<function>-actions.ts`), and a function is
 * created with its table only (`createFunction(TASK_ACTIONS, taskHandlers, …)`), so it bundles
 * the schemas and views of its own actions. This union is for the client's typed RPC and the
 * tests: no cloud function imports it.
 */
export const ACTIONS = {
  ...SESSION_ACTIONS,
  ...REPAIR_ACTIONS,
  ...COMPLAINT_ACTIONS,
  ...CARD_ACTIONS,
  ...TICKET_ACTIONS,
  ...TASK_ACTIONS,
  ...TASKMORE_ACTIONS,
  ...CALLBACK_ACTIONS,
  ...SUBSCRIPTION_ACTIONS,
  ...BINDING_ACTIONS,
  ...DESK_ACTIONS,
  ...INTAKE_ACTIONS,
  ...DUTY_ACTIONS,
  ...KPI_ACTIONS,
  ...ADMIN_ACTIONS,
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionInput<A extends ActionName> = z.input<(typeof ACTIONS)[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['output']>;
/** The table of some actions, as a function's table (`TASK_ACTIONS`) is. */
export type ActionsOf<A extends ActionName> = Pick<typeof ACTIONS, A>;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export { functionOf } from './names';

export const actionsOf = (fn: string): ActionName[] => ACTION_NAMES.filter((a) => functionOf(a) === fn);

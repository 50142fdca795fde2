import { adminHandlers } from './admin';
import { bindingHandlers } from './binding';
import { callbackHandlers } from './callback';
import { deskHandlers } from './desk';
import { digestOnTimer } from './digest';
import { dutyHandlers } from './duty';
import { intakeHandlers } from './intake';
import { kpiHandlers } from './kpi';
import { reportOnTimer } from './report';
import { cardHandlers } from './card';
import { complaintHandlers } from './complaint';
import { repairHandlers } from './repair';
import { sessionHandlers } from './session';
import { subscriptionHandlers } from './subscription';
import { sweepOnTimer } from './sweep';
import { taskHandlers } from './task';
import { taskMoreHandlers } from './taskmore';
import { ticketHandlers } from './ticket';

/** Every cloud function's handlers, by function name (the action area, or contract/names.ts's OTHER_FUNCTIONS). */
export const FUNCTION_HANDLERS = {
  session: sessionHandlers,
  repair: repairHandlers,
  ticket: ticketHandlers,
  task: taskHandlers,
  taskmore: taskMoreHandlers,
  callback: callbackHandlers,
  subscription: subscriptionHandlers,
  binding: bindingHandlers,
  complaint: complaintHandlers,
  card: cardHandlers,
  desk: deskHandlers,
  intake: intakeHandlers,
  duty: dutyHandlers,
  kpi: kpiHandlers,
  admin: adminHandlers,
} as const;

export type FunctionName = keyof typeof FUNCTION_HANDLERS;

/**
 * Functions a timer calls instead of a user (no actions, no caller): their triggers are in
 * ../triggers.ts, their entries use createTimerFunction.
 */
export const TIMER_HANDLERS = {
  sweep: sweepOnTimer,
  digest: digestOnTimer,
  report: reportOnTimer,
} as const;

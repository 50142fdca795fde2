import { TASKMORE_ACTIONS } from '../../src/core/contract/taskmore-actions';
import { createFunction } from '../../src/server/function';
import { taskMoreHandlers } from '../../src/server/handlers/taskmore';
import { calendar, photoLinks, piiAccess, push, staff, tickets, wire } from '../../src/server/deps';

/** Cloud function `taskmore`: serves the less frequent `task.*` steps (协办, 转介, 备注, 改约, 时限, 改派, 转派). */
export const main = createFunction(TASKMORE_ACTIONS, taskMoreHandlers, wire({ tickets, staff, push, photoLinks, piiAccess, calendar }));

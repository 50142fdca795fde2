import { TASK_ACTIONS } from '../../src/core/contract/task-actions';
import { createFunction } from '../../src/server/function';
import { taskHandlers } from '../../src/server/handlers/task';
import { calendar, photoLinks, piiAccess, push, staff, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `task`: serves the everyday `task.*` steps (the others are `taskmore`'s). */
export const main = createFunction(TASK_ACTIONS, taskHandlers, wire({ tickets, ticketQueries, staff, push, photoLinks, piiAccess, calendar }));

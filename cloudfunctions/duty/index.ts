import { DUTY_ACTIONS } from '../../src/core/contract/duty-actions';
import { createFunction } from '../../src/server/function';
import { dutyHandlers } from '../../src/server/handlers/duty';
import { calendar, handovers, staff, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `duty`: serves the `duty.*` actions (在岗与负荷, 改派/转派 candidates, 交接班). */
export const main = createFunction(DUTY_ACTIONS, dutyHandlers, wire({ tickets, ticketQueries, staff, handovers, calendar }));

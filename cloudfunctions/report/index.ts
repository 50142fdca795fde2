import { reportOnTimer } from '../../src/server/handlers/report';
import { createTimerFunction } from '../../src/server/timer-function';
import { calendar, kpi, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `report`: run by its timer on the 1st of each month, never by a user. */
export const main = createTimerFunction(reportOnTimer, wire({ tickets, ticketQueries, kpi, calendar }));

import { sweepOnTimer } from '../../src/server/handlers/sweep';
import { createTimerFunction } from '../../src/server/timer-function';
import { calendar, calendarEdits, push, staff, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `sweep`: run by its timer trigger every minute, never by a user. */
export const main = createTimerFunction(sweepOnTimer, wire({ tickets, ticketQueries, staff, push, calendar, calendarEdits }));

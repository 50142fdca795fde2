import { digestOnTimer } from '../../src/server/handlers/digest';
import { createTimerFunction } from '../../src/server/timer-function';
import { calendar, push, staff, ticketQueries, wire } from '../../src/server/deps';

/** Cloud function `digest`: run by its timer trigger each morning, never by a user. */
export const main = createTimerFunction(digestOnTimer, wire({ ticketQueries, staff, push, calendar }));

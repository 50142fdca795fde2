import { reportOnTimer } from '../../src/server/handlers/report';
import { createTimerFunction } from '../../src/server/timer-function';

/** Cloud function `report`: run by its timer on the 1st of each month, never by a user. */
export const main = createTimerFunction(reportOnTimer);

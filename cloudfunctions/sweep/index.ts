import { sweepOnTimer } from '../../src/server/handlers/sweep';
import { createTimerFunction } from '../../src/server/timer-function';

/** Cloud function `sweep`: run by its timer trigger every minute, never by a user. */
export const main = createTimerFunction(sweepOnTimer);

import { digestOnTimer } from '../../src/server/handlers/digest';
import { createTimerFunction } from '../../src/server/timer-function';

/** Cloud function `digest`: run by its timer trigger each morning, never by a user. */
export const main = createTimerFunction(digestOnTimer);

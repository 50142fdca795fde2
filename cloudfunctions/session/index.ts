import { createFunction } from '../../src/server/function';
import { sessionHandlers } from '../../src/server/handlers/session';

/** Cloud function `session`: serves the `session.*` actions. */
export const main = createFunction(sessionHandlers);

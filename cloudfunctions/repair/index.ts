import { createFunction } from '../../src/server/function';
import { repairHandlers } from '../../src/server/handlers/repair';

/** Cloud function `repair`: serves the `repair.*` actions. */
export const main = createFunction(repairHandlers);

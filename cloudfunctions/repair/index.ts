import { REPAIR_ACTIONS } from '../../src/core/contract/repair-actions';
import { createFunction } from '../../src/server/function';
import { repairHandlers } from '../../src/server/handlers/repair';

/** Cloud function `repair`: serves the `repair.*` actions. */
export const main = createFunction(REPAIR_ACTIONS, repairHandlers);

import { DESK_ACTIONS } from '../../src/core/contract/desk-actions';
import { createFunction } from '../../src/server/function';
import { deskHandlers } from '../../src/server/handlers/desk';

/** Cloud function `desk`: serves the `desk.*` actions (代客登记, 回访, 受理登记). */
export const main = createFunction(DESK_ACTIONS, deskHandlers);

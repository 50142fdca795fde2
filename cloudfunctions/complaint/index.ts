import { COMPLAINT_ACTIONS } from '../../src/core/contract/complaint-actions';
import { createFunction } from '../../src/server/function';
import { complaintHandlers } from '../../src/server/handlers/complaint';

/** Cloud function `complaint`: serves the `complaint.*` actions. */
export const main = createFunction(COMPLAINT_ACTIONS, complaintHandlers);

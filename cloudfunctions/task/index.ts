import { TASK_ACTIONS } from '../../src/core/contract/task-actions';
import { createFunction } from '../../src/server/function';
import { taskHandlers } from '../../src/server/handlers/task';

/** Cloud function `task`: serves the `task.*` actions. */
export const main = createFunction(TASK_ACTIONS, taskHandlers);

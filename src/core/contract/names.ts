/**
 * Actions served by a cloud function other than their area's, by function. A function that steps
 * tickets bundles the ticket core (workflow, clocks, views, delivery: ~90 KB), so an area whose
 * actions add more than a budget's remainder to it is served by more than one function
 * (docs/architecture.md, 'Deploying and cold start'). The action names stay as they are.
 * - `intake`: the front desk's 代客登记 (`desk` keeps finding owners, the callback queue and the
 *   day's register, which step no ticket);
 * - `callback`: the desk's phone callback, the same step as the owner's own rating it serves;
 * - `taskmore`: the less frequent steps on a task (`task` keeps the list and the everyday steps).
 * Each function's table is in ./<function>-actions.ts.
 */
export const OTHER_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  intake: ['desk.submitRepair', 'desk.submitComplaint', 'desk.submitCard'],
  callback: ['desk.recordCallback', 'desk.callbackAttempt'],
  taskmore: [
    'task.subtask',
    'task.refer',
    'task.note',
    'task.reschedule',
    'task.classify',
    'task.defer',
    'task.progress',
    'task.reassign',
    'task.transfer',
  ],
};

const servedBy: Record<string, string> = {};
for (const fn of Object.keys(OTHER_FUNCTIONS)) for (const action of OTHER_FUNCTIONS[fn]) servedBy[action] = fn;

/**
 * The cloud function serving an action: its area (`repair.submit` → `repair`), unless
 * OTHER_FUNCTIONS names another. Kept apart from the schemas so the mini-program can use it
 * without bundling zod.
 */
export const functionOf = (action: string): string =>
  Object.prototype.hasOwnProperty.call(servedBy, action) ? servedBy[action] : action.slice(0, action.indexOf('.'));

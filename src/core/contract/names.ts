/**
 * The cloud function serving an action is its area: `repair.submit` → `repair`.
 * Kept apart from the schemas so the mini-program can use it without bundling zod.
 */
export const functionOf = (action: string): string => action.slice(0, action.indexOf('.'));

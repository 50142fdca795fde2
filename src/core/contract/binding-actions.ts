/**
 * Unit binding (房屋绑定) actions: an owner or tenant asks to bind a unit; the front desk or the
 * zone's housekeeper reviews. Served by the `binding` cloud function.
 */
export const BINDING_ACTIONS = {} as const;

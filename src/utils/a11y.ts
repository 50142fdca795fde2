/**
 * Accessibility attributes for a tappable View. The mini-program reads `aria-role` /
 * `aria-label` (ariaRole / ariaLabel props); browsers (H5) read `role` and `aria-*`.
 * Returned as a plain object to spread, since View's typings know only the mini-program names.
 */
export const a11y = (
  role: string,
  label?: string,
  state: Record<string, boolean> = {},
): object => {
  const attrs: Record<string, string | boolean> = { ariaRole: role, role };
  if (label) {
    attrs.ariaLabel = label;
    attrs['aria-label'] = label;
  }
  for (const [name, value] of Object.entries(state)) attrs[`aria-${name}`] = String(value);
  return attrs;
};

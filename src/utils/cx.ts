/** Joins class names, skipping empty ones: `cx('a', ok && 'b')`. */
export const cx = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(' ');

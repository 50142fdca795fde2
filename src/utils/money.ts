/** Money travels in fen (分, integers); only the display turns it into yuan. */

/** `3000` → `30.00`. */
export const fenToYuan = (fen: number): string => {
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** Yuan as said in a sentence: `5000` → `50`, `5050` → `50.50` (金额 …元). */
export const yuanText = (fen: number): string => (Math.round(fen) % 100 === 0 ? String(Math.round(fen) / 100) : fenToYuan(fen));

/** `¥30.00`. */
export const formatYuan = (fen: number): string => `¥${fenToYuan(fen)}`;

const YUAN_PATTERN = /^(\d{1,6})(?:\.(\d{1,2}))?$/;

/**
 * A price typed in yuan (`30`, `30.5`, `30.05`) → fen, without floating point.
 * Returns null when the text is not a non-negative amount with at most two decimals.
 */
export const yuanToFen = (text: string): number | null => {
  const m = YUAN_PATTERN.exec(text.trim());
  if (!m) return null;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(cents);
};

/** Sum of price × quantity, rounded to whole fen. */
export const totalFen = (items: readonly { priceFen: number; quantity: number }[]): number =>
  Math.round(items.reduce((sum, i) => sum + i.priceFen * i.quantity, 0));

import { yuanToFen } from './money';

/** One row of the quote form as typed: every field is still text. */
export interface QuoteRowDraft {
  name: string;
  price: string;
  quantity: string;
}

export interface QuoteItemInput {
  name: string;
  priceFen: number;
  quantity: number;
}

export type QuoteParse = { ok: true; items: QuoteItemInput[] } | { ok: false; error: string };

export const emptyQuoteRow = (): QuoteRowDraft => ({ name: '', price: '', quantity: '1' });

const QUANTITY_PATTERN = /^\d{1,4}(?:\.\d{1,2})?$/;

/**
 * Turns the typed rows into quote items (prices in fen). Fully blank rows are ignored;
 * a half-filled row is an error, and so is a quote without any item.
 */
export const parseQuoteRows = (rows: readonly QuoteRowDraft[]): QuoteParse => {
  const filled = rows.filter((r) => r.name.trim() || r.price.trim());
  if (filled.length === 0) return { ok: false, error: '请至少填写一项收费项目' };
  const items: QuoteItemInput[] = [];
  for (const [i, row] of filled.entries()) {
    const n = i + 1;
    const name = row.name.trim();
    if (!name) return { ok: false, error: `第${n}项：请填写收费项目名称` };
    if (name.length > 30) return { ok: false, error: `第${n}项：项目名称最多30个字` };
    const priceFen = yuanToFen(row.price);
    if (priceFen === null) return { ok: false, error: `第${n}项：请填写正确的单价（元，最多两位小数）` };
    const qtyText = row.quantity.trim() || '1';
    const quantity = QUANTITY_PATTERN.test(qtyText) ? Number(qtyText) : NaN;
    if (!(quantity > 0) || quantity > 1000) return { ok: false, error: `第${n}项：请填写正确的数量` };
    items.push({ name, priceFen, quantity });
  }
  return { ok: true, items };
};

import { fenToYuan, formatYuan, totalFen, yuanToFen } from '@/utils/money'
import { parseQuoteRows } from '@/utils/quote'

describe('money in fen, shown in yuan', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(fenToYuan(3000)).toBe('30.00')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(123456)).toBe('1234.56')
    expect(formatYuan(0)).toBe('¥0.00')
  })

  it('reads typed yuan into fen without floating-point error', () => {
    expect(yuanToFen('30')).toBe(3000)
    expect(yuanToFen('30.5')).toBe(3050)
    expect(yuanToFen('0.07')).toBe(7)
    expect(yuanToFen(' 19.99 ')).toBe(1999)
    // 1.1 * 100 is 110.00000000000001 in floating point
    expect(yuanToFen('1.1')).toBe(110)
  })

  it('rejects what is not an amount', () => {
    for (const bad of ['', '-1', 'abc', '1.234', '1,5', '.5']) expect(yuanToFen(bad)).toBeNull()
  })

  it('totals price × quantity', () => {
    expect(totalFen([{ priceFen: 3000, quantity: 2 }, { priceFen: 1999, quantity: 1 }])).toBe(7999)
  })
})

describe('quote rows', () => {
  it('refuses a quote without items', () => {
    expect(parseQuoteRows([{ name: '', price: '', quantity: '1' }])).toEqual({ ok: false, error: '请至少填写一项收费项目' })
  })

  it('refuses a row without a valid price or quantity', () => {
    expect(parseQuoteRows([{ name: '换锁', price: 'x', quantity: '1' }]).ok).toBe(false)
    expect(parseQuoteRows([{ name: '换锁', price: '50', quantity: '0' }]).ok).toBe(false)
    expect(parseQuoteRows([{ name: '', price: '50', quantity: '1' }]).ok).toBe(false)
  })

  it('keeps filled rows, skips blank ones, converts to fen', () => {
    expect(
      parseQuoteRows([
        { name: '更换水龙头', price: '30.5', quantity: '2' },
        { name: '', price: '', quantity: '1' },
      ]),
    ).toEqual({ ok: true, items: [{ name: '更换水龙头', priceFen: 3050, quantity: 2 }] })
  })
})

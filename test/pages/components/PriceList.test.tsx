import { render } from '@testing-library/react'
import { REPAIR_CATEGORIES } from '@/core/catalog/categories'
import PriceList from '@/components/PriceList'

describe('PriceList', () => {
  it('shows each item with its price in yuan (2 decimals) per unit', () => {
    const { container } = render(
      <PriceList
        items={[
          { name: '下水道疏通', priceFen: 8000, unit: '次' },
          { name: '小配件', priceFen: 1205, unit: '个' },
        ]}
      />,
    )
    const rows = Array.from(container.querySelectorAll('.price-list__row'))
    expect(rows.map((r) => r.querySelector('.price-list__name')?.textContent)).toEqual(['下水道疏通', '小配件'])
    expect(rows.map((r) => r.querySelector('.price-list__price')?.textContent)).toEqual(['¥80.00/次', '¥12.05/个'])
  })

  it('renders a catalogue price list and its note', () => {
    const plumbing = REPAIR_CATEGORIES[0]
    const { container } = render(<PriceList items={plumbing.priceList} note='师傅上门报价，确认后施工' />)
    expect(container.querySelectorAll('.price-list__row')).toHaveLength(plumbing.priceList.length)
    expect(container.querySelector('.price-list__note')?.textContent).toBe('师傅上门报价，确认后施工')
  })
})

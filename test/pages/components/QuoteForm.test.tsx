import { fireEvent, render, screen } from '@testing-library/react'
import QuoteForm from '@/components/QuoteForm'
import { $, typeInto } from '../helpers'

const setup = () => {
  const onSubmit = jest.fn()
  const utils = render(<QuoteForm busy={false} onSubmit={onSubmit} />)
  return { onSubmit, ...utils }
}

const fillRow = (row: Element, name: string, price: string, quantity?: string) => {
  typeInto($(row, '.quote-form__name'), name)
  typeInto($(row, '.quote-form__price'), price)
  if (quantity !== undefined) typeInto($(row, '.quote-form__quantity'), quantity)
}

const rows = (container: HTMLElement) => Array.from(container.querySelectorAll('.quote-form__row'))

describe('QuoteForm', () => {
  it('rejects an empty quote and says why', () => {
    const { onSubmit, container } = setup()
    fireEvent.click(screen.getByText('提交报价'))
    expect(onSubmit).not.toHaveBeenCalled()
    expect($(container, '.error-notice').textContent).toBe('请至少填写一项收费项目')
  })

  it('sends prices typed in yuan as integer fen, with quantities and the note', () => {
    const { onSubmit, container } = setup()
    fillRow(rows(container)[0], '更换水龙头', '30.5', '2')
    fireEvent.click(screen.getByText('+ 添加收费项目'))
    fillRow(rows(container)[1], '材料费', '19.99')
    typeInto($(container, '.field-textarea__input'), ' 含水龙头一个 ')

    expect($(container, '.quote-form__total-value').textContent).toBe('¥80.99')
    fireEvent.click(screen.getByText('提交报价'))

    expect(onSubmit).toHaveBeenCalledWith(
      [
        { name: '更换水龙头', priceFen: 3050, quantity: 2 },
        { name: '材料费', priceFen: 1999, quantity: 1 },
      ],
      '含水龙头一个',
    )
    for (const item of onSubmit.mock.calls[0][0]) expect(Number.isInteger(item.priceFen)).toBe(true)
  })

  it('rejects a price that is not an amount in yuan', () => {
    const { onSubmit, container } = setup()
    fillRow(rows(container)[0], '换锁', '50.123')
    fireEvent.click(screen.getByText('提交报价'))
    expect(onSubmit).not.toHaveBeenCalled()
    expect($(container, '.error-notice').textContent).toContain('单价')
  })

  it('removes a row', () => {
    const { onSubmit, container } = setup()
    fireEvent.click(screen.getByText('+ 添加收费项目'))
    fillRow(rows(container)[0], '作废项', '1')
    fillRow(rows(container)[1], '下水道疏通', '80')
    fireEvent.click(rows(container)[0].querySelector('.quote-form__remove')!)
    expect(rows(container)).toHaveLength(1)
    fireEvent.click(screen.getByText('提交报价'))
    expect(onSubmit).toHaveBeenCalledWith([{ name: '下水道疏通', priceFen: 8000, quantity: 1 }], '')
  })
})

import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import Tabs from '@/components/Tabs'

const ITEMS = [
  { value: 'todo', label: '待接单' },
  { value: 'active', label: '进行中' },
  { value: 'done', label: '已完成' },
] as const

function Harness() {
  const [tab, setTab] = useState<'todo' | 'active' | 'done'>('todo')
  return <Tabs items={ITEMS} value={tab} onChange={setTab} />
}

const selected = () =>
  screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.textContent)

describe('Tabs', () => {
  it('marks exactly the chosen tab, whatever the tab values are called', () => {
    const { container } = render(<Harness />)
    expect(selected()).toEqual(['待接单'])
    expect(Array.from(container.querySelectorAll('.tabs__item--selected')).map((t) => t.textContent)).toEqual(['待接单'])

    fireEvent.click(screen.getByText('进行中'))
    expect(selected()).toEqual(['进行中'])
    expect(Array.from(container.querySelectorAll('.tabs__item--selected')).map((t) => t.textContent)).toEqual(['进行中'])
  })
})

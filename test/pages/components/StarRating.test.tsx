import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import StarRating from '@/components/StarRating'

function Controlled({ onValue }: { onValue: (v: number) => void }) {
  const [value, setValue] = useState(0)
  return (
    <StarRating
      label='处理结果满意度'
      value={value}
      onChange={(v) => {
        setValue(v)
        onValue(v)
      }}
    />
  )
}

const litStars = (container: HTMLElement) => container.querySelectorAll('.star-rating__star--on').length

describe('StarRating', () => {
  it('offers five stars as accessible radio buttons in a labelled group', () => {
    render(<StarRating label='服务态度满意度' value={0} onChange={() => undefined} />)
    expect(screen.getByRole('radiogroup', { name: '服务态度满意度' })).toBeTruthy()
    const stars = screen.getAllByRole('radio')
    expect(stars.map((s) => s.getAttribute('aria-label'))).toEqual([1, 2, 3, 4, 5].map((n) => `服务态度满意度 ${n}星`))
    expect(stars.every((s) => s.getAttribute('aria-checked') === 'false')).toBe(true)
  })

  it('sets the score to the tapped star and lights the stars up to it', () => {
    const values: number[] = []
    const { container } = render(<Controlled onValue={(v) => values.push(v)} />)

    fireEvent.click(screen.getByRole('radio', { name: '处理结果满意度 4星' }))
    expect(values).toEqual([4])
    expect(litStars(container)).toBe(4)
    expect(screen.getByRole('radio', { name: '处理结果满意度 4星' }).getAttribute('aria-checked')).toBe('true')
    expect(container.textContent).toContain('满意')

    fireEvent.click(screen.getByRole('radio', { name: '处理结果满意度 2星' }))
    expect(values).toEqual([4, 2])
    expect(litStars(container)).toBe(2)
    expect(container.textContent).toContain('不满意')
  })

  it('is read-only without onChange', () => {
    const { container } = render(<StarRating label='服务态度满意度' value={3} />)
    fireEvent.click(screen.getByRole('radio', { name: '服务态度满意度 5星' }))
    expect(litStars(container)).toBe(3)
    expect(screen.getAllByRole('radio').every((s) => s.getAttribute('aria-disabled') === 'true')).toBe(true)
  })
})

import { render } from '@testing-library/react'
import { STATE_LABELS, TICKET_STATES, type TicketState } from '@/core/tickets/states'
import StateBadge, { STATE_TONES } from '@/components/StateBadge'

const toneOf = (state: TicketState) => {
  const { container } = render(<StateBadge state={state} label={STATE_LABELS[state]} />)
  const badge = container.querySelector('.state-badge')!
  return { text: badge.textContent, className: badge.className }
}

describe('StateBadge', () => {
  it.each([
    ['submitted', 'waiting', '待派单'],
    ['awaiting_confirmation', 'waiting', '待确认报价'],
    ['accepted', 'working', '已接单'],
    ['in_progress', 'working', '维修中'],
    ['closed', 'done', '已完成'],
    ['cancelled', 'cancelled', '已取消'],
    ['reopened', 'reopened', '返修中'],
  ] as const)('%s shows %s colour with its label', (state, tone, label) => {
    const { text, className } = toneOf(state)
    expect(text).toBe(label)
    expect(className).toContain(`state-badge--${tone}`)
  })

  it('gives every state exactly one colour', () => {
    for (const state of TICKET_STATES) {
      const { className } = toneOf(state)
      expect(className.match(/state-badge--\w+/g)).toEqual([`state-badge--${STATE_TONES[state]}`])
    }
  })

  it('keeps an extra class for page selectors', () => {
    const { container } = render(<StateBadge state='closed' label='已完成' className='ticket-state' />)
    expect(container.querySelector('.ticket-state.state-badge--done')).not.toBeNull()
  })
})

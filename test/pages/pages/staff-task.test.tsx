import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { answer, inputsOf, mockedCall } from '../rpc-mock'
import { ticket } from '../fixtures'
import { $, typeInto } from '../helpers'
import { setRouterParams } from '../taro-page'
import { RpcError } from '@/services/rpc'
import StaffTaskPage from '@/staff/task/index'

const STEP_TEXTS = ['接单', '到场签到', '开始维修', '报价', '完工返单', '转介外部服务']
const shownSteps = () => STEP_TEXTS.filter((t) => screen.queryByText(t, { selector: '.app-button__text' }))

describe('staff task page', () => {
  beforeEach(() => {
    mockedCall.mockReset()
    setRouterParams({ id: 't1' })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('offers exactly the allowed steps and moves on with the returned ticket', async () => {
    answer({
      'ticket.get': { ticket: ticket({ actions: ['accept'] }) },
      'task.accept': { ticket: ticket({ state: 'accepted', stateLabel: '已接单', actions: ['arrive', 'refer'] }) },
    })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('接单', { selector: '.app-button__text' })
    expect(shownSteps()).toEqual(['接单'])
    fireEvent.click(screen.getByText('接单'))

    await waitFor(() => expect(container.querySelector('.ticket-state')?.textContent).toBe('已接单'))
    expect(inputsOf('task.accept')).toEqual([{ ticketId: 't1' }])
    expect(shownSteps()).toEqual(['到场签到', '转介外部服务'])
  })

  it('says the task was taken by a colleague and reloads', async () => {
    answer({
      'ticket.get': { ticket: ticket({ actions: ['accept'] }) },
      'task.accept': () => {
        throw new RpcError('TICKET.ALREADY_TAKEN', '该任务已被其他同事接单')
      },
    })
    const { container } = render(<StaffTaskPage />)

    fireEvent.click(await screen.findByText('接单'))
    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('该任务已被其他同事接单'))
    expect(inputsOf('ticket.get')).toHaveLength(2)
  })

  it('sends a quote in fen from the inline form', async () => {
    answer({
      'ticket.get': { ticket: ticket({ state: 'on_site', stateLabel: '师傅已到场', actions: ['start', 'quote', 'refer'] }) },
      'task.quote': { ticket: ticket({ state: 'awaiting_confirmation', stateLabel: '待确认报价', actions: [] }) },
    })
    const { container } = render(<StaffTaskPage />)

    fireEvent.click(await screen.findByText('报价'))
    typeInto($(container, '.quote-form__name'), '门锁更换')
    typeInto($(container, '.quote-form__price'), '50')
    fireEvent.click(screen.getByText('提交报价'))

    await waitFor(() => expect(container.querySelector('.ticket-state')?.textContent).toBe('待确认报价'))
    expect(inputsOf('task.quote')).toEqual([{ ticketId: 't1', items: [{ name: '门锁更换', priceFen: 5000, quantity: 1 }], note: '' }])
  })

  it('shows the clocks, marking a breached one 已超时 and a stopped one 已完成', async () => {
    const due = Date.UTC(2025, 10, 22, 1, 15)
    answer({
      'ticket.get': {
        ticket: ticket({
          deadlines: [
            { clock: 'dispatch', label: '派单时限', dueAt: due, stoppedAt: due - 60_000, breached: false },
            { clock: 'onSite', label: '到场时限', dueAt: due, stoppedAt: null, breached: true },
          ],
        }),
      },
    })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('服务时限')
    const rows = Array.from(container.querySelectorAll('.deadline-item')).map((r) => r.textContent)
    expect(rows).toEqual(['派单时限11-22 09:15 前已完成', '到场时限11-22 09:15 前已超时'])
    expect(container.querySelector('.deadline-item__status--late')?.textContent).toBe('已超时')
  })
})

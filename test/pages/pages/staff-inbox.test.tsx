import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { answer, inputsOf, mockedCall } from '../rpc-mock'
import { technician, ticket, whoami } from '../fixtures'
import StaffInboxPage from '@/staff/inbox/index'

describe('staff inbox (staff/inbox/index)', () => {
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    mockedCall.mockReset()
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('lists the tab\'s tasks and opens one', async () => {
    answer({
      'session.whoami': whoami(technician),
      'task.list': (input) =>
        (input as { tab: string }).tab === 'todo'
          ? { tasks: [ticket({ id: 'a', urgent: true })], credits: { task_assigned: 2 } }
          : { tasks: [], credits: { task_assigned: 2 } },
    })
    const { container } = render(<StaffInboxPage />)

    await waitFor(() => expect(container.querySelectorAll('.task-card')).toHaveLength(1))
    expect(container.querySelector('.task-card')?.textContent).toContain('急修')
    fireEvent.click(container.querySelector('.task-card')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/staff/task/index?id=a' })

    fireEvent.click(screen.getByText('进行中'))
    expect(await screen.findByText('暂无进行中的任务')).toBeTruthy()
    expect(container.querySelectorAll('.task-card')).toHaveLength(0)
    expect(inputsOf('task.list')).toEqual([{ tab: 'todo' }, { tab: 'active' }])
  })

  it('shows the remaining reminders and tops them up', async () => {
    answer({
      'session.whoami': whoami(technician),
      'task.list': { tasks: [], credits: {} },
      'subscription.grant': { credits: { task_assigned: 1, task_reopened: 1, ticket_cancelled: 1 } },
    })
    render(<StaffInboxPage />)

    expect(await screen.findByText('剩余提醒次数 0')).toBeTruthy()
    fireEvent.click(screen.getByText('开启新任务提醒'))

    expect(await screen.findByText('剩余提醒次数 1')).toBeTruthy()
    expect(inputsOf('subscription.grant')).toEqual([{ accepted: ['task_assigned', 'task_reopened', 'ticket_cancelled'] }])
  })
})

import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import DailyRegisterPage from '@/staff/desk/daily/index'
import { formatDateValue } from '@/utils/time'
import { hideToasts } from '../helpers'
import { FRONT_DESK, LIN_UNIT, startPageStack, stopPageStack, submitRepair, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

describe('受理登记 (staff/desk/daily) on the local stack', () => {
  let s: TestStack
  let phoneId = ''
  beforeAll(async () => {
    s = await startPageStack()
    await submitRepair(s, { description: '业主自己报的修' })
    const { residents } = await s.must(FRONT_DESK)('desk.findByPhone', { phone: '13800000001' })
    const { ticket } = await s.must(FRONT_DESK)('desk.submitRepair', {
      unitId: LIN_UNIT,
      residentId: residents[0].residentId,
      channel: 'phone',
      category: 'plumbing_electric',
      description: '业主来电：阳台水管滴水',
    })
    phoneId = ticket.id
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(FRONT_DESK)
    resetRoute()
    hideToasts()
  })

  const rows = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.register-row'))

  it('shows today’s requests in the order they came in, each with its source, and filters by source', async () => {
    const { container } = render(<DailyRegisterPage />)
    expect(container.querySelector('.daily-date')?.textContent).toBe(formatDateValue(Date.now()))
    await waitFor(() => expect(rows(container)).toHaveLength(2))
    expect(container.querySelector('.daily-count')?.textContent).toBe('当日受理 2 单')
    const [own, phone] = rows(container)
    expect(own.querySelector('.register-row__channel')?.textContent).toBe('微信')
    expect(phone.querySelector('.register-row__channel')?.textContent).toBe('电话')
    expect(phone.textContent).toContain('林先生 13800000001 · 1栋1单元1201')
    expect(phone.textContent).toContain('报修·水电：业主来电：阳台水管滴水')
    expect(phone.textContent).toContain('处理人 王师傅 · 陈前台代客登记')
    expect(phone.querySelector('.register-row__state')?.textContent).toBe('已派单')

    fireEvent.click(screen.getByText('电话', { selector: '.daily-channel .chip__label' }))
    await waitFor(() => expect(container.querySelector('.daily-count')?.textContent).toBe('当日受理 2 单，符合筛选 1 单'))
    expect(rows(container).map((r) => r.querySelector('.register-row__channel')?.textContent)).toEqual(['电话'])

    fireEvent.click(screen.getByText('投诉', { selector: '.daily-kind .chip__label' }))
    expect(await screen.findByText('没有符合条件的受理记录')).toBeTruthy()

    fireEvent.click(screen.getByText('全部类型', { selector: '.daily-kind .chip__label' }))
    await waitFor(() => expect(rows(container)).toHaveLength(1))
    fireEvent.click(rows(container)[0])
    expect(currentRoute()).toBe(`/staff/task/index?id=${phoneId}`)
  })
})

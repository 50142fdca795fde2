/**
 * The reissue fee a company configures (CARD_REISSUE_FEE_YUAN) is the one its owners and its front
 * desk read before submitting, not the standards' default: the functions start with the setting
 * and tell the pages (session.whoami).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import CardNewPage from '@/pages/card/new'
import DeskRegisterPage from '@/staff/desk/register/index'
import { hideToasts } from '../helpers'
import type { TestStack } from '../stack'
import { resetRoute, setRouterParams } from '../taro-page'

describe('a configured reissue fee (CARD_REISSUE_FEE_YUAN=35.5)', () => {
  let s: TestStack
  // The functions read their settings when their modules load, so the stack (which loads them)
  // is imported only once the setting is in the environment.
  let stack: typeof import('../stack')
  beforeAll(async () => {
    process.env.CARD_REISSUE_FEE_YUAN = '35.5'
    stack = await import('../stack')
    s = await stack.startPageStack()
  })
  afterAll(async () => {
    delete process.env.CARD_REISSUE_FEE_YUAN
    await stack.stopPageStack(s)
  })
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setRouterParams({})
    resetRoute()
    hideToasts()
  })

  it('is what the owner’s form says a reissue costs', async () => {
    setDevIdentity(stack.OWNER)
    const { container } = render(<CardNewPage />)
    fireEvent.click(await screen.findByText('补办'))
    expect(container.querySelector('.card-fee-notice')?.textContent).toContain('补办需缴纳成本费 35.50 元')
  })

  it('is what the front desk’s 代客登记 says', async () => {
    setDevIdentity(stack.FRONT_DESK)
    const { container } = render(<DeskRegisterPage />)
    fireEvent.click(await screen.findByText('IC卡'))
    fireEvent.click(await screen.findByText('补办'))
    await waitFor(() => expect(container.textContent).toContain('并在前台缴纳成本费 35.50 元'))
  })
})

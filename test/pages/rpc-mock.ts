// Replaces the RPC client in page tests: no server, each test says what the actions answer.
import { call } from '@/services/rpc'

jest.mock('@/services/rpc', () => {
  class RpcError extends Error {
    code: string
    constructor(code: string, message: string) {
      super(message)
      this.code = code
    }
  }
  return { call: jest.fn(), RpcError }
})

export const mockedCall = call as unknown as jest.Mock

type Reply = ((input: unknown) => unknown) | { [key: string]: unknown }

/** Answers each action with the given reply (a function gets the input). */
export function answer(replies: Record<string, Reply>): void {
  mockedCall.mockImplementation(async (action: string, input: unknown) => {
    if (!(action in replies)) throw new Error(`unexpected action ${action}`)
    const reply = replies[action]
    return typeof reply === 'function' ? (reply as (i: unknown) => unknown)(input) : reply
  })
}

/** The inputs the page sent to one action, in order. */
export const inputsOf = (action: string): unknown[] =>
  mockedCall.mock.calls.filter(([a]) => a === action).map(([, input]) => input)

// The offline queue's rules, as pure functions: one entry per request id, what an attempt
// does to it, which one goes next, and what is read back from storage.
import { afterAttempt, nextToSend, parseQueue, withEntry, withoutEntry, type PendingSubmission } from '@/utils/pending-queue'
import { newRequestId } from '@/utils/request-id'

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/

const entry = (requestId: string, over: Partial<PendingSubmission> = {}): PendingSubmission => ({
  requestId,
  action: 'repair.submit',
  input: { unitId: 'u-1-1-1201', category: 'plumbing_electric', description: '漏水', photos: ['local://photos/a1.jpg'], requestId },
  summary: '水电 · 漏水',
  createdAt: 1_700_000_000_000,
  attempts: 1,
  state: 'waiting',
  lastError: null,
  ...over,
} as PendingSubmission)

describe('request ids', () => {
  it('fit the contract, are at least 16 characters and differ from tap to tap', () => {
    const ids = Array.from({ length: 1000 }, () => newRequestId())
    for (const id of ids) {
      expect(id).toMatch(REQUEST_ID)
      expect(id.length).toBeGreaterThanOrEqual(16)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('are made from the clock and the random source only', () => {
    expect(newRequestId(0, () => 0)).toBe('0000000000000')
    expect(newRequestId(36 ** 8, () => 0.999)).toBe('100000000zzzzzzzzzzzz')
    expect(newRequestId(1_700_000_000_000, () => 0.5)).toMatch(REQUEST_ID)
  })
})

describe('the pending-submissions queue', () => {
  it('holds one entry per request id: saving again replaces it in place', () => {
    let q = withEntry([], entry('aaaaaaaa1'))
    q = withEntry(q, entry('bbbbbbbb2'))
    q = withEntry(q, entry('aaaaaaaa1', { attempts: 3 }))
    expect(q.map((e) => [e.requestId, e.attempts])).toEqual([['aaaaaaaa1', 3], ['bbbbbbbb2', 1]])
    expect(withoutEntry(q, 'aaaaaaaa1').map((e) => e.requestId)).toEqual(['bbbbbbbb2'])
  })

  it('drops a sent entry, keeps one the network stopped, and marks one the server refused', () => {
    const q = [entry('aaaaaaaa1'), entry('bbbbbbbb2'), entry('cccccccc3')]
    const sent = afterAttempt(q, 'aaaaaaaa1', { kind: 'sent', ticketId: 't1' })
    expect(sent.map((e) => e.requestId)).toEqual(['bbbbbbbb2', 'cccccccc3'])

    const offline = afterAttempt(sent, 'bbbbbbbb2', { kind: 'network', code: 'NETWORK', message: '网络不太顺畅，请稍后再试' })
    expect(offline[0]).toMatchObject({ requestId: 'bbbbbbbb2', state: 'waiting', attempts: 2, lastError: '网络不太顺畅，请稍后再试' })
    // Its input (and so its request id and photos) is untouched: the retry is the same request.
    expect(offline[0]!.input).toEqual(entry('bbbbbbbb2').input)

    const refused = afterAttempt(offline, 'cccccccc3', { kind: 'refused', code: 'AUTH.NOT_BOUND', message: '您还没有绑定房屋' })
    expect(refused[1]).toMatchObject({ state: 'refused', lastError: '您还没有绑定房屋', attempts: 2 })
  })

  it('sends the oldest waiting entry first, skips refused ones and those tried this round', () => {
    const q = [entry('aaaaaaaa1', { state: 'refused' }), entry('bbbbbbbb2'), entry('cccccccc3')]
    expect(nextToSend(q, new Set())?.requestId).toBe('bbbbbbbb2')
    expect(nextToSend(q, new Set(['bbbbbbbb2']))?.requestId).toBe('cccccccc3')
    expect(nextToSend(q, new Set(['bbbbbbbb2', 'cccccccc3']))).toBeUndefined()
  })

  it('reads back only well-formed entries whose input carries their own request id', () => {
    const good = entry('aaaaaaaa1')
    const stored = JSON.parse(JSON.stringify([
      good,
      { ...entry('bbbbbbbb2'), input: { ...good.input, requestId: 'other-id-1' } },
      { ...entry('cccccccc3'), action: 'ticket.cancel' },
      { ...entry('dddddddd4'), state: 'sending' },
      null,
      'junk',
    ]))
    expect(parseQueue(stored)).toEqual([good])
    expect(parseQueue('')).toEqual([])
    expect(parseQueue(undefined)).toEqual([])
  })
})

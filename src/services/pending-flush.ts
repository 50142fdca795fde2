import Taro from '@tarojs/taro'
import type { ActionInput } from '@/core/contract/actions'
import type { SendOutcome, SubmissionDraft } from '@/utils/pending-queue'
import { nextToSend } from '@/utils/pending-queue'
import { call, RpcError } from './rpc'
import { listPending, notifyPending, recordAttempt } from './pending-submissions'

/** Sends one submission (the same request id every time); resolves to the new ticket's id. */
export const sendSubmission = (draft: SubmissionDraft): Promise<string> =>
  // The three actions answer alike; the union is narrowed only for the call's typing.
  call(draft.action as 'repair.submit', draft.input as ActionInput<'repair.submit'>).then(({ ticket }) => ticket.id)

/** One try, with the submission's own request id: how it went. */
export const attemptSubmission = (entry: SubmissionDraft): Promise<SendOutcome> =>
  sendSubmission(entry).then(
    (ticketId): SendOutcome => ({ kind: 'sent', ticketId }),
    (e: unknown): SendOutcome => {
      const known = e instanceof RpcError
      const code = known ? e.code : 'SYSTEM.ERROR'
      return { kind: code === 'NETWORK' ? 'network' : 'refused', code, message: known ? e.message : '提交失败，请稍后再试' }
    },
  )

let sendingId: string | null = null
let sentTotal = 0

/** The submission being sent right now, for the list's 正在发送…. */
export const sendingNow = (): string | null => sendingId

/** How many queued submissions this app has sent so far: a list reloads when it grows. */
export const sentSoFar = (): number => sentTotal

async function flushRound(): Promise<number> {
  const tried = new Set<string>()
  let sent = 0
  for (let entry = nextToSend(listPending(), tried); entry; entry = nextToSend(listPending(), tried)) {
    tried.add(entry.requestId)
    sendingId = entry.requestId
    notifyPending()
    const outcome = await attemptSubmission(entry)
    sendingId = null
    recordAttempt(entry.requestId, outcome)
    if (outcome.kind === 'sent') {
      sent += 1
      sentTotal += 1
    }
    // Still no network: the others would fail alike; the next reconnect tries again.
    if (outcome.kind === 'network') break
  }
  return sent
}

let running: Promise<number> | null = null

/**
 * Sends the waiting submissions one at a time. Single flight: a call while a flush runs joins
 * it, so two reconnect events or a double tap never send a submission twice. Resolves to how
 * many were sent.
 */
export function flushPending(): Promise<number> {
  if (!running) {
    running = flushRound().finally(() => {
      running = null
      notifyPending()
    })
    void running.then((sent) => {
      if (sent > 0) void Taro.showToast({ title: '已提交', icon: 'success' })
    })
  }
  return running
}

import type { ActionInput } from '@/core/contract/actions'

/** The owner's new requests that may wait in the queue when the network is down. */
export type PendingAction = 'repair.submit' | 'complaint.submit' | 'card.submit'

/** One submission as the form made it: the action and its input, request id included. */
export type SubmissionDraft = { [A in PendingAction]: { action: A; input: ActionInput<A> & { requestId: string } } }[PendingAction]

/**
 * A submission kept on the phone until it is sent. Its photos are in `input.photos`, already in
 * storage: the photo picker uploads each photo when it is picked, and a form cannot be submitted
 * while one is still uploading.
 */
export type PendingSubmission = SubmissionDraft & {
  requestId: string
  /** What the owner reads in the list: the description, or the card and what to do with it. */
  summary: string
  createdAt: number
  attempts: number
  /** waiting: sent when the network is back; refused: the server said no (message in lastError). */
  state: 'waiting' | 'refused'
  lastError: string | null
}

/** What one attempt to send came to. */
export type SendOutcome = { kind: 'sent'; ticketId: string } | { kind: 'network' | 'refused'; code: string; message: string }

const ACTIONS: readonly string[] = ['repair.submit', 'complaint.submit', 'card.submit']

const isEntry = (x: unknown): x is PendingSubmission => {
  const e = x as PendingSubmission | null
  return (
    !!e &&
    typeof e.requestId === 'string' &&
    ACTIONS.includes(e.action) &&
    typeof e.input === 'object' &&
    e.input?.requestId === e.requestId &&
    (e.state === 'waiting' || e.state === 'refused')
  )
}

/** The queue as stored, leaving out anything unreadable (an older app version, a damaged value). */
export const parseQueue = (raw: unknown): PendingSubmission[] => (Array.isArray(raw) ? raw.filter(isEntry) : [])

/** The queue with `entry` added, or put in place of the one with its request id: never two. */
export const withEntry = (queue: readonly PendingSubmission[], entry: PendingSubmission): PendingSubmission[] => {
  const at = queue.findIndex((e) => e.requestId === entry.requestId)
  return at < 0 ? [...queue, entry] : queue.map((e, i) => (i === at ? entry : e))
}

export const withoutEntry = (queue: readonly PendingSubmission[], requestId: string): PendingSubmission[] =>
  queue.filter((e) => e.requestId !== requestId)

/** The queue after one attempt: sent → gone; network → still waiting; refused → kept, marked. */
export const afterAttempt = (queue: readonly PendingSubmission[], requestId: string, outcome: SendOutcome): PendingSubmission[] => {
  if (outcome.kind === 'sent') return withoutEntry(queue, requestId)
  return queue.map((e) =>
    e.requestId === requestId
      ? { ...e, attempts: e.attempts + 1, lastError: outcome.message, state: outcome.kind === 'refused' ? 'refused' : 'waiting' }
      : e,
  )
}

/** The oldest submission still to send, leaving out those this round already tried. */
export const nextToSend = (queue: readonly PendingSubmission[], tried: ReadonlySet<string>): PendingSubmission | undefined =>
  queue.find((e) => e.state === 'waiting' && !tried.has(e.requestId))

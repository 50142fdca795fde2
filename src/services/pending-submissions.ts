import Taro from '@tarojs/taro'
import { afterAttempt, parseQueue, withEntry, withoutEntry, type PendingSubmission, type SendOutcome } from '@/utils/pending-queue'

/** Versioned: an app that stores a different shape later reads nothing it does not understand. */
const STORAGE_KEY = 'pending-submissions.v1'

type Listener = () => void
const listeners = new Set<Listener>()

/** The submissions waiting on this phone, oldest first. */
export function listPending(): PendingSubmission[] {
  try {
    return parseQueue(Taro.getStorageSync(STORAGE_KEY))
  } catch {
    return []
  }
}

function write(queue: PendingSubmission[]): void {
  Taro.setStorageSync(STORAGE_KEY, queue)
  notifyPending()
}

/** Tells every page that shows the queue to look again (also when only the sending one changed). */
export function notifyPending(): void {
  listeners.forEach((l) => l())
}

/** Called whenever the queue changes; returns the unsubscribe. */
export function subscribePending(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export const savePending = (entry: PendingSubmission): void => write(withEntry(listPending(), entry))

export const removePending = (requestId: string): void => write(withoutEntry(listPending(), requestId))

export const recordAttempt = (requestId: string, outcome: SendOutcome): void => write(afterAttempt(listPending(), requestId, outcome))

/** A refused submission the owner wants to try again as it is (立即重试). */
export const rewaitPending = (requestId: string): void =>
  write(listPending().map((e) => (e.requestId === requestId ? { ...e, state: 'waiting' as const } : e)))

import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionInput } from '@/core/contract/actions'
import type { TemplateRef } from '@/core/contract/views'
import type { TemplateKey } from '@/core/notify/templates'
import { attemptSubmission } from '@/services/pending-flush'
import { savePending } from '@/services/pending-submissions'
import { watchReconnect } from '@/services/reconnect'
import { RpcError } from '@/services/rpc'
import { askSubscription } from '@/services/subscribe'
import type { PendingAction, PendingSubmission } from '@/utils/pending-queue'
import { newRequestId } from '@/utils/request-id'

/** Said when a submission could not be sent and waits on the phone. */
export const SAVED_OFFLINE = '网络不佳，已保存，网络恢复后将自动提交'

/** What a form submits: the action, its input (the request id is added here), and its summary. */
export type NewSubmission = {
  [A in PendingAction]: {
    action: A
    input: ActionInput<A>
    /** For the 待发送 list, should it have to wait. */
    summary: string
  }
}[PendingAction]

export interface SubmitTicket {
  busy: boolean
  /** The page-level error to show above the submit button, if any. */
  error: string | null
  setError: (message: string | null) => void
  /** Shows a message as the page error and as a toast. */
  fail: (message: string) => void
  /**
   * Sends a new request once, however often it is tapped: asks for the templates (inside the
   * tap, as WeChat requires), sends with a request id made for this tap, and opens the new
   * ticket. Without network the submission is kept (same request id) and sent later; the owner
   * is taken to 我的工单, where it waits under 待发送. A refusal the page handles itself (e.g.
   * at a field) is given to `onRefused`; returning true means it was shown there.
   */
  submit: (
    templates: readonly TemplateKey[],
    make: (granted: TemplateKey[]) => NewSubmission,
    onRefused?: (error: RpcError) => boolean,
  ) => Promise<void>
}

/** The submit flow every new-request form shares: 报修, 投诉, IC卡. */
export function useSubmitTicket(templateRefs: readonly TemplateRef[]): SubmitTicket {
  const submitting = useRef(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const fail = (message: string) => {
    setError(message)
    void Taro.showToast({ title: message, icon: 'none' })
  }

  const submit: SubmitTicket['submit'] = async (templates, make, onRefused) => {
    if (submitting.current) return
    submitting.current = true
    setBusy(true)
    setError(null)
    const requestId = newRequestId()
    const granted = await askSubscription(templateRefs, templates)
    const { action, input, summary } = make(granted)
    const entry = {
      action,
      input: { ...input, requestId },
      requestId,
      summary,
      createdAt: Date.now(),
      attempts: 1,
      state: 'waiting',
      lastError: null,
    } as PendingSubmission
    const outcome = await attemptSubmission(entry)
    if (outcome.kind === 'sent') {
      void Taro.redirectTo({ url: `/pages/ticket/detail?id=${encodeURIComponent(outcome.ticketId)}` })
      return
    }
    if (outcome.kind === 'network') {
      savePending({ ...entry, lastError: outcome.message })
      watchReconnect()
      fail(SAVED_OFFLINE)
      void Taro.redirectTo({ url: '/pages/tickets/index' })
      return
    }
    const refusal = new RpcError(outcome.code, outcome.message)
    if (onRefused?.(refusal)) void Taro.showToast({ title: outcome.message, icon: 'none' })
    else fail(outcome.message)
    submitting.current = false
    setBusy(false)
  }

  return { busy, error, setError, fail, submit }
}

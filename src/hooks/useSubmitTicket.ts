import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { TemplateRef } from '@/core/contract/views'
import type { TemplateKey } from '@/core/notify/templates'
import { RpcError } from '@/services/rpc'
import { askSubscription } from '@/services/subscribe'

export interface SubmitTicket {
  busy: boolean
  /** The page-level error to show above the submit button, if any. */
  error: string | null
  setError: (message: string | null) => void
  /** Shows a message as the page error and as a toast. */
  fail: (message: string) => void
  /**
   * Sends a new request once, however often it is tapped: asks for the templates (inside the
   * tap, as WeChat requires), sends, and opens the new ticket. A refusal the page handles itself
   * (e.g. at a field) is given to `onRefused`; returning true means it was shown there.
   */
  submit: (
    templates: readonly TemplateKey[],
    send: (granted: TemplateKey[]) => Promise<{ ticket: { id: string } }>,
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

  const submit: SubmitTicket['submit'] = async (templates, send, onRefused) => {
    if (submitting.current) return
    submitting.current = true
    setBusy(true)
    setError(null)
    try {
      const granted = await askSubscription(templateRefs, templates)
      const { ticket } = await send(granted)
      void Taro.redirectTo({ url: `/pages/ticket/detail?id=${encodeURIComponent(ticket.id)}` })
    } catch (e) {
      const message = e instanceof RpcError ? e.message : '提交失败，请稍后再试'
      if (e instanceof RpcError && onRefused?.(e)) void Taro.showToast({ title: message, icon: 'none' })
      else fail(message)
      submitting.current = false
      setBusy(false)
    }
  }

  return { busy, error, setError, fail, submit }
}

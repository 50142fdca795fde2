// Small helpers for driving Taro's H5 components in jsdom.
import { act, waitFor } from '@testing-library/react'
import { currentRoute } from './taro-page'

/**
 * Taro's Input/Textarea report typing as an `input` event whose `detail.value` holds the text
 * (jsdom does not hydrate the inner <input>, so the event is sent to the web component).
 */
export function typeInto(el: Element, value: string): void {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

/** The element matching `selector`, failing the test when there is none. */
export function $(container: ParentNode, selector: string): Element {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no element matches ${selector}`)
  return el
}

/**
 * The text of the toast Taro's H5 showToast is showing now, or null. The toast is real DOM
 * outside the rendered page; it stays in the document across tests, see hideToasts().
 */
export function shownToast(): string | null {
  const el = document.querySelector<HTMLElement>('.taro__toast')
  if (!el || el.style.display === 'none') return null
  return el.querySelector('p:last-of-type')?.textContent ?? null
}

/** Hides any toast a previous test left up (it would stay 1.5 s), so tests see only their own. */
export function hideToasts(): void {
  document.querySelectorAll<HTMLElement>('.taro__toast').forEach((el) => {
    el.style.display = 'none'
  })
}

/** A button of the modal Taro's H5 showModal is showing, by its text. */
export function modalButton(text: string): HTMLElement {
  const buttons = Array.from(document.querySelectorAll<HTMLElement>('.taro__modal .taro-model__btn'))
  const button = buttons.find((b) => b.textContent === text && b.closest<HTMLElement>('.taro__modal')?.style.display !== 'none')
  if (!button) throw new Error(`no modal button ${text}`)
  return button
}

/** The inputs of the requests for `action` a fetch spy saw go to its function, in order. */
export function sentInputs(action: string, sent: jest.SpyInstance): Record<string, unknown>[] {
  const fn = action.slice(0, action.indexOf('.'))
  return sent.mock.calls
    .filter(([url]) => String(url).endsWith(`/functions/${fn}`))
    .map(([, init]) => JSON.parse(String((init as RequestInit).body)) as { action: string; input: Record<string, unknown> })
    .filter((e) => e.action === action)
    .map((e) => e.input)
}

const DETAIL = /^\/pages\/ticket\/detail\?id=([A-Za-z0-9_.-]+)$/

/** The ticket a form opened after submitting (from the route it redirected to). */
export async function openedTicketId(): Promise<string> {
  await waitFor(() => expect(currentRoute()).toMatch(DETAIL))
  return DETAIL.exec(currentRoute())![1]
}

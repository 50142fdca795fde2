// Small helpers for driving Taro's H5 components in jsdom.
import { act } from '@testing-library/react'

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

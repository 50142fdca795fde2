// Helpers for page tests: drive the Taro page lifecycle that the router would drive in an app.
//
// Rendered outside Taro's router, a page's hooks (useLoad, useDidShow, …) register on the
// default instance 'taro-app' and nothing calls them. These helpers stand in for the router.
import { Current, getPageInstance } from '@tarojs/runtime'
import { act } from '@testing-library/react'

type PageLifecycle = 'onLoad' | 'onReady' | 'onUnload' | 'componentDidShow' | 'componentDidHide' |
  'onPullDownRefresh' | 'onReachBottom'

const HOOKS_INSTANCE_ID = 'taro-app'

/** What `useRouter()` returns: call before `render()` (useRouter memoises on mount). */
export function setRouterParams(params: Record<string, string>, path = '/'): void {
  Current.router = { params, path, $taroPath: path, onReady: '', onHide: '', onShow: '' }
}

/** Call every handler the rendered components registered for `lifecycle` (e.g. useLoad). */
export async function firePageLifecycle(lifecycle: PageLifecycle, ...args: unknown[]): Promise<void> {
  const inst = getPageInstance(HOOKS_INSTANCE_ID) as Record<string, unknown> | undefined
  const handlers = inst?.[lifecycle]
  const list = Array.isArray(handlers) ? handlers : handlers ? [handlers] : []
  await act(async () => {
    for (const fn of list) await (fn as (...a: unknown[]) => unknown)(...args)
  })
}

/**
 * Where Taro's router last went (navigateTo, redirectTo, reLaunch …): path and query of the hash
 * route, e.g. '/pages/ticket/detail?id=t1'; '' when nothing navigated since resetRoute().
 */
export function currentRoute(): string {
  return window.location.hash.replace(/^#/, '')
}

/** Back to the app's start URL, so a test sees only its own navigation. */
export function resetRoute(): void {
  window.history.replaceState(null, '', '/')
}

import Taro from '@tarojs/taro';
import type { TemplateRef } from '@/core/contract/views';
import type { TemplateKey } from '@/core/notify/templates';

/** WeChat accepts at most three templates per request. */
const MAX_PER_REQUEST = 3;

/**
 * Asks the user to accept one-time subscription messages; must run inside a tap handler.
 * Returns the keys of the templates the user accepted (each accept allows ONE later message).
 *
 * In the mini-program only templates with a configured id can be asked for. In the H5 local
 * mode there is no WeChat: every template is treated as accepted, so the flows that depend on
 * credits can be demonstrated.
 */
export async function askSubscription(
  refs: readonly TemplateRef[],
  fallbackKeys: readonly TemplateKey[],
): Promise<TemplateKey[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const usable = refs.filter((r) => r.id.trim() !== '').slice(0, MAX_PER_REQUEST);
    if (usable.length === 0) return [];
    try {
      const res = (await Taro.requestSubscribeMessage({
        tmplIds: usable.map((r) => r.id),
      } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
      return usable.filter((r) => res[r.id] === 'accept').map((r) => r.key);
    } catch {
      // Refused, closed, or the user switched subscriptions off: carry on without reminders.
      return [];
    }
  }
  if (process.env.LOCAL_MODE === '1') {
    const keys = refs.length > 0 ? refs.map((r) => r.key) : [...fallbackKeys];
    return keys.slice(0, MAX_PER_REQUEST);
  }
  return [];
}

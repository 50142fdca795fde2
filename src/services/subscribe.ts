import Taro from '@tarojs/taro';
import type { TemplateRef } from '@/core/contract/views';
import type { TemplateKey } from '@/core/notify/templates';

/** WeChat accepts at most three templates per request. */
const MAX_PER_REQUEST = 3;

/**
 * Asks the user to accept one-time subscription messages; must run inside a tap handler.
 * Asks for exactly the templates of `keys` (the first three: WeChat's limit per request), in
 * that order, and returns the keys the user accepted (each accept allows ONE later message).
 * A refusal or a closed dialog answers [] — every flow must carry on without reminders.
 *
 * In the mini-program only templates with a configured id (in `refs`) can be asked for. In the
 * H5 local mode there is no WeChat: every asked template is treated as accepted, so the flows
 * that depend on credits can be demonstrated.
 */
export async function askSubscription(refs: readonly TemplateRef[], keys: readonly TemplateKey[]): Promise<TemplateKey[]> {
  const wanted = [...new Set(keys)].slice(0, MAX_PER_REQUEST);
  if (process.env.TARO_ENV === 'weapp') {
    const usable = wanted
      .map((key) => refs.find((r) => r.key === key))
      .filter((r): r is TemplateRef => !!r && r.id.trim() !== '');
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
  if (process.env.LOCAL_MODE === '1') return wanted;
  return [];
}

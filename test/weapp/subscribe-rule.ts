// WeChat's rule for wx.requestSubscribeMessage, checked over what a test file recorded: asked only
// from a tap, for one to three templates at a time.
import type { SubscribeRequest } from './taps';

export function subscribeRuleBreaches(requests: readonly SubscribeRequest[]): string[] {
  return requests.flatMap((r) => [
    ...(r.inTap ? [] : [`${r.route}: asked outside a tap (${r.tmplIds.join(', ')})`]),
    ...(r.tmplIds.length >= 1 && r.tmplIds.length <= 3 ? [] : [`${r.route}: asked for ${r.tmplIds.length} templates (WeChat allows 1–3)`]),
  ]);
}

// Whether a tap is being handled right now, and wx.requestSubscribeMessage judged by it. WeChat
// opens the subscription dialog only from a user's tap ("此接口需在用户 tap 行为的回调中调用")
// and for 1–3 templates at a time; the simulator's mock accepts any call. Here every call is
// recorded with whether it happened inside a tap, and refused as WeChat would refuse it.
export interface SubscribeRequest {
  tmplIds: string[];
  inTap: boolean;
  /** The route of the page on top when it was asked. */
  route: string | undefined;
}

let tapDepth = 0;

/** Wraps a component's event handler (Taro's `eh`): a 'tap' marks the call as a tap in progress. */
export function trackTaps<T, A extends unknown[], R>(handler: (this: T, ...args: A) => R): (this: T, ...args: A) => R {
  return function (this: T, ...args: A): R {
    if ((args[0] as { type?: string } | undefined)?.type !== 'tap') return handler.apply(this, args);
    tapDepth++;
    try {
      return handler.apply(this, args);
    } finally {
      tapDepth--;
    }
  };
}

export const inTap = () => tapDepth > 0;

type Options = { tmplIds?: string[]; success?: (r: any) => void; fail?: (e: any) => void; complete?: (r: any) => void };

export function createSubscribe(route: () => string | undefined) {
  const requests: SubscribeRequest[] = [];
  const requestSubscribeMessage = (o: Options = {}) => {
    const tmplIds = [...(o.tmplIds ?? [])];
    const request = { tmplIds, inTap: inTap(), route: route() };
    requests.push(request);
    const refusal = !request.inTap
      ? 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.'
      : tmplIds.length < 1 || tmplIds.length > 3
        ? 'requestSubscribeMessage:fail invalid tmplIds length'
        : null;
    // The user accepts every template (each accept allows one later message).
    const res = refusal ? { errMsg: refusal, errCode: 20001 } : { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(tmplIds.map((id) => [id, 'accept'])) };
    const p = new Promise((resolve, reject) =>
      setTimeout(() => {
        if (refusal) o.fail?.(res);
        else o.success?.(res);
        o.complete?.(res);
        if (refusal) reject(res);
        else resolve(res);
      }, 0),
    );
    if (o.success || o.fail || o.complete) {
      p.catch(() => {});
      return undefined;
    }
    return p;
  };
  return { requests, requestSubscribeMessage };
}

import { withFieldKeys, type FieldKeys } from '../../core/notify/field-keys';
import { SEND_TIMEOUT } from '../../core/notify/send-errors';
import type { CloudApp } from '../cloudbase';
import type { Push, PushRequest } from '../ports';

const SEND_API = '/cgi-bin/message/subscribe/send';

type SendResult = { errcode: number; errmsg: string };

/**
 * The send's answer, or SEND_TIMEOUT when none came within `timeoutMs`. The request itself is not
 * cancelled (neither SDK can): it may still reach WeChat, which is why a timeout is never retried.
 */
const withinTimeout = async (timeoutMs: number, send: () => Promise<SendResult>): Promise<SendResult> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve({ ...SEND_TIMEOUT }), timeoutMs);
  });
  try {
    return await Promise.race([send(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

const wxData = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }]));

/**
 * Push through the CloudBase SDK's WeChat open-API call. Used by the local stack, whose
 * emulator records every send; it speaks the same API as production.
 */
export const cloudbasePush = (app: CloudApp, miniprogramState: string, timeoutMs: number): Push => ({
  send: (m: PushRequest) =>
    withinTimeout(timeoutMs, async () => {
      try {
        const res = (await app.callWxOpenApi({
          apiName: SEND_API,
          requestData: { touser: m.touser, template_id: m.templateId, page: m.page, data: wxData(m.data), miniprogram_state: miniprogramState },
        })) as { result?: { errcode?: number; errmsg?: string }; code?: string; message?: string };
        if (res.code) return { errcode: -1, errmsg: `${res.code} ${res.message ?? ''}` };
        return { errcode: res.result?.errcode ?? 0, errmsg: res.result?.errmsg ?? 'ok' };
      } catch (e) {
        // The SDK throws coded errors (and network failures): retryable, like wx-server-sdk's below.
        const err = e as { code?: string; message?: string };
        return { errcode: -1, errmsg: `${err.code ?? ''} ${err.message ?? 'send failed'}`.trim() };
      }
    }),
});

export interface WxServerSdk {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: { subscribeMessage: { send(options: object): Promise<{ errCode?: number; errMsg?: string }> } };
}

/**
 * Production push: wx-server-sdk's documented openapi.subscribeMessage.send. The SDK is loaded on
 * first use (installed in the cloud, not bundled); `load` is replaceable to check the payload.
 */
export const wxServerSdkPush = (
  miniprogramState: string,
  timeoutMs: number,
  load: () => WxServerSdk = () => require('wx-server-sdk') as WxServerSdk,
): Push => {
  let cloud: WxServerSdk | null = null;
  return {
    async send(m: PushRequest) {
      if (!cloud) {
        cloud = load();
        cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      }
      const sdk = cloud;
      return withinTimeout(timeoutMs, async () => {
        try {
          const res = await sdk.openapi.subscribeMessage.send({
            touser: m.touser,
            templateId: m.templateId,
            page: m.page,
            data: wxData(m.data),
            miniprogramState,
          });
          return { errcode: res.errCode ?? 0, errmsg: res.errMsg ?? 'ok' };
        } catch (e) {
          const err = e as { errCode?: number; errMsg?: string; message?: string };
          return { errcode: err.errCode ?? -1, errmsg: err.errMsg ?? err.message ?? 'send failed' };
        }
      });
    },
  };
};

/**
 * Sends each message under the keyword keys of the template the company chose (see
 * TEMPLATE_FIELDS_<KEY>); templates without such a setting go as planned.
 */
export const withTemplateFields = (push: Push, templateIds: Readonly<Record<string, string>>, fields: Readonly<Record<string, FieldKeys | undefined>>): Push => {
  const keysById = new Map(Object.entries(templateIds).flatMap(([key, id]) => (fields[key] ? [[id, fields[key]!] as const] : [])));
  if (keysById.size === 0) return push;
  return {
    send: (m) => {
      const keys = keysById.get(m.templateId);
      return push.send(keys ? { ...m, data: withFieldKeys(m.data, keys) } : m);
    },
  };
};

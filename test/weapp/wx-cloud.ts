// wx.cloud as the bundle uses it, served by the local stack: callFunction goes to the function
// host with the caller's openid (what WeChat attaches to a real call), uploadFile stores the
// picked file's bytes in the stack's photo storage. The simulator has no wx.cloud at all.
import type { TestStack } from '../functions/local-stack';

export interface CloudCall {
  name: string;
  action?: string;
  openid: string | undefined;
  reply?: { ok: boolean; code?: string; message?: string };
  error?: string;
}

type Options = { success?: (r: any) => void; fail?: (e: any) => void; complete?: (r: any) => void };

/** A wx-style API: callbacks when given, else a Promise. */
const wxStyle = <T>(options: Options, run: () => Promise<T>): Promise<T> | undefined => {
  const p = run().then(
    (res) => (options.success?.(res), options.complete?.(res), res),
    (err) => {
      options.fail?.(err);
      options.complete?.(err);
      throw err;
    },
  );
  if (options.success || options.fail || options.complete) {
    p.catch(() => {});
    return undefined;
  }
  return p;
};

export function createCloud(opts: {
  stack: () => TestStack;
  openid: () => string | undefined;
  /** The bytes of a temporary file the bundle got from chooseMedia & co. */
  tempFile: (path: string) => Uint8Array | undefined;
}) {
  const calls: CloudCall[] = [];
  let inflight = 0;
  let initialised = false;
  const cloud = {
    init: () => {
      initialised = true;
    },
    callFunction: (o: Options & { name: string; data?: any }) =>
      wxStyle(o, async () => {
        const call: CloudCall = { name: o.name, action: o.data?.action, openid: opts.openid() };
        calls.push(call);
        if (!initialised) throw Object.assign(new Error('cloud.callFunction:fail please call wx.cloud.init first'), { errMsg: 'cloud.callFunction:fail not initialised' });
        inflight++;
        try {
          const result = await opts.stack().post(o.name, o.data ?? {}, call.openid);
          call.reply = { ok: result.ok, code: (result as any).code, message: (result as any).message };
          return { result, errMsg: 'cloud.callFunction:ok', requestID: `local-${calls.length}` };
        } catch (e) {
          call.error = String(e);
          throw { errMsg: `cloud.callFunction:fail ${String(e)}` };
        } finally {
          inflight--;
        }
      }),
    uploadFile: (o: Options & { cloudPath: string; filePath: string }) =>
      wxStyle(o, async () => {
        const bytes = opts.tempFile(o.filePath);
        if (!bytes) throw { errMsg: `cloud.uploadFile:fail file not found ${o.filePath}` };
        inflight++;
        try {
          const fileID = await opts.stack().uploadPhoto(bytes);
          return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
        } finally {
          inflight--;
        }
      }),
  };
  return { cloud, calls, busy: () => inflight > 0 };
}

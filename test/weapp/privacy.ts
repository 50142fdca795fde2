// WeChat's privacy APIs ("隐私接口"): each may be called only when the mini-program's 用户隐私保护指引
// declares the information it handles; an undeclared one fails with errno 112 ("api scope is
// not declared in the privacy agreement"). From 小程序用户隐私保护指引内容介绍
// (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html):
// the wx APIs by the information they handle, as the guide names it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './bundle';

export const PRIVACY_APIS: Readonly<Record<string, string>> = {
  getUserInfo: '昵称、头像',
  getUserProfile: '昵称、头像',
  getLocation: '位置信息',
  getFuzzyLocation: '位置信息',
  startLocationUpdate: '位置信息',
  startLocationUpdateBackground: '位置信息',
  choosePoi: '选择的位置信息',
  chooseLocation: '选择的位置信息',
  chooseAddress: '地址',
  chooseInvoiceTitle: '发票信息',
  chooseInvoice: '发票信息',
  getWeRunData: '微信运动步数',
  chooseLicensePlate: '车牌号',
  chooseImage: '选中的照片或视频信息',
  chooseMedia: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  chooseMessageFile: '选中的文件',
  startRecord: '麦克风',
  // The guide names RecorderManager.start; the bundle can only reach it through this.
  getRecorderManager: '麦克风',
  joinVoIPChat: '麦克风',
  createVKSession: '摄像头',
  openBluetoothAdapter: '蓝牙',
  createBLEPeripheralServer: '蓝牙',
  saveImageToPhotosAlbum: '相册（仅写入）权限',
  saveVideoToPhotosAlbum: '相册（仅写入）权限',
  addPhoneContact: '通讯录（仅写入）权限',
  addPhoneRepeatCalendar: '日历（仅写入）权限',
  addPhoneCalendar: '日历（仅写入）权限',
  startAccelerometer: '加速传感器',
  startCompass: '磁场传感器',
  startDeviceMotionListening: '方向传感器',
  startGyroscope: '陀螺仪传感器',
  setClipboardData: '剪切板',
  getClipboardData: '剪切板',
};

/** Components and button open-types that are privacy interfaces too (by the same guide). */
export const PRIVACY_COMPONENTS: Readonly<Record<string, string>> = {
  'open-type="chooseAvatar"': '昵称、头像',
  'type="nickname"': '昵称、头像',
  'open-type="getPhoneNumber"': '手机号',
  'open-type="getRealtimePhoneNumber"': '手机号',
  '<camera': '摄像头',
  '<live-pusher': '麦克风',
  '<voip-room': '摄像头',
};

export const DEPLOY_DOC = path.join(ROOT, 'docs', 'deploy.md');

/**
 * The privacy APIs docs/deploy.md's checklist declares: the `wx.<api>` of the checklist item
 * that names the 用户隐私保护指引 and of its sub-items, each with the 「information」 its line names.
 */
export function declaredInDeployDoc(text = readFileSync(DEPLOY_DOC, 'utf8')): Map<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^- \[ \].*用户隐私保护指引/.test(l));
  if (start < 0) return new Map();
  const item = [lines[start]];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break; // the item ends at the next top-level line
    item.push(line);
  }
  const declared = new Map<string, string>();
  for (const line of item) {
    const info = /「([^」]+)」/.exec(line)?.[1] ?? '';
    for (const m of line.matchAll(/`wx\.(\w+)`/g)) declared.set(m[1], info);
  }
  return declared;
}

/**
 * Wraps the privacy APIs of a wx object as WeChat enforces the declaration: an undeclared one
 * fails with errno 112 and is recorded.
 */
export function enforceDeclaration(wx: Record<string, unknown>, declared: ReadonlySet<string>, refused: string[]): void {
  for (const name of Object.keys(PRIVACY_APIS)) {
    if (declared.has(name) || typeof wx[name] !== 'function') continue;
    wx[name] = (o: { fail?: (e: unknown) => void; complete?: (e: unknown) => void; success?: unknown } = {}) => {
      refused.push(name);
      const err = { errMsg: `${name}:fail api scope is not declared in the privacy agreement`, errno: 112 };
      setTimeout(() => {
        o.fail?.(err);
        o.complete?.(err);
      }, 0);
      return o.success || o.fail || o.complete ? undefined : Promise.reject(err);
    };
  }
}

import Taro from '@tarojs/taro';

const KEY = 'dev-openid';
/** The demo owner everyone starts as in local mode. */
export const DEFAULT_DEV_OPENID = 'demo-owner-lin';

export const currentDevIdentity = (): string => (Taro.getStorageSync(KEY) as string) || DEFAULT_DEV_OPENID;
export const setDevIdentity = (openid: string): void => Taro.setStorageSync(KEY, openid);

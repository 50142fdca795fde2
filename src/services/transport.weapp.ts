import Taro from '@tarojs/taro';
import type { Transport } from './transport';

/** In the mini-program the platform calls the function and attaches the caller's identity. */
export const weappTransport: Transport = async (name, event) => {
  const res = await Taro.cloud.callFunction({ name, data: event as unknown as Record<string, unknown> });
  return res.result;
};

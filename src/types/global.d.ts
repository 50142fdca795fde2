/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /**
     * Build platform, from `taro build --type`; replaced at build time in app bundles.
     * Undefined in Node code (cloud functions, local stack, tests unless set).
     */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** Mini-program appid for the build, if set in a .env file. */
    TARO_APP_ID?: string
    /** '1' in H5 builds (local stack), '' in weapp. Replaced at build time (config/index.ts). */
    LOCAL_MODE?: string
    /** H5 only: origin of the local function host; '' = same origin. Replaced at build time. */
    FUNCTION_HOST?: string
    /** weapp only: CloudBase environment id the mini-program calls; '' = WeChat's default. */
    CLOUD_ENV_ID?: string
  }
}

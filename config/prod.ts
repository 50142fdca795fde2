import type { UserConfigExport } from '@tarojs/cli'

// Production builds (`taro build` without --watch): Taro minifies by default.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>

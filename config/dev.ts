import type { UserConfigExport } from '@tarojs/cli'

// Development (`--watch`, NODE_ENV=development): unminified, full logging.
export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>

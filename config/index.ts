import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { existsSync } from 'node:fs'

// .env (see .env.example) supplies CLOUD_ENV_ID below: Taro itself loads only TARO_APP_* names from
// it. Variables already set in the environment win. (As scripts/dotenv.ts does: Taro's config loader
// compiles only this folder, so that module cannot be imported here.)
const dotenv = path.resolve(__dirname, '..', '.env')
if (existsSync(dotenv)) process.loadEnvFile(dotenv)

// Taro sets TARO_ENV from `--type` before this file is evaluated.
const taroEnv = process.env.TARO_ENV ?? 'weapp'
const isH5 = taroEnv === 'h5'

/**
 * Build-time constants read by app code.
 * - LOCAL_MODE: '1' in H5 builds (the local stack: emulator + function host), '' in weapp.
 * - FUNCTION_HOST: origin of the local function host for H5 (e.g. http://127.0.0.1:8787);
 *   '' means same origin, i.e. requests go to `/functions/<name>` relative to the page.
 * Both are defined for every platform so `process.env.X` never survives into a bundle
 * (the mini-program runtime has no `process`).
 */
const appEnv = {
  'process.env.LOCAL_MODE': JSON.stringify(isH5 ? '1' : ''),
  'process.env.FUNCTION_HOST': JSON.stringify(isH5 ? (process.env.FUNCTION_HOST ?? '') : ''),
  // CloudBase environment the weapp build calls; '' lets WeChat pick the default environment.
  'process.env.CLOUD_ENV_ID': JSON.stringify(isH5 ? '' : (process.env.CLOUD_ENV_ID ?? '')),
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'property-service-desk',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets builds run side by side (e.g. parallel e2e work); default dist/<env>.
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${taroEnv}`,
    plugins: [],
    defineConstants: appEnv,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // WeChat templates cannot recurse: Taro writes one template set per nesting level into
    // base.wxml and hands deeper levels to its `comp` component. 10 levels cover our pages'
    // usual depth at two thirds of the default's (16) size, which the main package budget needs.
    baseLevel: 10,
    cache: {
      // Filesystem cache, invalidated by config/index.ts and src/app.config.ts; off for side-by-side
      // builds, which would share it.
      enable: !process.env.TARO_OUTPUT_ROOT,
    },
    mini: {
      // Component styles are BEM-scoped (one block per component), so their order in the shared
      // chunk does not matter; without this, pages importing components in different orders warn.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // WeChat runs pages in iOS WebKit (iOS 10+) or its Chromium-based engine (53+): prefixes
        // for older browsers (-ms-, old flexbox) would only weigh on the main package budget.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 10', 'Chrome >= 53'] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: any static file server can host dist/h5 without rewrite rules.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

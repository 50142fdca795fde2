// What `@tarojs/taro` is inside page tests (see moduleNameMapper in jest.project.js).
//
// In the H5 build Taro aliases `@tarojs/taro` to its H5 API library, a babel plugin rewrites
// `import { useLoad } from '@tarojs/taro'` into `Taro.useLoad`, and the React framework runtime
// attaches the hooks to the Taro object at start-up. Jest has none of that, so this module
// re-exports the H5 APIs plus the React hooks as named exports.
// (Plain JS: the Taro runtime files below ship without type declarations.)
const hooks = require('@tarojs/plugin-framework-react/dist/runtime')
// Deep path on purpose: `@tarojs/taro` itself is mapped to this file.
const api = require('@tarojs/plugin-platform-h5/dist/runtime/apis')

const hookNames = Object.keys(hooks).filter((name) => /^use[A-Z]/.test(name))
const named = Object.fromEntries(hookNames.map((name) => [name, hooks[name]]))

module.exports = { ...api, ...named, default: api.default }

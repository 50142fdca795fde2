// Test environment of the page tests: jsdom for the pages, plus the Node platform pieces that
// jsdom leaves out and that the real parts under test need, in the test file's own realm:
//   - the H5 transport and the identity switcher call the local stack with `fetch`. Browsers the
//     H5 build targets have it natively, as Node has; without it here, Taro's H5 API library
//     would install its XHR-based whatwg-fetch polyfill instead (it does so only when fetch is
//     missing);
//   - the local stack itself (node:http server, emulator, function host, node-sdk) runs in the
//     same process and uses setImmediate, structuredClone and TextEncoder/TextDecoder.
// Each is Node's own, never a stand-in. jsdom's AbortController, EventTarget, URL … stay.
const { TestEnvironment } = require('jest-environment-jsdom')

const FROM_NODE = [
  'fetch', 'Headers', 'Request', 'Response',
  'TextEncoder', 'TextDecoder',
  'setImmediate', 'clearImmediate', 'structuredClone',
]

class PagesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of FROM_NODE) {
      if (globalThis[name] === undefined) throw new Error(`Node has no global ${name}`)
      this.global[name] = globalThis[name]
    }
  }
}

module.exports = PagesEnvironment

// Test environment of the weapp project: miniprogram-simulate renders the bundle into jsdom
// (its exparser needs a DOM), while the local stack the bundle calls runs in the same process and
// needs Node's own fetch, setImmediate, structuredClone and TextEncoder/TextDecoder, which jsdom
// leaves out. Each is Node's own, never a stand-in.
const { TestEnvironment } = require('jest-environment-jsdom')

const FROM_NODE = [
  'fetch', 'Headers', 'Request', 'Response',
  'TextEncoder', 'TextDecoder',
  'setImmediate', 'clearImmediate', 'structuredClone',
]

class WeappEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of FROM_NODE) {
      if (globalThis[name] === undefined) throw new Error(`Node has no global ${name}`)
      this.global[name] = globalThis[name]
    }
  }
}

module.exports = WeappEnvironment

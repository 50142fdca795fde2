// Jest project for the built mini-program: dist/weapp, as `npm run build` leaves it, loaded by
// miniprogram-simulate (WeChat's component test tool) with WeChat's own wcc/wcsc compilers.
// jsdom (with Node's fetch & co., see environment.js) because the simulator renders into a DOM;
// the local stack the bundle's wx.cloud calls reach runs in the same process.
const path = require('path')

const rootDir = path.resolve(__dirname, '../..')

module.exports = {
  displayName: 'weapp',
  rootDir,
  testEnvironment: '<rootDir>/test/weapp/environment.js',
  // Packages resolve as in Node (the local stack's bson and mingo), not as jsdom's 'browser'.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  transform: {
    '^.+\\.[jt]sx?$': ['babel-jest', {
      configFile: false,
      babelrc: false,
      presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    }],
  },
  // The bundle runs as built: never transformed (the simulator requires its files itself).
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
}

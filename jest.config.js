// One jest run, several projects: each test folder mirrors a layer of the code.
const nodeTransform = ['babel-jest', {
  configFile: false,
  babelrc: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}];
const alias = { '^@/(.*)$': '<rootDir>/src/$1' };

const nodeProject = (name, roots, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: roots.map((r) => `<rootDir>/test/${r}/**/*.test.ts`),
  transform: { '^.+\\.[jt]sx?$': nodeTransform },
  moduleNameMapper: alias,
  // Property and fuzz tests run on the run's fixed seed (test/test-seed.ts).
  setupFiles: ['<rootDir>/test/fixed-seed.setup.ts'],
  ...extra,
});

module.exports = {
  // Per-project timeouts are not supported by jest 29; slow suites raise theirs with jest.setTimeout.
  testTimeout: 30000,
  projects: [
    nodeProject('core', ['core']),
    nodeProject('functions', ['functions', 'local', 'server']),
    nodeProject('build', ['build']),
    nodeProject('e2e', ['e2e']),
    // The pages project (jsdom + Taro components) is defined in test/pages/jest.project.js.
    require('./test/pages/jest.project.js'),
    // The built mini-program (dist/weapp) run by miniprogram-simulate: test/weapp/jest.project.js.
    require('./test/weapp/jest.project.js'),
  ],
};

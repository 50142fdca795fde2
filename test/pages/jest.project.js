// Jest project for page/component tests: jsdom + @testing-library/react + Taro's React
// components (the H5 web-component build). Uses an INLINE babel config on purpose:
// babel.config.js belongs to Taro's webpack build (babel-preset-taro) and must not leak here.
const path = require('path')

const rootDir = path.resolve(__dirname, '../..')

// Packages shipped as untranspiled ESM that babel-jest must transform. The first line is what
// @tarojs/components needs; the second is what Taro's H5 API library (`@tarojs/taro` here, see
// taro-h5.js) and its router pull in.
const esmPackages = [
  '@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', 'classnames', 'tslib',
  'lodash-es', 'query-string', 'decode-uri-component', 'filter-obj', 'split-on-first', 'nanoid', 'style-inject',
]

module.exports = {
  displayName: 'pages',
  rootDir,
  // jsdom plus fetch & co. from Node: pages talk to the real local stack (see environment.js).
  testEnvironment: '<rootDir>/test/pages/environment.js',
  // Resolve packages as Node does, not with jsdom's default 'browser' condition: the local stack
  // runs in the test file's process and its packages (bson, mingo) would otherwise load browser
  // ESM builds. The page side resolves the same either way (checked when this was introduced:
  // only nanoid, via Taro's H5 ics dependency, picks its Node file instead of its browser one).
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
  transform: {
    '^.+\\.[cm]?[jt]sx?$': ['babel-jest', {
      configFile: false,
      babelrc: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    }],
  },
  // Judge a file by the package that owns it (its LAST node_modules segment): the components'
  // React build bundles its own tslib under lib/react/node_modules/.pnpm/…/node_modules/tslib.
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)(?!.*/node_modules/)`],
  moduleNameMapper: {
    // The package root is the mini-program build; the React wrappers of the H5 web components
    // are what a browser (and jsdom) can render.
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // Taro's H5 API library plus the React hooks as named exports (see taro-h5.js).
    '^@tarojs/taro$': '<rootDir>/test/pages/taro-h5.js',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|less|scss|sass|styl)$': '<rootDir>/test/pages/style-stub.js',
  },
  // Build-time globals Taro's runtime expects (normally injected by webpack's DefinePlugin).
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
  setupFiles: ['<rootDir>/test/pages/setup.ts'],
}

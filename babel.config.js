// Used by Taro's webpack build only. Page tests use an inline babel config
// (test/pages/jest.project.js) so they do not depend on this file.
// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
}

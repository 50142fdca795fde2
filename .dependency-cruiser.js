/**
 * Layering rules of the project, checked by dependency-cruiser (`npm run depcheck`) and by
 * test/core/dependency-rule.test.ts.
 *
 * - src/core is the platform-free domain: no Taro, no CloudBase / wx-server-sdk, no React, no
 *   Node built-ins. It runs unchanged in the mini-program, the cloud functions and the tests.
 * - Client code (pages, staff pages, components, services) talks to the back end only through
 *   the contract; it never imports the server implementation or the local dev back end.
 * - Cloud functions never import the local dev back end.
 *
 * Packages are matched both resolved (…node_modules/<pkg>/…) and unresolved (<pkg>), so a rule
 * still fires when a forbidden package is not installed. node_modules is not followed, but it
 * must not be excluded either: excluding it drops the very edges these rules look at.
 */
const PLATFORM_PACKAGES = '(@tarojs/|@cloudbase/|wx-server-sdk(/|$)|react(/|$)|react-dom(/|$))';

module.exports = {
  forbidden: [
    {
      name: 'core-no-platform-packages',
      comment:
        'src/core is platform-free: it must not import Taro, CloudBase, wx-server-sdk, React or react-dom. ' +
        'Put platform code in src/services, src/server or the cloud functions and pass data into the core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: `(^|(^|/)node_modules/)${PLATFORM_PACKAGES}` },
    },
    {
      name: 'core-no-node-builtins',
      comment:
        'src/core runs inside the mini-program too: Node built-ins (fs, path, crypto, node:*) are not available there.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-outer-layers',
      comment: 'src/core depends on nothing else in src: the other layers depend on it, never the reverse.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'client-no-server-or-local',
      comment:
        'Client code reaches the back end through the contract (callFunction), never by importing src/server or src/local.',
      severity: 'error',
      from: { path: '^src/(pages|staff|components|services)/' },
      to: { path: '^src/(server|local)/' },
    },
    {
      name: 'functions-no-local',
      comment: 'Cloud functions run on CloudBase; the local dev back end (src/local) must not be bundled into them.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^src/local/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // Build output only, anchored at the root: an unanchored `dist/` would also drop packages whose
    // entry point lives in node_modules/<pkg>/dist (e.g. @cloudbase/node-sdk) and hide their imports.
    exclude: { path: '^(dist|build|\\.swc)/|^cloudfunctions/[^/]+/dist/' },
    // Type-only imports count as well: a type from wx-server-sdk in the core is still a coupling.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.json'],
    },
  },
};

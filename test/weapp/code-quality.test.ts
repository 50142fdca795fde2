/**
 * The items of WeChat DevTools' code-quality panel (代码质量) that are settings: components
 * injected on demand (app.json `lazyCodeLoading: "requiredComponents"`, from src/app.config.ts)
 * and JS, WXML and WXSS minified on upload (project.config.json `setting`, which Taro also copies
 * into dist/weapp for a DevTools opened there).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, WEAPP_DIR, readAppJson } from './bundle';

const projectConfig = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { setting?: Record<string, unknown> };

it('app.json injects only the components a page uses (启用组件按需注入)', () => {
  expect(readAppJson().lazyCodeLoading).toBe('requiredComponents');
});

it.each([
  ['project.config.json', path.join(ROOT, 'project.config.json')],
  ['dist/weapp/project.config.json', path.join(WEAPP_DIR, 'project.config.json')],
])('%s minifies JS, WXML and WXSS on upload (上传时压缩代码)', (_name, file) => {
  expect(projectConfig(file).setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
});

/**
 * Every .wxml and .wxs of dist/weapp compiles with WeChat's wcc, and every .wxss with its wcsc
 * (miniprogram-compiler), as DevTools compiles them; and every `<import src>`, `<include src>` and
 * `<wxs src>` names a file that is there (wcc itself only finds out when the page renders).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WEAPP_DIR, bundleFiles } from './bundle';
import { compileWxml, wxssProblem } from './compilers';

const wxml = bundleFiles('.wxml');
const wxs = bundleFiles('.wxs');
const wxss = bundleFiles('.wxss');

describe('wcc', () => {
  let gwx: (path: string) => unknown;
  beforeAll(() => {
    gwx = compileWxml(WEAPP_DIR, wxml, wxs);
  });

  it('compiles the bundle: a template for every .wxml', () => {
    expect(wxml.length).toBeGreaterThan(20);
    expect(wxml.filter((f) => typeof gwx(f) !== 'function')).toEqual([]);
  });

  it('every <import src>, <include src> and <wxs src> names a file of the bundle', () => {
    const files = new Set(bundleFiles());
    const missing = [...wxml, ...wxs].flatMap((file) =>
      [...readFileSync(path.join(WEAPP_DIR, file), 'utf8').matchAll(/<(import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g)]
        .map((m) => m[2])
        .filter((src) => !files.has(src.startsWith('/') ? path.posix.normalize(src.slice(1)) : path.posix.normalize(path.posix.join(path.posix.dirname(file), src))))
        .map((src) => `${file} → ${src}`),
    );
    expect(wxs).toContain('utils.wxs');
    expect(missing).toEqual([]);
  });
});

describe('wcsc', () => {
  it.each(wxss)('compiles %s', (file) => {
    expect(wxssProblem(WEAPP_DIR, file)).toBeNull();
  });
});

describe('the compilers refuse what DevTools would refuse (the check itself)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'weapp-compile-'));
    writeFileSync(path.join(dir, 'bad.wxml'), '<view>{{a}</view');
    writeFileSync(path.join(dir, 'ok.wxml'), '<view>{{a}}</view>');
    writeFileSync(path.join(dir, 'bad.wxs'), 'module.exports = { a: function( }');
    writeFileSync(path.join(dir, 'bad.wxss'), '.a{color:red;\n.b{');
    writeFileSync(path.join(dir, 'imports.wxss'), '@import "./missing.wxss";\n.a{color:red}');
    writeFileSync(path.join(dir, 'ok.wxss'), '.a{color:red}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('wcc: a broken template or WXS module', () => {
    expect(() => compileWxml(dir, ['ok.wxml'], [])).not.toThrow();
    expect(() => compileWxml(dir, ['ok.wxml', 'bad.wxml'], [])).toThrow(/bad\.wxml/);
    expect(() => compileWxml(dir, ['ok.wxml'], ['bad.wxs'])).toThrow(/bad\.wxs/);
  });

  it('wcsc: a syntax error or a missing import', () => {
    expect(wxssProblem(dir, 'ok.wxss')).toBeNull();
    expect(wxssProblem(dir, 'bad.wxss')).toMatch(/bad\.wxss/);
    expect(wxssProblem(dir, 'imports.wxss')).toMatch(/missing\.wxss/);
  });
});

/**
 * 用户隐私保护指引: WeChat refuses a privacy API (errno 112) unless the mini-program's guide declares
 * the information it handles. The bundle's privacy API calls are found by grepping dist/weapp
 * (a call, `.chooseMedia(`, not a name in Taro's list of promisified APIs), and each must be
 * declared in docs/deploy.md's launch checklist, with the information the guide names for it;
 * the checklist declares nothing the bundle does not call. Run through the bundle (where the
 * harness enforces the doc's declaration as WeChat would), the 复制 button and the photo picker
 * work.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WEAPP_DIR, bundleFiles } from './bundle';
import { guardConsole, type ConsoleGuard } from './console-guard';
import { startMiniProgram, type MiniProgram } from './mini-program';
import { DEPLOY_DOC, PRIVACY_APIS, PRIVACY_COMPONENTS, declaredInDeployDoc, enforceDeclaration } from './privacy';

const read = (file: string) => readFileSync(path.join(WEAPP_DIR, file), 'utf8');

/** Privacy APIs the bundle calls, each with the files that call it. */
function calledPrivacyApis(): Map<string, string[]> {
  const called = new Map<string, string[]>();
  for (const file of bundleFiles('.js')) {
    const code = read(file);
    for (const api of Object.keys(PRIVACY_APIS)) {
      if (new RegExp(`(\\.${api}|\\[["']${api}["']\\])\\s*\\(`).test(code)) called.set(api, [...(called.get(api) ?? []), file]);
    }
  }
  return called;
}

describe('privacy APIs in the bundle and docs/deploy.md', () => {
  const called = calledPrivacyApis();
  const declared = declaredInDeployDoc();

  it('finds the calls it should (the grep itself)', () => {
    expect([...called.keys()].sort()).toEqual(expect.arrayContaining(['chooseMedia', 'setClipboardData']));
    // Taro's runtime names every promisified API in a list: a name alone is not a call.
    expect(read('taro.js')).toMatch(/["']getLocation["']/);
    expect(called.has('getLocation')).toBe(false);
  });

  it('every privacy API the bundle calls is declared in the checklist, with the information the guide names', () => {
    const undeclared = [...called].filter(([api]) => !declared.has(api)).map(([api, files]) => `wx.${api} (${files.join(', ')}): 「${PRIVACY_APIS[api]}」`);
    expect(undeclared).toEqual([]);
    for (const api of called.keys()) expect([api, declared.get(api)]).toEqual([api, PRIVACY_APIS[api]]);
  });

  it('the checklist declares only privacy APIs the bundle calls', () => {
    expect(declared.size).toBeGreaterThan(0);
    expect([...declared.keys()].filter((api) => !(api in PRIVACY_APIS) || !called.has(api))).toEqual([]);
    expect(readFileSync(DEPLOY_DOC, 'utf8')).toMatch(/用户隐私保护指引/);
  });

  it('the bundle uses no privacy component or open-type (chooseAvatar, getPhoneNumber, camera …)', () => {
    const used = [...bundleFiles('.wxml'), ...bundleFiles('.js')].flatMap((file) => {
      const text = read(file);
      return Object.keys(PRIVACY_COMPONENTS)
        .filter((needle) => {
          const attr = /^(open-type|type)="(\w+)"$/.exec(needle);
          // In the JS a component's open-type is a prop: openType:"getPhoneNumber".
          return text.includes(needle) || (attr !== null && new RegExp(`${attr[1] === 'type' ? 'type' : 'openType'}:"${attr[2]}"`).test(text));
        })
        .map((needle) => `${file}: ${needle} 「${PRIVACY_COMPONENTS[needle]}」 (declare it in docs/deploy.md and in this test)`);
    });
    expect(used).toEqual([]);
  });

  it('an undeclared privacy API fails as WeChat fails it: errno 112 (the enforcement itself)', async () => {
    const wx: Record<string, unknown> = { getLocation: () => undefined, setClipboardData: () => 'ok' };
    const refused: string[] = [];
    enforceDeclaration(wx, new Set(['setClipboardData']), refused);
    const fail = jest.fn();
    (wx.getLocation as (o: unknown) => void)({ fail });
    await new Promise((r) => setTimeout(r, 5));
    expect(fail).toHaveBeenCalledWith({ errMsg: 'getLocation:fail api scope is not declared in the privacy agreement', errno: 112 });
    expect((wx.setClipboardData as () => string)()).toBe('ok');
    expect(refused).toEqual(['getLocation']);
  });
});

describe('the declared privacy APIs, through the bundle', () => {
  let mp: MiniProgram;
  let guard: ConsoleGuard;
  beforeAll(async () => {
    mp = await startMiniProgram();
    guard = guardConsole();
  });
  afterAll(async () => {
    guard?.restore();
    await mp?.close();
  });

  it('复制 on a newcomer’s home puts their user number on the clipboard (「剪切板」)', async () => {
    mp.as('demo-guest');
    const home = await mp.open('pages/index/index');
    await home.waitForText('复制');
    await home.tap('复制');
    await mp.waitFor(() => mp.clipboard() !== undefined);
    expect(mp.clipboard()).toBe('demo-guest');
    home.close();
  });

  it('添加照片 picks and uploads a photo (「选中的照片或视频信息」)', async () => {
    mp.as('demo-owner-lin');
    const form = await mp.open('pages/complaint/new');
    await form.tap('添加照片');
    expect(await form.waitForText('已选 1/9')).toContain('已选 1/9');
    form.close();
  });

  it('WeChat refused nothing, and nothing was logged', () => {
    expect(mp.apiCalls.get('setClipboardData')).toBe(1);
    expect(mp.apiCalls.get('chooseMedia')).toBe(1);
    expect(mp.privacyRefusals).toEqual([]);
    expect(guard.take()).toEqual([]);
  });
});

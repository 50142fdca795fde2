/**
 * The built mini-program (dist/weapp) running in this test file: WeChat's component test tool
 * (miniprogram-simulate) with WeChat's own template and style compilers (`compiler: 'official'`,
 * wcc/wcsc of miniprogram-compiler), plus what its mock of the platform lacks (each in its own
 * file): Page() and App() (page-shim, app-shim), wx.cloud on the local stack (wx-cloud), storage
 * that keeps what is written (storage), a selector query with a recording canvas
 * (selector-query), the 用户隐私保护指引 enforced as WeChat does from what docs/deploy.md declares
 * (privacy), and taps, subscription requests, navigation, toasts, the clipboard and picked files
 * recorded so tests can judge them.
 *
 * One instance per test file (the simulator's registries and the bundle's modules are
 * per-file): `await startMiniProgram()` in beforeAll, `close()` in afterAll.
 */
import path from 'node:path';
import { createAppShim } from './app-shim';
import { WEAPP_DIR, readAppJson } from './bundle';
import { createPageShim, trackComponentTaps, type PageInstance } from './page-shim';
import { declaredInDeployDoc, enforceDeclaration } from './privacy';
import { createSelectorQueryApi, walk } from './selector-query';
import { startTestStack, type TestStack } from '../functions/local-stack';
import { createStorage } from './storage';
import { createSubscribe } from './taps';
import { createDevice, type Navigation } from './wx-device';
import { createCloud } from './wx-cloud';

/* eslint-disable @typescript-eslint/no-require-imports */

interface SimulatedComponent {
  dom: HTMLElement;
  instance: PageInstance;
  _exparserNode: ExNode;
  attach(parent: HTMLElement): void;
  detach(): void;
}

interface ExNode {
  id?: string;
  is?: string;
  tagName?: string;
  childNodes?: ExNode[];
  shadowRoot?: ExNode;
  $$?: HTMLElement;
  _vt?: { tagName?: string; attrs?: Array<{ name: string; value: unknown }>; event?: Record<string, { name: string }> };
}

const WINDOW_WIDTH = 375;
/** How long nothing may happen before a page counts as settled; how long to wait at most. */
const QUIET_MS = 80;
const SETTLE_TIMEOUT_MS = 15_000;

const tagOf = (n: ExNode) => String(n._vt?.tagName ?? n.tagName ?? n.is ?? '');
const attrOf = (n: ExNode, name: string) => n._vt?.attrs?.find((a) => a.name === name)?.value;
const boundTo = (n: ExNode, event: string) => Object.values(n._vt?.event ?? {}).some((e) => e.name === event);
const textOf = (n: ExNode) => n.$$?.textContent ?? '';

export interface OpenPage {
  route: string;
  instance: PageInstance;
  /** The page's text as shown (every text node, in order). */
  text(): string;
  /** Waits (a while at most) until the page shows all of `texts`; its text then. */
  waitForText(...texts: string[]): Promise<string>;
  /** Taps the innermost tappable element whose text contains `text`, and waits until the page settles. */
  tap(text: string): Promise<void>;
  /** Types into the input or textarea whose placeholder contains `placeholder`. */
  type(placeholder: string, value: string): Promise<void>;
  /** Closes the page (onUnload) and removes it from getCurrentPages(). */
  close(): void;
}

export interface MiniProgram {
  stack: TestStack;
  /** Who uses the mini-program: the openid WeChat attaches to each cloud call. */
  as(openid: string | undefined): void;
  open(route: string, query?: Record<string, string>): Promise<OpenPage>;
  /** Waits until no cloud call is in flight and the pages stopped updating. */
  settle(): Promise<void>;
  /** Waits (SETTLE_TIMEOUT_MS at most) until `ready()`; whether it got there. */
  waitFor(ready: () => boolean, timeoutMs?: number): Promise<boolean>;
  calls: ReturnType<typeof createCloud>['calls'];
  subscribeRequests: ReturnType<typeof createSubscribe>['requests'];
  navigations: Navigation[];
  toasts: string[];
  /** wx APIs called, by name, with the number of calls (every API the bundle reached). */
  apiCalls: Map<string, number>;
  /** Privacy APIs WeChat refused (errno 112): called, but not declared in docs/deploy.md. */
  privacyRefusals: string[];
  /** What wx.setClipboardData last put on the clipboard. */
  clipboard(): string | undefined;
  canvases: ReturnType<typeof createSelectorQueryApi>['canvases'];
  storage: Map<string, unknown>;
  close(): Promise<void>;
}

export async function startMiniProgram(): Promise<MiniProgram> {
  readAppJson(); // fails with the build hint when dist/weapp is missing
  const stack = await startTestStack();
  let openid: string | undefined;
  const pages: PageInstance[] = [];
  const top = () => pages[pages.length - 1];
  let lastUpdate = 0;

  const storage = createStorage();
  const device = createDevice(WINDOW_WIDTH);
  const cloud = createCloud({ stack: () => stack, openid: () => openid, tempFile: device.tempFile });
  const subscribe = createSubscribe(() => top()?.route);
  const query = createSelectorQueryApi({ root: () => top()?._exparserNode as ExNode | undefined, windowWidth: WINDOW_WIDTH });
  const apiCalls = new Map<string, number>();
  const privacyRefusals: string[] = [];
  const own: Record<string, unknown> = {
    ...device.api,
    ...storage.api,
    cloud: cloud.cloud,
    requestSubscribeMessage: subscribe.requestSubscribeMessage,
    createSelectorQuery: query.createSelectorQuery,
  };

  // The simulator's wx first (loading it installs its mock), ours over it; then every API counted.
  const g = globalThis as any;
  const simulate = require('miniprogram-simulate');
  Object.assign(g.wx, own);
  enforceDeclaration(g.wx, new Set(declaredInDeployDoc().keys()), privacyRefusals);
  for (const [name, fn] of Object.entries(g.wx)) {
    if (typeof fn !== 'function') continue;
    g.wx[name] = function (this: unknown, ...args: unknown[]) {
      apiCalls.set(name, (apiCalls.get(name) ?? 0) + 1);
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  g.Component = trackComponentTaps(g.Component);

  let loadingRoute = '';
  let openingQuery: Record<string, string> = {};
  const app = createAppShim(pages);
  g.App = app.App;
  g.getApp = app.getApp;
  g.getCurrentPages = app.getCurrentPages;
  g.Page = createPageShim({ component: g.Component, loadingRoute: () => loadingRoute, openingQuery: () => openingQuery, stack: pages });

  require(path.join(WEAPP_DIR, 'app.js'));
  const home = readAppJson().pages[0];
  app.launch({ path: home, query: {}, scene: 1001 });

  const options = { rootPath: WEAPP_DIR, compiler: 'official' };
  const compId: string = simulate.load(path.join(WEAPP_DIR, 'comp'), 'comp', options);
  const loaded = new Map<string, string>();
  const opened = new Set<SimulatedComponent>();

  /** Quiet: no cloud call in flight and no page updated for QUIET_MS. */
  const settle = async (timeoutMs = SETTLE_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 10));
      if (cloud.busy() || lastUpdate >= quietSince) quietSince = Date.now();
      else if (Date.now() - quietSince >= QUIET_MS) return;
      if (Date.now() > deadline) throw new Error(`the mini-program did not settle within ${timeoutMs} ms`);
    }
  };

  const waitFor = async (ready: () => boolean, timeoutMs = SETTLE_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  };

  const open = async (route: string, q: Record<string, string> = {}): Promise<OpenPage> => {
    let id = loaded.get(route);
    if (!id) {
      loadingRoute = route;
      id = simulate.load(path.join(WEAPP_DIR, route), { ...options, usingComponents: { comp: compId } }) as string;
      loaded.set(route, id);
    }
    openingQuery = q;
    const comp = simulate.render(id) as SimulatedComponent;
    const parent = document.createElement('div');
    document.body.appendChild(parent);
    const instance = comp.instance;
    const setData = instance.setData;
    let rendered = false;
    instance.setData = (data, cb) => {
      lastUpdate = Date.now();
      rendered = true;
      setData.call(instance, data, cb);
    };
    comp.attach(parent);
    opened.add(comp);
    // Taro renders the page in React's scheduler after onLoad: first its first setData, then quiet.
    if (!(await waitFor(() => rendered))) throw new Error(`${route} never rendered (no setData within ${SETTLE_TIMEOUT_MS} ms)`);
    await settle();
    const root = comp._exparserNode;
    const nodes = () => [...walk(root)];
    const dispatch = (node: ExNode, event: string, detail: Record<string, unknown>) => {
      const Base = Object.getPrototypeOf(Object.getPrototypeOf(comp)).constructor as new (n: ExNode) => { dispatchEvent(name: string, o: { detail: unknown }): void };
      new Base(node).dispatchEvent(event, { detail });
    };
    return {
      route,
      instance,
      text: () => comp.dom.textContent ?? '',
      async waitForText(...texts) {
        await waitFor(() => texts.every((t) => (comp.dom.textContent ?? '').includes(t)));
        return comp.dom.textContent ?? '';
      },
      async tap(text) {
        const tappable = () => nodes().filter((n) => boundTo(n, 'tap') && textOf(n).includes(text));
        await waitFor(() => tappable().length > 0);
        const candidates = tappable();
        if (candidates.length === 0) throw new Error(`nothing tappable shows "${text}" on ${route}`);
        const target = candidates.reduce((a, b) => (textOf(b).length < textOf(a).length ? b : a));
        dispatch(target, 'tap', { x: 0, y: 0 });
        await settle();
      },
      async type(placeholder, value) {
        const find = () => nodes().find((n) => /^(wx-)?(input|textarea)$/.test(tagOf(n)) && String(attrOf(n, 'placeholder') ?? '').includes(placeholder));
        await waitFor(() => find() !== undefined);
        const field = find();
        if (!field) throw new Error(`no input with placeholder "${placeholder}" on ${route}`);
        dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
        await settle();
      },
      close() {
        opened.delete(comp);
        comp.detach();
        parent.remove();
      },
    };
  };

  return {
    stack,
    as: (id) => {
      openid = id;
    },
    open,
    settle,
    waitFor,
    calls: cloud.calls,
    subscribeRequests: subscribe.requests,
    navigations: device.navigations,
    toasts: device.toasts,
    apiCalls,
    privacyRefusals,
    clipboard: device.clipboard,
    canvases: query.canvases,
    storage: storage.items,
    close: async () => {
      for (const comp of opened) comp.detach();
      opened.clear();
      await stack.close();
    },
  };
}

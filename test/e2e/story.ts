/**
 * A story told in the H5 app: one stack and one browser per test file, steps that stop the
 * story at the first failure (with a screenshot of the failing screen), and what a person does
 * screen by screen. Each story keeps its screenshots in its own folder under screenshots/.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { arrive, expectText, launchBrowser, resetScreenshots, screenshot as shoot, SCREENSHOT_DIR, type E2EBrowser } from './browser';
import { startE2EStack, type E2EStack } from './stack';

export const ROUTES = {
  home: '/pages/index/index',
  identity: '/pages/dev/identity',
  repairNew: '/pages/repair/new',
  complaintNew: '/pages/complaint/new',
  cardNew: '/pages/card/new',
  bindingIndex: '/pages/binding/index',
  bindingNew: '/pages/binding/new',
  tickets: '/pages/tickets/index',
  detail: '/pages/ticket/detail',
  inbox: '/staff/inbox/index',
  task: '/staff/task/index',
  bindingsReview: '/staff/bindings/index',
} as const;

/** The page an address names: the hash router's path without its query. */
export const routeOf = (url: string): string => new URL(url).hash.replace(/^#/, '').split('?')[0];

export const story = (name: string) => {
  let stack: E2EStack | undefined;
  let browser: E2EBrowser | undefined;
  let page: Page;
  const folder = path.join(SCREENSHOT_DIR, name);

  beforeAll(async () => {
    resetScreenshots(folder);
    stack = await startE2EStack();
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    // Both are closed even when one of them, or the test, failed.
    const results = await Promise.allSettled([browser?.close(), stack?.close()]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  const screenshot = (root: Locator, shot: string) => shoot(page, root, shot, folder);

  /**
   * One step of the story. Steps share the browser, so once one fails the later ones are skipped
   * with a pointer to it instead of failing in confusing ways; the failing screen is saved. Every
   * step ends with a clean console and no failed function.
   */
  let failedStep: string | null = null;
  const step = (title: string, body: () => Promise<void>) =>
    it(title, async () => {
      if (failedStep) throw new Error(`skipped: the earlier step "${failedStep}" failed`);
      try {
        await body();
        expect(browser!.problems).toEqual([]);
        expect(stack!.functionErrors).toEqual([]);
      } catch (err) {
        failedStep = title;
        await page
          ?.screenshot({ path: path.join(folder, `FAILED-${title.replace(/[^\w\u4e00-\u9fff]+/g, '-')}.png`), fullPage: true })
          .catch(() => undefined);
        // Which pages the router holds, and which is shown, is most of what a failure needs.
        const pages = await page
          ?.locator('#app > .taro_page')
          .evaluateAll((els) => els.map((el) => `${el.id} [${el.className}]`))
          .catch(() => []);
        const e = err instanceof Error ? err : new Error(String(err));
        const message = `${e.message}\n\nat ${page?.url()}\nrouter pages:\n  ${(pages ?? []).join('\n  ')}`;
        const frames = (e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
        throw Object.assign(new Error(message), { stack: [`Error: ${message}`, ...frames].join('\n') });
      }
    });

  /** Arrives on a page, checks it is drawn, and photographs it. */
  const visit = async (route: string, shot: string, ready: (root: Locator) => Locator): Promise<Locator> => {
    const root = await arrive(page, route);
    await ready(root).first().waitFor();
    await screenshot(root, shot);
    return root;
  };

  /** Home, showing whose session this is. */
  const atHome = async (who: string, shot: string): Promise<Locator> => {
    const root = await arrive(page, ROUTES.home);
    await expectText(root.locator('.dev-identity-name'), who);
    await screenshot(root, shot);
    return root;
  };

  /**
   * The H5 app draws no navigation bar of its own for going back, so a person gets back with the
   * browser's back button; each press pops one page of the app's stack.
   */
  const backTo = async (route: string): Promise<Locator> => {
    for (let presses = 0; routeOf(page.url()) !== route; presses++) {
      if (presses === 6) throw new Error(`six presses of back did not lead to ${route}; at ${page.url()}`);
      await page.goBack();
      // The address changes at once; wait until the router shows that page before looking again.
      await arrive(page, routeOf(page.url()));
    }
    return arrive(page, route);
  };

  /**
   * Home → 切换演示身份 → the person's card → the app relaunches on home as them (shown by the
   * name home greets them with, `shownAs`, when it differs from the card's).
   */
  const switchIdentity = async (who: string, shot: string, shownAs: string = who): Promise<Locator> => {
    const home = await backTo(ROUTES.home);
    await home.getByText('切换演示身份').click();
    const list = await visit(ROUTES.identity, `${shot}-identities`, (r) => r.locator('.identity-card', { hasText: who }));
    await list.locator('.identity-card', { hasText: who }).click();
    return atHome(shownAs, `${shot}-home`);
  };

  /** Opens the app at home, whoever the default identity is. */
  const open = async (shot: string): Promise<Locator> => {
    await page.goto(`${stack!.url}/#${ROUTES.home}`);
    const root = await arrive(page, ROUTES.home);
    await screenshot(root, shot);
    return root;
  };

  /** The id in the address of the page on screen (detail pages carry ?id=). */
  const idInAddress = (): string => {
    const id = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('id');
    if (!id) throw new Error(`the address carries no id: ${page.url()}`);
    return id;
  };

  const timelineEvents = async (root: Locator): Promise<string[]> =>
    (await root.locator('.timeline-item__event').allInnerTexts()).map((t) => t.trim()).reverse(); // shown newest first

  return {
    get page() {
      return page;
    },
    get stack() {
      return stack!;
    },
    step,
    visit,
    atHome,
    backTo,
    switchIdentity,
    open,
    screenshot,
    idInAddress,
    timelineEvents,
    expectText,
    arrive: (route: string) => arrive(page, route),
  };
};

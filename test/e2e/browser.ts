import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, 'screenshots');

/** The phone the H5 app is looked at on: an iPhone-12-sized viewport at 2x. */
const VIEWPORT = { width: 390, height: 844 };

/** How long any single wait may take: the slowest step (a build-cold first load) takes ~1 s. */
const STEP_TIMEOUT = 15_000;

/**
 * Console output that is expected and harmless, each with the reason. Anything else the console
 * reports as an error, and every uncaught page error, fails the test.
 */
const HARMLESS_CONSOLE_ERRORS: ReadonlyArray<{ reason: string; matches: (m: ConsoleMessage) => boolean }> = [
  {
    reason:
      'Chromium asks every origin for /favicon.ico on its own; the H5 app ships no favicon and the ' +
      'local stack answers 404. No app code requests it.',
    matches: (m) => /^Failed to load resource: .*404/.test(m.text()) && new URL(m.location().url).pathname === '/favicon.ico',
  },
  {
    reason:
      'Chromium logs every request made while the test has set the browser offline ' +
      '(context.setOffline, offline-submission.test.ts); the app handles the failure itself.',
    matches: (m) => /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(m.text()),
  },
];

export interface E2EBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (minus the harmless ones above). */
  problems: string[];
  close(): Promise<void>;
}

/** Headless Chromium with a throw-away profile, as the design notes prescribe. */
export async function launchBrowser(): Promise<E2EBrowser> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: VIEWPORT,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());

  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (HARMLESS_CONSOLE_ERRORS.some((h) => h.matches(m))) return;
    problems.push(`console.error at ${m.location().url}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err.message}`));

  return {
    context,
    page,
    problems,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    },
  };
}

/** Empties a story's screenshot folder so a run's numbering is its own. */
export function resetScreenshots(folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync(folder)) if (f.endsWith('.png')) rmSync(path.join(folder, f));
}

/**
 * The page of `route` when it is the one on screen. Taro's H5 router keeps every page of the
 * stack in the DOM (`#app > .taro_page`, hidden ones marked `taro_page_shade`); a page that is
 * being left loses `taro_page_show` at once, and an arriving one gets `taro_page_stationed` when
 * its slide-in ends. Scoping every lookup to this root keeps hidden pages' text out of the way.
 */
export const screenOf = (page: Page, route: string): Locator =>
  page.locator(`#app > .taro_page.taro_page_show.taro_page_stationed:not(.taro_page_shade)[id^="${route}"]`);

/** Waits until `route` is the page on screen and returns its root. */
export async function arrive(page: Page, route: string): Promise<Locator> {
  const root = screenOf(page, route);
  await root.waitFor({ state: 'visible' });
  return root;
}

/**
 * Waits until the element's visible text is `expected` (after trimming), failing with the last
 * text seen, so a wrong state reads as "expected 已派单, saw 待派单" rather than a timeout.
 */
export async function expectText(locator: Locator, expected: string, timeout = STEP_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = '(element not found)';
  for (;;) {
    if ((await locator.count()) > 0) {
      seen = (await locator.first().innerText()).trim();
      if (seen === expected) return;
    }
    if (Date.now() > deadline) throw new Error(`expected ${locator} to read "${expected}", saw "${seen}"`);
    await locator.page().waitForTimeout(100);
  }
}

/**
 * Waits for the toast (Taro.showToast, ~1.5 s) to go, so it covers no screenshot. Its wrapper
 * `.taro__toast` has no box of its own (the bubble inside is position: fixed), so Playwright
 * would call it hidden while it shows; Taro sets the wrapper's display to none once it is gone.
 */
export async function waitForToastGone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((el) => el.style.display === 'none'),
  );
}

const shotNumbers = new Map<string, number>();

/**
 * A PNG of the whole page on screen, not only the viewport. A Taro H5 page is its own scroll
 * container (max-height 100vh), so a plain full-page capture would cut it at the viewport: the
 * viewport is made as tall as the page for the capture and restored after.
 */
export async function screenshot(page: Page, root: Locator, name: string, folder: string): Promise<string> {
  await waitForToastGone(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const height = await root.evaluate((el) => Math.ceil(el.scrollHeight));
  const shotNo = (shotNumbers.get(folder) ?? 0) + 1;
  shotNumbers.set(folder, shotNo);
  const file = path.join(folder, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  const tall = height > VIEWPORT.height;
  // Playwright scrolls whatever it must to reach what it taps, the page's ancestors included
  // (body's overflow: hidden does not stop a programmatic scroll): captured like that, the page
  // sits shifted under the navigation bar with a blank band above. The capture is taken from the
  // top, and every scroll position is put back afterwards.
  await root.evaluate((el) => {
    const saved: Array<[Element, number]> = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e.scrollTop !== 0) {
        saved.push([e, e.scrollTop]);
        e.scrollTop = 0;
      }
    }
    (window as unknown as { __e2eScroll?: typeof saved }).__e2eScroll = saved;
  });
  if (tall) await page.setViewportSize({ width: VIEWPORT.width, height });
  try {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    if (tall) await page.setViewportSize(VIEWPORT);
    await page.evaluate(() => {
      const w = window as unknown as { __e2eScroll?: Array<[Element, number]> };
      for (const [e, top] of w.__e2eScroll ?? []) e.scrollTop = top;
      delete w.__e2eScroll;
    });
  }
  return file;
}

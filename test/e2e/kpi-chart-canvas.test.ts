// The weapp chart draws with Canvas 2D (src/components/TrendChart/draw.ts); the H5 build shows the
// same layout as SVG, so the drawing code never runs in the app's browser story. Here it runs on a
// real Chromium canvas — the same 2D API as the mini-program's `<Canvas type='2d'>` node — at a
// device pixel ratio of 2, and its pixels are read back.
jest.setTimeout(60_000);

import path from 'node:path';
import { build } from 'esbuild';
import { CHART_COLORS, trendLayout, type TrendDatum } from '@/utils/chart';
import { launchBrowser, resetScreenshots, SCREENSHOT_DIR, type E2EBrowser } from './browser';

const SRC = path.resolve(__dirname, '../../src');
const SHOTS = path.join(SCREENSHOT_DIR, 'kpi-chart-canvas');
const SIZE = { width: 340, height: 190 };
const DPR = 2;
const DATA: TrendDatum[] = [
  { label: '11/3', count: 2, rate: 1 },
  { label: '11/10', count: 6, rate: 0.5 },
  { label: '11/17', count: 0, rate: null },
  { label: '11/24', count: 4, rate: 0.75 },
];

/** draw.ts and the layout as one script for the page (esbuild, resolving the `@/` alias). */
const bundle = async (): Promise<string> => {
  const out = await build({
    stdin: {
      contents: "export { drawTrend } from '@/components/TrendChart/draw'; export { trendLayout } from '@/utils/chart';",
      resolveDir: SRC,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'Chart',
    write: false,
    plugins: [
      {
        name: 'alias',
        setup(b) {
          b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: SRC, kind: args.kind }));
        },
      },
    ],
  });
  return out.outputFiles[0].text;
};

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

describe('the weapp chart renderer on a real canvas', () => {
  let browser: E2EBrowser;
  beforeAll(async () => {
    resetScreenshots(SHOTS);
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('draws the layout’s bars, line and target at the device’s pixel ratio, and nothing where the layout has nothing', async () => {
    const { page } = browser;
    await page.setContent('<canvas id="c"></canvas>');
    await page.addScriptTag({ content: await bundle() });
    const size = await page.evaluate(
      ({ data, size, dpr }) => {
        const canvas = document.getElementById('c') as HTMLCanvasElement;
        canvas.width = size.width * dpr;
        canvas.height = size.height * dpr;
        canvas.style.width = `${size.width}px`;
        const ctx = canvas.getContext('2d')!;
        ctx.scale(dpr, dpr);
        const { drawTrend, trendLayout } = (window as unknown as { Chart: typeof import('@/components/TrendChart/draw') & typeof import('@/utils/chart') }).Chart;
        drawTrend(ctx, trendLayout(data, size, 1));
        return [canvas.width, canvas.height];
      },
      { data: DATA, size: SIZE, dpr: DPR },
    );
    expect(size).toEqual([SIZE.width * DPR, SIZE.height * DPR]);
    await page.locator('#c').screenshot({ path: path.join(SHOTS, 'canvas-chart.png') });
    /** RGBA of the device pixels at these layout coordinates. */
    const pixels = (points: Array<[number, number]>): Promise<number[][]> =>
      page.evaluate(
        ({ points, dpr }) => {
          const ctx = (document.getElementById('c') as HTMLCanvasElement).getContext('2d')!;
          return points.map(([x, y]) => Array.from(ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data));
        },
        { points, dpr: DPR },
      );
    const at = async (x: number, y: number) => (await pixels([[x, y]]))[0];
    const near = (rgba: number[], colour: string) => rgba[3] > 200 && hex(colour).every((v, k) => Math.abs(v - rgba[k]) < 12);

    const l = trendLayout(DATA, SIZE, 1);
    // Each bar with tickets is filled in the bars' colour, in its middle (away from the line).
    for (const b of l.bars.filter((b) => b.height > 0)) expect(near(await at(b.x + 2, b.y + b.height - 2), CHART_COLORS.bar)).toBe(true);
    // Above a short bar, inside the plot and off every grid line, the canvas is untouched.
    const short = l.bars[0];
    expect((await at(short.x + 2, (short.y + l.plot.top) / 2 + 3))[3]).toBe(0);
    // The line's points, in the line's colour; the week without a rate has no point.
    for (const p of l.points) expect(near(await at(p.x, p.y), CHART_COLORS.line)).toBe(true);
    expect(l.points).toHaveLength(3);
    // The 100% target: a dashed line along the top of the plot, away from the points.
    const dashes = (await pixels(Array.from({ length: 40 }, (_, k) => [l.plot.left + 5 + k, l.targetY!]))).filter((c) => near(c, CHART_COLORS.target));
    expect(dashes.length).toBeGreaterThan(10);
    expect(dashes.length).toBeLessThan(40);
    // The names under the bars are drawn (some dark pixels in their band).
    const band = await pixels(Array.from({ length: 30 }, (_, k) => [l.xLabels[0].x - 15 + k, l.plot.bottom + 4 + l.fontSize / 2]));
    expect(band.some((c) => c[3] > 100)).toBe(true);
  });
});

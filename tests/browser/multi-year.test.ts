/**
 * The visualizer app (not only `crsim report`) shows a multi-year run sensibly (issue 13): an
 * N-street run folder written by the CLI, opened in the page, gives one stacked bar per year of
 * routing shares, the hourglass of load by layer (with the numbers of summary.json) and the
 * stations over the years with years on the axis, and no empty chart of the lockdown model it
 * does not have. Numbers are read from the charts' data
 * attributes, never from pixels. Runs in real headless Chromium (browser.ts says which).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, VIZ_DIST, type StaticServer } from '../../src/cli/static-server.js';
import { ARTIFACTS, CLI, launchChromium, ROOT, TSX } from './browser.js';


let server: StaticServer;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let tmp: string;
let runDir: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('npm', ['run', '--silent', 'build:viz'], { cwd: ROOT, stdio: 'pipe' });
  tmp = mkdtempSync(join(tmpdir(), 'crsim-multi-year-'));
  runDir = join(tmp, 'n-street');
  // N street 2012–2018 (paper 002), four compounds to keep it quick.
  execFileSync(TSX, [CLI, 'run', 'scenarios/n-street/reform-2012-2018.yaml', '--set', 'community.compounds=4', '--out', runDir, '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  server = await serveStatic(VIZ_DIST);
  ({ context, close: closeBrowser } = await launchChromium());
}, 180_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the visualizer app with a multi-year run folder (issue 13)', () => {
  it('draws routing shares by year and the hourglass of load by layer from an N-street run folder', async () => {
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}?autorun=0`);
    await page.locator('#run-files').setInputFiles(['timeseries.csv', 'summary.json', 'manifest.json'].map((f) => join(runDir, f)));
    await page.waitForFunction(() => document.body.dataset.runState === 'loaded');
    await page.waitForSelector('[data-chart="hourglass"] rect.bar', { timeout: 30_000 });

    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    // A run folder holds one replicate; the charts average over the replicates they are given.
    const replicates: any[] = [summary];
    const years = [...new Set(replicates.flatMap((s) => Object.keys(s.routing.byYear)))].filter((y) => replicates.some((s) => s.routing.byYear[y]?.issues > 0)).sort();
    // Years with issues through a station: from the first station in these four compounds (the
    // roll-out of 2013–2018) to 2018.
    expect(years.length).toBeGreaterThanOrEqual(4);
    expect(years[0] >= '2012').toBe(true);
    expect(years.at(-1)).toBe('2018');

    // One stacked bar per year, its shares summing to one, the station's share that of summary.json.
    const bars = await page.$$eval('[data-chart="routing"] rect.bar', (r) => r.map((x) => ({ year: x.getAttribute('data-year')!, key: x.getAttribute('data-key')!, value: Number(x.getAttribute('data-value')) })));
    expect([...new Set(bars.map((b) => b.year))]).toEqual(years);
    for (const y of years) {
      const ofYear = bars.filter((b) => b.year === y);
      expect(ofYear.map((b) => b.key).sort()).toEqual(['escalated', 'grid', 'station']);
      expect(ofYear.reduce((a, b) => a + b.value, 0)).toBeCloseTo(1, 9);
      const withIssues = replicates.filter((s) => s.routing.byYear[y]?.issues > 0);
      const station = withIssues.reduce((a, s) => a + s.routing.byYear[y].station, 0) / withIssues.length;
      expect(ofYear.find((b) => b.key === 'station')!.value).toBeCloseTo(station, 12);
    }
    // The year labels on the bars' axis.
    const labels = await page.$$eval('[data-chart="routing"] text', (t) => t.map((x) => x.textContent));
    for (const y of years) expect(labels).toContain(y);

    // The hourglass: one centred bar per layer, top to bottom as a task travels, each the mean load.
    const layers = await page.$$eval('[data-chart="hourglass"] rect.bar', (r) => r.map((x) => {
      const b = x.getBoundingClientRect();
      return { layer: x.getAttribute('data-layer')!, value: Number(x.getAttribute('data-value')), top: b.top, centre: b.left + b.width / 2 };
    }));
    expect(layers.map((l) => l.layer)).toEqual(['department', 'street', 'community', 'grid', 'compound']);
    for (let i = 0; i < layers.length; i++) {
      const mean = replicates.reduce((a, s) => a + s.load.byLayer[layers[i].layer], 0) / replicates.length;
      expect(layers[i].value).toBeCloseTo(mean, 12);
      expect(layers[i].centre).toBeCloseTo(layers[0].centre, 3);
      if (i > 0) expect(layers[i].top).toBeGreaterThan(layers[i - 1].top);
    }
    // Both cards are shown, with their export buttons; the lockdown model's Q(t) card, empty for
    // this run, is not.
    for (const id of ['card-routing', 'card-hourglass']) {
      expect(await page.locator(`#${id}`).isVisible()).toBe(true);
      expect(await page.locator(`#${id} .card-tools button`).count()).toBe(2);
    }
    expect(await page.locator('#card-q').isVisible()).toBe(false);
    expect(await page.locator('#card-network').isVisible()).toBe(false);
    // The stations over the run, years on the axis, 2012 to 2018.
    const ticks = await page.$$eval('[data-chart="stations"] .axis.x .tick text', (t) => t.map((x) => x.textContent));
    expect(ticks).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018']);
    await page.screenshot({ path: join(ARTIFACTS, 'app-multi-year.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

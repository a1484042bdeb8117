/**
 * The flame graph HTML in a real browser (Debian chromium driven by playwright-core): colours,
 * tooltip, zoom, search, XSS safety, no network, and load time of a large profile. Saves
 * docs/flamegraph.png for the README. Skipped (with a notice) when chromium is not installed.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileBuilder, type Profile } from '../src/profile/model.js';
import { matchShares, renderFlameGraphHtml } from '../src/report/flamegraph-html.js';
import { renderFlameGraphSvg } from '../src/report/flamegraph-svg.js';
import { buildFlameTree, fmtPp, fmtSigned, type FlameTree } from '../src/report/tree.js';
import { treeOfRun } from '../src/report/write-reports.js';
import { compareCaptures, DEFAULT_SETTINGS } from '../src/stats/compare.js';
import type { Comparison } from '../src/stats/types.js';
import { corpusDir, hasCorpus, repoRoot } from './helpers/corpus.js';
import {
  captureOf,
  cpuScenarioRun,
  fakeComparison,
  loadProfile,
  perturb,
  profileFrom,
  rng,
  type ScenarioRun,
} from './helpers/report.js';

const CHROMIUM = process.env.PROFILE_GATE_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `[skip] ${CHROMIUM} not found: browser tests of the flame graph are skipped (apt-get install -y chromium)`,
  );
}

const EVIL = '</script><img src=x onerror="window.__pwned=1">';

interface FrameBox {
  node: number;
  x: number;
  y: number;
  w: number;
  h: number;
  clientX: number;
  clientY: number;
  color: string;
  canvasWidth: number;
}

declare global {
  interface Window {
    profileGateFlame: {
      ready: boolean;
      nodes: number;
      functions: number;
      drawn: number;
      match: { frames: number; functions: number; canary: number; baseline: number } | null;
      timings: {
        parseMs: number;
        firstRenderMs: number;
        scriptMs: number;
        sinceNavigationMs: number;
      };
      find(name: string): FrameBox | null;
      focusName(): string;
    };
    __pwned?: number;
    /** Content-Security-Policy violations reported on the page: "directive blocked-uri". */
    __csp?: string[];
  }
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Pct as the page prints it. */
function pct(x: number): string {
  return `${Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)}%`;
}

describe.skipIf(!hasChromium)('flame graph HTML in chromium', () => {
  let dir = '';
  let ctx: BrowserContext;
  let page: Page;
  let sc: ScenarioRun;
  let tree: FlameTree;
  const external: string[] = [];
  const errors: string[] = [];
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-browser-'));
    sc = await cpuScenarioRun();
    tree = treeOfRun(sc.run);
    files.real = join(dir, 'flame.html');
    writeFileSync(
      files.real,
      renderFlameGraphHtml(tree, sc.run.comparison, {
        subtitle: `${sc.source} (${sc.stats} statistics)`,
      }),
    );
    files.svg = join(dir, 'flame.svg');
    writeFileSync(files.svg, renderFlameGraphSvg(tree, sc.run.comparison));
    // Hostile names.
    const rows = (k: number): [string[], number][] => [
      [['main', EVIL], 50 * k],
      [['main', 'ok'], 50],
    ];
    const b = [1, 2, 3].map((i) => captureOf(profileFrom(rows(1 + i / 100)), `b${i}`));
    const c = [1, 2, 3].map((i) => captureOf(profileFrom(rows(3 + i / 100)), `c${i}`));
    const evilRun = { comparison: fakeComparison(b, c), baseline: b, canary: c };
    files.evil = join(dir, 'evil.html');
    writeFileSync(
      files.evil,
      renderFlameGraphHtml(treeOfRun(evilRun), evilRun.comparison, { title: EVIL }),
    );

    ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pg-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 700 },
      deviceScaleFactor: 1,
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
    ctx.on('request', (r) => {
      if (!/^(file|data|about):/.test(r.url())) external.push(r.url());
    });
    // Injected by the browser before any page content, so not itself subject to the CSP.
    await ctx.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp!.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string): Promise<number> {
    const t0 = performance.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => window.profileGateFlame?.ready === true, undefined, {
      timeout: 30_000,
    });
    const ms = performance.now() - t0;
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    return ms;
  }

  /** Scrolls the widest frame of `name` into view and returns its box. */
  async function frame(name: string): Promise<FrameBox> {
    let box = await page.evaluate((n) => window.profileGateFlame.find(n), name);
    expect(box, `frame ${name} drawn`).not.toBeNull();
    if (box!.clientY < 150 || box!.clientY > 600) {
      await page.evaluate((y) => window.scrollBy(0, y), box!.clientY - 300);
      box = await page.evaluate((n) => window.profileGateFlame.find(n), name);
    }
    return box!;
  }

  it('shows the planted regression red and wide; the tooltip gives the delta and interval', async () => {
    const ms = await open(files.real);
    console.log(
      `[report-browser] ${sc.source}: ${tree.nodeCount} frames opened in ${ms.toFixed(0)} ms`,
    );
    const box = await frame(sc.planted);
    const self = sc.run.comparison.functions.find(
      (d) => d.function === sc.planted && d.metric === 'self',
    )!;
    expect(self.significant).toBe(true);
    // The colour the page chose, and the pixels it actually drew.
    const [r, g, b] = rgb(box.color);
    expect(r).toBeGreaterThan(g + 100);
    expect(r).toBeGreaterThan(b + 100);
    const px = await page.evaluate(
      ([x, y]) => {
        const c = document.getElementById('pg-canvas') as HTMLCanvasElement;
        return Array.from(c.getContext('2d')!.getImageData(x, y, 1, 1).data);
      },
      [Math.round(box.x + 2), Math.round(box.y + 2)],
    );
    expect(px[0]).toBeGreaterThan(px[1] + 100);
    expect(px[0]).toBeGreaterThan(px[2] + 100);
    // Wide: its width follows its canary share of the whole graph.
    const share = matchShares(tree, (n) => n === sc.planted).canary;
    expect(box.w).toBeGreaterThan(box.canvasWidth * 0.05);
    expect(box.w / box.canvasWidth).toBeGreaterThan((0.5 * share) / 100);

    await page.mouse.move(box.clientX + box.w / 2, box.clientY + box.h / 2);
    const tip = page.locator('#pg-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = (await tip.textContent()) ?? '';
    console.log(`[report-browser] tooltip: ${text.replace(/\s+/g, ' ')}`);
    expect(text).toContain(sc.planted);
    expect(text).toContain(
      `self: ${fmtPp(self.deltaPp)} [${fmtSigned(self.ciLowPp)}, ${fmtSigned(self.ciHighPp)}]`,
    );
    expect(text).toContain(self.status);
    expect(text).toMatch(/this frame: baseline [\d.]+% → canary [\d.]+%/);
    // docs/flamegraph.png (shown in the README) is only rewritten on request, so a test run
    // does not change a committed file; otherwise the screenshot goes to .tmp/.
    const shotDir = process.env.UPDATE_SCREENSHOTS
      ? join(repoRoot, 'docs')
      : join(repoRoot, '.tmp');
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, 'flamegraph.png') });
    expect(statSync(join(shotDir, 'flamegraph.png')).size).toBeGreaterThan(10_000);
  });

  it('click zooms the frame to the full width; Escape zooms out', async () => {
    const box = await frame(sc.planted);
    await page.mouse.click(box.clientX + box.w / 2, box.clientY + box.h / 2);
    const zoomed = await page.evaluate((n) => window.profileGateFlame.find(n), sc.planted);
    expect(zoomed!.x).toBeCloseTo(0, 3);
    expect(zoomed!.w).toBeCloseTo(zoomed!.canvasWidth, 3);
    expect(await page.evaluate(() => window.profileGateFlame.focusName())).toBe(sc.planted);
    expect(await page.locator('#pg-crumbs').textContent()).toContain(`› ${sc.planted}`);
    await page.keyboard.press('Escape');
    const back = await page.evaluate((n) => window.profileGateFlame.find(n), sc.planted);
    expect(back!.w).toBeCloseTo(box.w, 3);
    expect(await page.evaluate(() => window.profileGateFlame.focusName())).toBe('all');
  });

  it('search highlights matches and reports their count and share; reset clears it', async () => {
    const term = sc.planted.slice(sc.planted.lastIndexOf('.') + 1).toLowerCase();
    const want = matchShares(tree, (n) => n.toLowerCase().includes(term));
    await page.fill('#pg-search', term);
    await page.press('#pg-search', 'Enter');
    const status = page.locator('#pg-status');
    await expect.poll(() => status.textContent()).toMatch(/frames in/);
    const text = (await status.textContent())!;
    console.log(`[report-browser] search "${term}": ${text}`);
    expect(text).toContain(`${want.frames} frames in`);
    expect(text).toContain(`canary ${pct(want.canary)}, baseline ${pct(want.baseline)}`);
    const m = await page.evaluate(() => window.profileGateFlame.match);
    expect(m!.frames).toBe(want.frames);
    expect(m!.canary).toBeCloseTo(want.canary, 2);
    // Regex search and a no-match search.
    await page.fill('#pg-search', '/^nothing-matches-this$/');
    await page.press('#pg-search', 'Enter');
    await expect.poll(() => status.textContent()).toMatch(/^0 frames in 0 functions/);
    await page.click('#pg-reset');
    expect(await status.textContent()).toBe('');
    expect(await page.evaluate(() => window.profileGateFlame.match)).toBeNull();
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('width and colour switches: baseline widths, colour by total (cum) change', async () => {
    const canaryW = (await frame(sc.planted)).w;
    await page.selectOption('#pg-width', 'baseline');
    const baseW = (await page.evaluate((n) => window.profileGateFlame.find(n), sc.planted))!.w;
    const m = matchShares(tree, (n) => n === sc.planted);
    expect(baseW / canaryW).toBeCloseTo(m.baseline / m.canary, 1);
    await page.selectOption('#pg-width', 'canary');
    const cum = sc.run.comparison.functions.find(
      (d) => d.metric === 'cum' && d.significant && d.deltaPp > 0 && d.function !== sc.planted,
    );
    if (cum) {
      const before = (await page.evaluate((n) => window.profileGateFlame.find(n), cum.function))!;
      await page.selectOption('#pg-color', 'cum');
      const after = (await page.evaluate((n) => window.profileGateFlame.find(n), cum.function))!;
      const [r, g] = rgb(after.color);
      expect(r).toBeGreaterThan(g + 60);
      expect(after.color).not.toBe(before.color);
      await page.selectOption('#pg-color', 'self');
    }
    expect(errors).toEqual([]);
  });

  it('the CSP allows exactly the inline script and style: no violation, styles applied', async () => {
    await open(files.real);
    expect(
      await page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('header')!).position,
        swatch: getComputedStyle(document.querySelector('.legend .sw-ns')!).backgroundColor,
      })),
    ).toEqual({ header: 'sticky', swatch: 'rgb(200, 200, 200)' });
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    // The listener does see violations: a changed script or style is refused (in a second
    // tab, whose console errors are expected and not collected).
    const html = readFileSync(files.real, 'utf8');
    const tampered = join(dir, 'tampered.html');
    writeFileSync(tampered, html.replace('<script>', '<script>;').replace('<style>', '<style> '));
    const other = await ctx.newPage();
    try {
      await other.goto(pathToFileURL(tampered).href);
      await expect
        .poll(() => other.evaluate(() => window.__csp!.map((v) => v.split(' ')[0]).sort()))
        .toEqual(['script-src-elem', 'style-src-elem']);
      expect(await other.evaluate(() => window.profileGateFlame)).toBeUndefined();
    } finally {
      await other.close();
    }
    expect(errors).toEqual([]);
  });

  it('hostile function names stay text (no script runs, no element is created)', async () => {
    await open(files.evil);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toContain('</script>');
    const box = await frame(EVIL);
    await page.mouse.move(box.clientX + box.w / 2, box.clientY + box.h / 2);
    await expect.poll(() => page.locator('#pg-tip .name').textContent()).toBe(EVIL);
    await page.fill('#pg-search', '</script>');
    await page.press('#pg-search', 'Enter');
    await expect
      .poll(() => page.locator('#pg-status').textContent())
      .toMatch(/^1 frames in 1 functions/);
    expect(await page.locator('#pg-changes td').first().textContent()).toBe(EVIL);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stacks deeper than a canvas can be tall are cut, and reachable by zoom', async () => {
    const deep = Array.from({ length: 3000 }, (_, i) => `frame${i}`);
    const p = profileFrom([
      [deep, 10],
      [['frame0', 'short'], 10],
    ]);
    const file = join(dir, 'deep.html');
    writeFileSync(file, renderFlameGraphHtml(buildFlameTree([p], [p]), undefined));
    await open(file);
    const h = await page.evaluate(
      () => (document.getElementById('pg-canvas') as HTMLCanvasElement).height,
    );
    expect(h).toBeGreaterThan(10_000);
    expect(h).toBeLessThanOrEqual(32_767);
    expect(await page.locator('#pg-crumbs').textContent()).toMatch(
      /deeper than \d+ frames are cut/,
    );
    expect(await page.evaluate(() => window.profileGateFlame.find('frame2900'))).toBeNull();
    const box = await page.evaluate(() => window.profileGateFlame.find('frame1600'));
    await page.evaluate((y) => window.scrollBy(0, y), box!.clientY - 300);
    const b2 = (await page.evaluate(() => window.profileGateFlame.find('frame1600')))!;
    await page.mouse.click(b2.clientX + 5, b2.clientY + 5);
    expect(await page.evaluate(() => window.profileGateFlame.find('frame2900'))).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('the SVG is well-formed and shows the planted frame', async () => {
    await page.goto(pathToFileURL(files.svg).href);
    const root = await page.evaluate(() => document.documentElement.tagName);
    expect(root).toBe('svg');
    expect(await page.locator('parsererror').count()).toBe(0);
    expect(await page.locator('title', { hasText: sc.planted }).count()).toBeGreaterThan(0);
  });

  it.skipIf(!hasCorpus)(
    'large profiles load and stay usable (benchmark, logged)',
    async () => {
      // 1. The corpus heap profile (2405 functions): 3 vs 3 captures through the engine.
      const heap = loadProfile(
        join(corpusDir, 'pprof', 'grafana_pyroscope_pkg_pprof_testdata_heap'),
      );
      const alloc = heap.sampleTypes.findIndex((t) => t.type === 'alloc_space');
      const heapBase = [1, 2, 3].map((i) => captureOf(perturb(heap, i), `b${i}`, alloc));
      const heapCanary = [4, 5, 6].map((i) =>
        captureOf(
          perturb(heap, i, { plant: 'github.com/golang/snappy.Decode', factor: 3 }),
          `c${i}`,
          alloc,
        ),
      );
      const heapRun = {
        baseline: heapBase,
        canary: heapCanary,
        comparison: compareCaptures(heapBase, heapCanary, {
          ...DEFAULT_SETTINGS,
          bootstrap: 500,
          type: 'alloc_space',
        }),
      };
      // 2. A synthetic tree: 5000 functions, ~60k frames.
      const big = syntheticProfile(5000, 60_000, 99);
      const bigRun = {
        baseline: [1, 2, 3].map((i) => captureOf(perturb(big, i), `b${i}`)),
        canary: [4, 5, 6].map((i) => captureOf(perturb(big, i), `c${i}`)),
      };
      const bigComparison: Comparison = fakeComparison(bigRun.baseline, bigRun.canary);
      for (const [label, t, c] of [
        ['corpus heap (alloc_space)', treeOfRun(heapRun), heapRun.comparison],
        [
          'synthetic',
          buildFlameTree(
            bigRun.baseline.map((x) => x.profile!),
            bigRun.canary.map((x) => x.profile!),
          ),
          bigComparison,
        ],
      ] as const) {
        const file = join(dir, `large-${label.split(' ')[0]}.html`);
        const t0 = performance.now();
        const html = renderFlameGraphHtml(t, c);
        const renderMs = performance.now() - t0;
        writeFileSync(file, html);
        const wall = await open(file);
        const info = await page.evaluate(() => ({
          t: window.profileGateFlame.timings,
          drawn: window.profileGateFlame.drawn,
          nodes: window.profileGateFlame.nodes,
        }));
        // Interaction cost: a search over every frame, then a zoom and back.
        const s0 = performance.now();
        await page.fill('#pg-search', 'a');
        await page.press('#pg-search', 'Enter');
        await expect.poll(() => page.locator('#pg-status').textContent()).toMatch(/frames in/);
        const searchMs = performance.now() - s0;
        const z0 = performance.now();
        await page.click('#pg-reset');
        const resetMs = performance.now() - z0;
        console.log(
          `[report-browser] LOAD ${label}: ${t.names.length} functions, ${info.nodes} frames (${info.drawn} drawn), ` +
            `HTML ${(html.length / 1e6).toFixed(2)} MB rendered in ${renderMs.toFixed(0)} ms; ` +
            `browser: open->ready ${wall.toFixed(0)} ms wall, ${info.t.sinceNavigationMs.toFixed(0)} ms since navigation ` +
            `(JSON parse ${info.t.parseMs.toFixed(0)} ms, first draw ${info.t.firstRenderMs.toFixed(0)} ms); ` +
            `search ${searchMs.toFixed(0)} ms, reset ${resetMs.toFixed(0)} ms`,
        );
        expect(info.nodes).toBe(t.nodeCount);
        expect(info.drawn).toBeGreaterThan(10);
        expect(t.names.length).toBeGreaterThan(2000);
      }
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    },
    60_000,
  );
});

/** A random call tree of about `frames` nodes over `fns` functions, one sample per node. */
function syntheticProfile(fns: number, frames: number, seed: number): Profile {
  const r = rng(seed);
  const b = new ProfileBuilder([{ type: 'cpu', unit: 'nanoseconds' }]);
  const names = Array.from({ length: fns }, (_, i) => `github.com/acme/svc/pkg${i % 97}.Func${i}`);
  const ids = names.map((n) => b.fn(n));
  const parent = new Int32Array(frames);
  const fn = new Int32Array(frames);
  const depth = new Int32Array(frames);
  fn[0] = ids[0];
  parent[0] = -1;
  for (let i = 1; i < frames; i++) {
    // Prefer recent nodes as parents so the tree gets deep as well as wide.
    const p = r() < 0.7 ? Math.max(0, i - 1 - Math.floor(r() * 20)) : Math.floor(r() * i);
    parent[i] = depth[p] >= 60 ? 0 : p;
    depth[i] = depth[parent[i]] + 1;
    fn[i] = ids[Math.floor(r() ** 2 * fns)];
  }
  const stack: number[] = [];
  for (let i = 0; i < frames; i++) {
    stack.length = 0;
    for (let n = i; n >= 0; n = parent[n]) stack.push(fn[n]);
    b.add(stack, [Math.round(1e6 * (1 + 20 * r() ** 4))]);
  }
  return b.build({
    format: 'pprof',
    defaultSampleType: 0,
    period: 1e6,
    periodType: { type: 'cpu', unit: 'nanoseconds' },
    durationNanos: 10e9,
    timeNanos: 0,
    comments: [],
    warnings: [],
  });
}

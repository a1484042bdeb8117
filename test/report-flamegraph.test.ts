import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  escapeHtml,
  flameGraphData,
  matchShares,
  renderFlameGraphHtml,
} from '../src/report/flamegraph-html.js';
import { escapeXml, fitLabel, renderFlameGraphSvg } from '../src/report/flamegraph-svg.js';
import { buildFlameTree, walkTree, type FlameTree } from '../src/report/tree.js';
import { treeOfRun } from '../src/report/write-reports.js';
import {
  captureOf,
  cpuScenarioRun,
  fakeComparison,
  profileFrom,
  type ScenarioRun,
} from './helpers/report.js';

export const EVIL = '</script><img src=x onerror="window.__pwned=1">&amp;<!--';

let sc: ScenarioRun;
let tree: FlameTree;
beforeAll(async () => {
  sc = await cpuScenarioRun();
  tree = treeOfRun(sc.run);
  console.log(
    `[report-flamegraph] ${sc.source} (${sc.stats} statistics): ${tree.nodeCount} frames, ${tree.names.length} functions`,
  );
});

function dataBlock(html: string): string {
  const m = /<script type="application\/json" id="pg-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return m[1];
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function evilRun() {
  const rows: [string[], number][] = [
    [['main', EVIL], 50],
    [['main', 'ok\u2028line'], 30],
    [['main', 'other'], 20],
  ];
  const b = [1, 2, 3].map((i) => captureOf(profileFrom(rows.map(([s, v]) => [s, v + i])), `b${i}`));
  const c = [1, 2, 3].map((i) =>
    captureOf(profileFrom(rows.map(([s, v]) => [s, s[1] === EVIL ? v * 3 + i : v])), `c${i}`),
  );
  return { comparison: fakeComparison(b, c), baseline: b, canary: c };
}

describe('flame graph HTML (static checks)', () => {
  it('is self-contained: no URL outside the data, nothing loaded from anywhere', () => {
    const html = renderFlameGraphHtml(tree, sc.run.comparison);
    const outside = html.replace(dataBlock(html), '');
    expect(outside).not.toMatch(/https?:\/\//i);
    expect(outside).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(outside).not.toMatch(/\bsrc\s*=|@import|url\(/i);
    // Exactly the inline script the CSP allows, by hash.
    const scripts = [...outside.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0][1], 'utf8').digest('base64');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash}';`,
    );
  });

  it('title carries the verdict; data is the tree in pre-order', () => {
    const html = renderFlameGraphHtml(tree, sc.run.comparison, { title: 'shop <api>' });
    expect(html).toContain(`<title>shop &lt;api&gt;: ${sc.run.comparison.verdict.toUpperCase()}`);
    expect(html).toContain(`class="verdict ${sc.run.comparison.verdict}"`);
    const data = JSON.parse(dataBlock(html)) as {
      fn: number[];
      depth: number[];
      names: string[];
      cs: number[];
    };
    expect(data.fn).toHaveLength(tree.nodeCount);
    expect(data.depth[0]).toBe(0);
    expect(data.names[data.fn[0]]).toBe('all');
    const depths: number[] = [];
    walkTree(tree.root, (n) => void depths.push(n.depth));
    expect(data.depth).toEqual(depths);
    expect(data.cs[0]).toBe(100);
  });

  it('colours the planted function red in the data (self test significant growth)', () => {
    const data = flameGraphData(tree, sc.run.comparison) as {
      names: string[];
      colorSelf: string[];
    };
    const i = data.names.indexOf(sc.planted);
    expect(i).toBeGreaterThanOrEqual(0);
    const [r, g, b] = rgb(data.colorSelf[i]);
    expect(r).toBeGreaterThan(g + 100);
    expect(r).toBeGreaterThan(b + 100);
  });

  it('escapes hostile names (no markup, no script end, JSON intact)', () => {
    const run = evilRun();
    const t = treeOfRun(run);
    const html = renderFlameGraphHtml(t, run.comparison, { title: EVIL, subtitle: EVIL });
    expect(html).not.toContain('</script><img');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('\u2028');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the data block and the page script
    expect(html).toContain(escapeHtml(EVIL));
    const data = JSON.parse(dataBlock(html)) as { names: string[] };
    expect(data.names).toContain(EVIL);
    expect(data.names).toContain('ok\u2028line');
  });

  it('matchShares counts frames and top-most shares', () => {
    const m = matchShares(tree, (n) => n === sc.planted);
    expect(m.frames).toBeGreaterThan(0);
    const d = sc.run.comparison.functions.find(
      (x) => x.function === sc.planted && x.metric === 'cum',
    )!;
    // The tree's cum share (no double counting under recursion) is the engine's cum share.
    expect(m.canary).toBeCloseTo(d.canaryShare, 6);
    expect(m.baseline).toBeCloseTo(d.baselineShare, 6);
  });
});

describe('flame graph SVG', () => {
  it('draws the planted function red and wide, with a hover title', () => {
    const svg = renderFlameGraphSvg(tree, sc.run.comparison);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const esc = escapeXml(sc.planted);
    const frames = [
      ...svg.matchAll(
        /<g><title>([^<]*)<\/title><rect x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="\d+" fill="(#[0-9a-f]{6})"\/>/g,
      ),
    ].filter((m) => m[1].split('\n')[0] === esc);
    expect(frames.length).toBeGreaterThan(0);
    const widest = frames.reduce((a, b) => (Number(b[4]) > Number(a[4]) ? b : a));
    const [r, g, b] = rgb(widest[5]);
    expect(r).toBeGreaterThan(g + 100);
    expect(r).toBeGreaterThan(b + 100);
    expect(Number(widest[4])).toBeGreaterThan(1200 * 0.05);
    const d = sc.run.comparison.functions.find(
      (x) => x.function === sc.planted && x.metric === 'self',
    )!;
    expect(widest[1]).toContain(
      `function self: ${d.deltaPp > 0 ? '+' : ''}${d.deltaPp.toFixed(2)}pp`,
    );
    expect(svg).toContain(sc.run.comparison.verdict.toUpperCase());
    expect(svg).not.toMatch(/<script/i);
  });

  it('escapes names and prunes narrow frames', () => {
    const run = evilRun();
    const t = treeOfRun(run);
    const svg = renderFlameGraphSvg(t, run.comparison, { title: EVIL });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;');
    expect(escapeXml('a\u0000b\ud800c')).toBe('a\ufffdb\ufffdc');
    const all = renderFlameGraphSvg(tree, undefined, { minFramePx: 0 });
    const pruned = renderFlameGraphSvg(tree, undefined, { minFramePx: 5 });
    const count = (s: string) => (s.match(/<g>/g) ?? []).length;
    expect(count(all)).toBe(tree.nodeCount);
    expect(count(pruned)).toBeLessThan(count(all));
    expect(count(pruned)).toBeGreaterThan(0);
  });

  it('fitLabel: full name, then the part after the last slash, then an ellipsis', () => {
    expect(fitLabel('github.com/a/pkg.F', 200, 7)).toBe('github.com/a/pkg.F');
    expect(fitLabel('github.com/a/pkg.F', 50, 7)).toBe('pkg.F');
    expect(fitLabel('github.com/a/pkg.Function', 50, 7)).toBe('pkg.Fu…');
    expect(fitLabel('abc', 14, 7)).toBe('');
  });

  it('falls back to the baseline width when the canary is empty', () => {
    const p = profileFrom([['main;a', 10]]);
    const empty = profileFrom([['main;a', 0]]);
    const t = buildFlameTree([p], [empty]);
    expect(renderFlameGraphSvg(t, undefined)).toContain('width = baseline share');
  });
});

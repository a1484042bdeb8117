/**
 * Differential flame graph as one self-contained HTML file: inline CSS, inline script and the
 * tree as inline JSON. No network at all (a Content-Security-Policy forbids every fetch and
 * allows only this script, by hash), so it works offline when downloaded from the artifact.
 *
 * Layout: icicle (root on top). Frame width = canary share (switchable to baseline), colour =
 * the statistics result of the frame's function (red grew, blue shrank, intensity by size,
 * grey not significant, pale grey not tested). Drawn on a canvas; frames narrower than 0.1px
 * are pruned with their subtrees at draw time (the data keeps them), so tens of thousands of
 * nodes stay interactive. Hover: tooltip; click: zoom; search box; Escape/reset: unzoom.
 *
 * Names never become markup: the data is JSON with `<`, `>`, `&` escaped inside a
 * non-executed script element, and the page script only uses textContent and canvas text.
 *
 * The page's script and styles live in ./flamegraph-page/ (page.ts, page.css; the data
 * contract in data.ts); `npm run build:page` minifies them into generated.ts with their CSP
 * hashes, so nothing is hashed at run time.
 */
import type { Comparison, FunctionDelta } from '../stats/types.js';
import { safeJsonText } from '../util/safe-text.js';
import type {
  ChangeRow,
  FlameGraphData,
  FunctionTestsRow,
  TestRow,
} from './flamegraph-page/data.js';
import {
  PAGE_SCRIPT,
  PAGE_SCRIPT_HASH,
  PAGE_STYLE,
  PAGE_STYLE_HASH,
} from './flamegraph-page/generated.js';
import {
  colorScale,
  frameColor,
  indexDeltas,
  walkTree,
  type FlameTree,
  type FunctionTests,
} from './tree.js';

export interface FlameGraphHtmlOptions {
  /** Page title; default "profile-gate". */
  title?: string;
  /** Extra line under the title (e.g. commit, run). */
  subtitle?: string;
  /** Initial frame width: canary share (default) or baseline share. */
  width?: 'canary' | 'baseline';
  /** Initial colouring: by the self-share test (default) or the cumulative-share test. */
  colorBy?: 'self' | 'cum';
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`, no line separators). */
export function jsonForScript(value: unknown): string {
  // (safeJsonText: C1 controls, direction overrides and the like as \u escapes too)
  return safeJsonText(JSON.stringify(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const r6 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(6)));

function testRow(d: FunctionDelta): TestRow {
  return [
    r6(d.baselineShare),
    r6(d.canaryShare),
    r6(d.deltaPp),
    r6(d.ciLowPp),
    r6(d.ciHighPp),
    r6(d.pValue),
    d.status,
    d.significant ? 1 : 0,
  ];
}

/** The page's data: the tree flattened in pre-order, plus per-function colours and tests. */
export function flameGraphData(
  tree: FlameTree,
  comparison: Comparison | undefined,
  opts: FlameGraphHtmlOptions = {},
): FlameGraphData {
  const tests = indexDeltas(comparison);
  const scaleSelf = colorScale(comparison, 'self');
  const scaleCum = colorScale(comparison, 'cum');
  const depth: number[] = [];
  const fn: number[] = [];
  const bs: number[] = [];
  const cs: number[] = [];
  const bv: number[] = [];
  const cv: number[] = [];
  walkTree(tree.root, (n) => {
    depth.push(n.depth);
    fn.push(n.fn);
    bs.push(r6(n.baselineShare));
    cs.push(r6(n.canaryShare));
    bv.push(n.baseline);
    cv.push(n.canary);
  });
  const names = [...tree.names, 'all'];
  const rootFn = names.length - 1;
  for (let i = 0; i < fn.length; i++) if (fn[i] < 0) fn[i] = rootFn;
  const colorSelf: string[] = [];
  const colorCum: string[] = [];
  const testList: FunctionTestsRow[] = [];
  names.forEach((name, i) => {
    const t: FunctionTests = i === rootFn ? {} : (tests.get(name) ?? {});
    colorSelf.push(i === rootFn ? '#d8d8d8' : frameColor(name, t.self, scaleSelf));
    colorCum.push(i === rootFn ? '#d8d8d8' : frameColor(name, t.cum, scaleCum));
    if (t.self || t.cum) {
      testList.push([i, t.self ? testRow(t.self) : null, t.cum ? testRow(t.cum) : null]);
    }
  });
  // Tested functions absent from the tree (a vanished function has no canary frame; show it in the list).
  const inTree = new Set(tree.names);
  const changes: ChangeRow[] = [];
  if (comparison) {
    const sig = comparison.functions.filter(
      (d) => d.significant && d.status !== 'ignored' && d.status !== 'unchanged',
    );
    sig.sort(
      (a, b) =>
        (b.status === 'regression' ? 1 : 0) - (a.status === 'regression' ? 1 : 0) ||
        Math.abs(b.deltaPp) - Math.abs(a.deltaPp),
    );
    for (const d of sig.slice(0, 40)) {
      changes.push([
        d.function,
        d.metric,
        r6(d.baselineShare),
        r6(d.canaryShare),
        r6(d.deltaPp),
        r6(d.ciLowPp),
        r6(d.ciHighPp),
        d.status + (inTree.has(d.function) ? '' : ' (not in the call tree)'),
      ]);
    }
  }
  return {
    v: 1,
    title: opts.title ?? 'profile-gate',
    subtitle: opts.subtitle ?? '',
    verdict: comparison?.verdict ?? '',
    type: tree.type.type,
    unit: tree.type.unit,
    captures: [tree.baselineCaptures, tree.canaryCaptures],
    totals: [tree.baselineTotal, tree.canaryTotal],
    confidence: comparison?.settings.confidence ?? 0,
    width: opts.width ?? 'canary',
    colorBy: opts.colorBy ?? 'self',
    names,
    colorSelf,
    colorCum,
    tests: testList,
    changes,
    depth,
    fn,
    bs,
    cs,
    bv,
    cv,
  };
}

/** The whole page. */
export function renderFlameGraphHtml(
  tree: FlameTree,
  comparison: Comparison | undefined,
  opts: FlameGraphHtmlOptions = {},
): string {
  const data = flameGraphData(tree, comparison, opts);
  const title = opts.title ?? 'profile-gate';
  const verdict = comparison?.verdict;
  // Only the page's own inline script and style may run or apply (so also no style attributes).
  const csp = `default-src 'none'; script-src ${PAGE_SCRIPT_HASH}; style-src ${PAGE_STYLE_HASH}`;
  const sub = [
    `${tree.type.type || 'value'}${tree.type.unit ? ` (${tree.type.unit})` : ''}`,
    `${tree.baselineCaptures} baseline vs ${tree.canaryCaptures} canary capture${tree.canaryCaptures === 1 ? '' : 's'}`,
    comparison
      ? `${comparison.regressions.length} regression${comparison.regressions.length === 1 ? '' : 's'}, ${comparison.grew.length} grew, ${comparison.improvements.length} improvement${comparison.improvements.length === 1 ? '' : 's'}`
      : 'no statistics attached',
    `${tree.nodeCount} frames, ${tree.names.length} functions`,
  ].join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}${verdict ? `: ${verdict.toUpperCase()}` : ''} · differential flame graph</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)} <span class="verdict ${verdict ?? 'none'}">${verdict ? verdict.toUpperCase() : 'NO VERDICT'}</span></h1>
<p class="sub">${escapeHtml(sub)}${opts.subtitle ? `<br>${escapeHtml(opts.subtitle)}` : ''}</p>
<div class="controls">
<input id="pg-search" type="search" placeholder="Search functions (text, /regex/, =exact)" aria-label="Search functions">
<button id="pg-reset" type="button">Reset</button>
<label>Width <select id="pg-width"><option value="canary">canary</option><option value="baseline">baseline</option></select></label>
<label>Colour <select id="pg-color"><option value="self">self change</option><option value="cum">total change</option></select></label>
<span class="legend"><span>shrank</span><span class="bar"></span><span>grew</span> <span class="sw sw-ns"></span> not significant <span class="sw sw-nt"></span> not tested</span>
<span id="pg-status" aria-live="polite"></span>
</div>
</header>
<main>
<div id="pg-crumbs"></div>
<div id="pg-wrap"><canvas id="pg-canvas" aria-label="differential flame graph"></canvas></div>
<div id="pg-tip" role="tooltip"></div>
<h2>Significant changes</h2>
<p class="note">Shares are in percent of each side's total (values and totals summed over the side's captures); deltas in percentage points with the simultaneous confidence interval. Frame width = share of the chosen side; frames narrower than 0.1px are hidden until you zoom. Click a row to highlight the function.</p>
<table><thead><tr><th>function</th><th>metric</th><th>baseline</th><th>canary</th><th>delta [interval]</th><th>status</th></tr></thead><tbody id="pg-changes"></tbody></table>
<p class="note" id="pg-changes-note"></p>
</main>
<script type="application/json" id="pg-data">${jsonForScript(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** Frames of the tree a name search would match (for tests and the CLI): count and shares. */
export function matchShares(
  tree: FlameTree,
  test: (name: string) => boolean,
): { frames: number; canary: number; baseline: number } {
  let frames = 0;
  walkTree(tree.root, (n) => {
    if (n.fn >= 0 && test(n.name)) frames++;
  });
  let canary = 0;
  let baseline = 0;
  walkTree(tree.root, (n) => {
    if (n.fn >= 0 && test(n.name)) {
      canary += n.canaryShare;
      baseline += n.baselineShare;
      return false;
    }
  });
  return { frames, canary, baseline };
}

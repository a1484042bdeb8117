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
 */
import { createHash } from 'node:crypto';
import type { Comparison, FunctionDelta } from '../stats/types.js';
import type {
  ChangeRow,
  FlameGraphData,
  FunctionTestsRow,
  TestRow,
} from './flamegraph-page/data.js';
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
  return JSON.stringify(value)
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

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d0d7de;padding:8px 12px}
h1{font-size:18px;margin:0 0 2px}
h1 .verdict{padding:1px 8px;border-radius:10px;color:#fff;font-size:14px;vertical-align:2px}
.fail{background:#cf222e}.pass{background:#1a7f37}.none{background:#6e7781}
.sub{color:#57606a;margin:0 0 6px}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.controls input[type=search]{width:260px;padding:3px 6px;font:inherit;border:1px solid #8c959f;border-radius:4px}
.controls button,.controls select{font:inherit;padding:2px 8px;border:1px solid #8c959f;border-radius:4px;background:#f6f8fa;cursor:pointer}
#pg-status{color:#57606a}
.legend{display:flex;align-items:center;gap:6px;color:#57606a}
.legend .bar{width:160px;height:10px;border-radius:2px;background:linear-gradient(90deg,#1c4ec8,#bed0fa,#c4c4c4,#fcc4ba,#c81818)}
.legend .sw{display:inline-block;width:12px;height:10px;border-radius:2px;vertical-align:-1px}
main{padding:6px 12px 24px}
#pg-crumbs{min-height:18px;color:#57606a;font-size:12px;margin-bottom:4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#pg-wrap{position:relative;width:100%}
canvas{display:block;cursor:pointer}
#pg-tip{position:fixed;z-index:5;display:none;max-width:560px;pointer-events:none;background:#fff;border:1px solid #8c959f;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.18);padding:6px 9px;font-size:12px}
#pg-tip .name{font:600 12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all;margin-bottom:3px}
#pg-tip .row{white-space:nowrap}
#pg-tip .grew{color:#cf222e;font-weight:600}#pg-tip .shrank{color:#0550ae;font-weight:600}
h2{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;font-size:12px}
td,th{border-bottom:1px solid #d8dee4;padding:3px 8px;text-align:right;white-space:nowrap}
td:first-child,th:first-child{text-align:left;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:normal;word-break:break-all;max-width:640px}
tbody tr{cursor:pointer}tbody tr:hover{background:#f6f8fa}
.note{color:#57606a;font-size:12px}
`;

// The page script. Plain ES2017, no external references. Kept free of `</` sequences.
const SCRIPT = String.raw`(function () {
'use strict';
var T0 = performance.now();
var D = JSON.parse(document.getElementById('pg-data').textContent);
var T1 = performance.now();
var N = D.fn.length, depth = D.depth, fnOf = D.fn, BS = D.bs, CS = D.cs, BV = D.bv, CV = D.cv;
var names = D.names, nFn = names.length;
var ROW = 18, PAD = 3, MIN_PX = 0.1, MAX_ROWS = Math.floor(30000 / 18);
var end = new Int32Array(N), parent = new Int32Array(N), maxDepth = 0;
(function () {
  var st = [];
  for (var i = 0; i < N; i++) {
    while (st.length && depth[st[st.length - 1]] >= depth[i]) end[st.pop()] = i;
    parent[i] = st.length ? st[st.length - 1] : -1;
    st.push(i);
    if (depth[i] > maxDepth) maxDepth = depth[i];
  }
  while (st.length) end[st.pop()] = N;
})();
var tests = {};
D.tests.forEach(function (t) { tests[t[0]] = { self: t[1], cum: t[2] }; });
var basis = D.width === 'baseline' ? 'baseline' : 'canary';
var colorBy = D.colorBy === 'cum' ? 'cum' : 'self';
var X = new Float64Array(N), focus = 0;
function widths() { return basis === 'canary' ? CS : BS; }
function layout() {
  var w = widths(), next = new Float64Array(N);
  X[0] = 0;
  for (var i = 1; i < N; i++) { var p = parent[i]; X[i] = X[p] + next[p]; next[p] += w[i]; }
}
layout();
var textColor = {};
function inkFor(hex) {
  var c = textColor[hex];
  if (c) return c;
  var r = parseInt(hex.substr(1, 2), 16), g = parseInt(hex.substr(3, 2), 16), b = parseInt(hex.substr(5, 2), 16);
  c = (0.299 * r + 0.587 * g + 0.114 * b) < 140 ? '#fff' : '#111';
  textColor[hex] = c;
  return c;
}
function colors() { return colorBy === 'cum' ? D.colorCum : D.colorSelf; }

var canvas = document.getElementById('pg-canvas'), ctx = canvas.getContext('2d');
var wrap = document.getElementById('pg-wrap'), tip = document.getElementById('pg-tip');
var statusEl = document.getElementById('pg-status'), crumbs = document.getElementById('pg-crumbs');
var search = document.getElementById('pg-search');
var FONT = '12px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace';
var charW = 7;
var match = null, matchCount = 0;
// Drawn rectangles (pixel space), row-major: per depth a run of rects sorted by x.
var rNode = new Int32Array(1024), rX = new Float64Array(1024), rW = new Float64Array(1024), nR = 0;
var rowStart = [], rowEnd = [], cssW = 0, drawnRows = 0, firstRow = 0;
function pushRect(i, x, w) {
  if (nR === rNode.length) {
    var a = new Int32Array(nR * 2); a.set(rNode); rNode = a;
    var b = new Float64Array(nR * 2); b.set(rX); rX = b;
    var c = new Float64Array(nR * 2); c.set(rW); rW = c;
  }
  rNode[nR] = i; rX[nR] = x; rW[nR] = w; nR++;
}
function fit(name, px) {
  var max = Math.floor((px - 2 * PAD) / charW);
  if (max < 3) return '';
  if (name.length <= max) return name;
  var s = name.lastIndexOf('/');
  var short = s >= 0 && s < name.length - 1 ? name.slice(s + 1) : name;
  if (short.length <= max) return short;
  return short.slice(0, max - 1) + '\u2026';
}
function render() {
  var w = widths();
  if (!(w[focus] > 0)) focus = 0;
  cssW = Math.max(200, wrap.clientWidth);
  var fx = X[focus], fw = w[focus] > 0 ? w[focus] : 1, scale = cssW / fw;
  // Collect: ancestors of the focus full width, then the focus subtree, pruning narrow subtrees.
  nR = 0;
  var anc = [];
  for (var a = parent[focus]; a >= 0; a = parent[a]) anc.push(a);
  var deepest = depth[focus];
  var byDepth = [];
  for (var i = focus, e = end[focus]; i < e; ) {
    var px = w[i] * scale;
    if (px < MIN_PX) { i = end[i]; continue; }
    var d = depth[i];
    if (d > deepest) deepest = d;
    (byDepth[d] || (byDepth[d] = [])).push(i);
    i++;
  }
  // Browsers refuse canvases taller than ~32k px. When the view is deeper than MAX_ROWS, the
  // outer ancestors of a zoomed frame are left out (the breadcrumbs still name them) and what
  // is still deeper waits for a further zoom.
  firstRow = deepest + 1 > MAX_ROWS ? Math.max(0, Math.min(depth[focus] - 4, deepest + 1 - MAX_ROWS)) : 0;
  var clipped = deepest + 1 - firstRow > MAX_ROWS;
  drawnRows = Math.min(deepest + 1 - firstRow, MAX_ROWS);
  rowStart = new Array(drawnRows); rowEnd = new Array(drawnRows);
  for (var r = 0; r < drawnRows; r++) {
    var dr = r + firstRow;
    rowStart[r] = nR;
    if (dr < depth[focus]) { pushRect(anc[anc.length - 1 - dr], 0, cssW); }
    else {
      var list = byDepth[dr] || [];
      for (var j = 0; j < list.length; j++) { var n = list[j]; pushRect(n, (X[n] - fx) * scale, w[n] * scale); }
    }
    rowEnd[r] = nR;
  }
  var dpr = window.devicePixelRatio || 1, cssH = drawnRows * ROW + 2;
  canvas.style.width = cssW + 'px'; canvas.style.height = cssH + 'px';
  canvas.width = Math.round(cssW * dpr); canvas.height = Math.round(cssH * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  ctx.font = FONT; ctx.textBaseline = 'middle';
  charW = ctx.measureText('mmmmmmmmmm').width / 10 || 7;
  var col = colors();
  for (var r2 = 0; r2 < drawnRows; r2++) {
    var y = r2 * ROW;
    for (var q = rowStart[r2]; q < rowEnd[r2]; q++) {
      var node = rNode[q], x = rX[q], ww = rW[q], f = fnOf[node], c = col[f];
      var dim = r2 + firstRow < depth[focus] || (match && !match[f]);
      ctx.globalAlpha = dim ? 0.35 : 1;
      ctx.fillStyle = c;
      ctx.fillRect(x, y, ww > 1.5 ? ww - 0.5 : ww, ROW - 1);
      if (match && match[f]) {
        ctx.globalAlpha = 1; ctx.strokeStyle = '#8250df'; ctx.lineWidth = 2;
        if (ww > 3) ctx.strokeRect(x + 1, y + 1, ww - 2.5, ROW - 3);
      }
      if (ww > 3 * charW + 2 * PAD) {
        var label = fit(names[f], ww);
        if (label) { ctx.fillStyle = inkFor(c); ctx.fillText(label, x + PAD, y + ROW / 2); }
      }
    }
  }
  ctx.globalAlpha = 1;
  var path = [];
  for (var p2 = focus; p2 >= 0; p2 = parent[p2]) path.push(names[fnOf[p2]]);
  crumbs.textContent = (focus === 0 ? 'Click a frame to zoom; Escape or Reset to zoom out.' : 'Zoomed: ' + path.reverse().join(' \u203a ')) +
    (firstRow ? ' (' + firstRow + ' outer frames not drawn)' : '') +
    (clipped ? ' (stacks deeper than ' + MAX_ROWS + ' frames are cut here: click a deep frame to zoom)' : '');
  api.drawn = nR;
}
function hit(mx, my) {
  var r = Math.floor(my / ROW);
  if (r < 0 || r >= drawnRows) return -1;
  var lo = rowStart[r], hi = rowEnd[r] - 1;
  while (lo <= hi) {
    var mid = (lo + hi) >> 1;
    if (rX[mid] > mx) hi = mid - 1;
    else if (rX[mid] + rW[mid] < mx) lo = mid + 1;
    else return mid;
  }
  return -1;
}
function pct(x) { return (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)) + '%'; }
function signed(x) { var v = Math.abs(x) < 0.005 ? 0 : x; return (v > 0 ? '+' : v < 0 ? '-' : '') + Math.abs(v).toFixed(2); }
var TIME = { nanoseconds: 1, ns: 1, microseconds: 1e3, us: 1e3, milliseconds: 1e6, ms: 1e6, seconds: 1e9, s: 1e9 };
function fmtValue(v) {
  var u = (D.unit || '').toLowerCase();
  function n(x, s) { var d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2; return x.toFixed(d) + s; }
  if (TIME[u]) {
    var ns = v * TIME[u], a = Math.abs(ns);
    return a >= 1e9 ? n(ns / 1e9, 's') : a >= 1e6 ? n(ns / 1e6, 'ms') : a >= 1e3 ? n(ns / 1e3, 'us') : n(ns, 'ns');
  }
  if (u === 'bytes') {
    var b = Math.abs(v);
    return b >= 1073741824 ? n(v / 1073741824, 'GB') : b >= 1048576 ? n(v / 1048576, 'MB') : b >= 1024 ? n(v / 1024, 'kB') : v + 'B';
  }
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
function selfOf(i, s) {
  var v = s[i];
  for (var c = i + 1, e = end[i]; c < e; c = end[c]) v -= s[c];
  return Math.max(0, v);
}
function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
function testLine(label, t) {
  var row = el('div', 'row');
  if (!t) { row.textContent = label + ': not tested (below the minimum share)'; return row; }
  row.appendChild(document.createTextNode(label + ': '));
  var cls = t[7] && t[6] !== 'unchanged' && t[6] !== 'ignored' ? (t[2] > 0 ? 'grew' : 'shrank') : '';
  row.appendChild(el('span', cls, signed(t[2]) + 'pp [' + signed(t[3]) + ', ' + signed(t[4]) + ']'));
  row.appendChild(document.createTextNode(' ' + pct(t[0]) + ' \u2192 ' + pct(t[1]) + ' \u00b7 ' + t[6] + ' (p' + (t[5] < 0.001 ? '<0.001' : '=' + t[5].toFixed(3)) + ')'));
  return row;
}
function showTip(q, cx, cy) {
  var i = rNode[q], f = fnOf[i];
  tip.textContent = '';
  tip.appendChild(el('div', 'name', names[f]));
  var dn = CS[i] - BS[i];
  var line = el('div', 'row');
  line.appendChild(document.createTextNode('this frame: baseline ' + pct(BS[i]) + ' \u2192 canary ' + pct(CS[i]) + ' '));
  line.appendChild(el('span', Math.abs(dn) >= 0.005 ? (dn > 0 ? 'grew' : 'shrank') : '', signed(dn) + 'pp'));
  tip.appendChild(line);
  var sb = selfOf(i, BS), sc = selfOf(i, CS);
  tip.appendChild(el('div', 'row', 'self in this frame: baseline ' + pct(sb) + ' \u2192 canary ' + pct(sc) + ' (' + signed(sc - sb) + 'pp)'));
  tip.appendChild(el('div', 'row', 'value: baseline ' + fmtValue(BV[i]) + ' (' + D.captures[0] + ' captures) \u00b7 canary ' + fmtValue(CV[i]) + ' (' + D.captures[1] + ' captures)'));
  if (i !== 0) {
    var t = tests[f] || {};
    tip.appendChild(el('div', 'row', 'function, all call paths (' + Math.round(D.confidence * 100) + '% interval):'));
    tip.appendChild(testLine('  self', t.self));
    tip.appendChild(testLine('  total', t.cum));
  }
  tip.style.display = 'block';
  var tw = tip.offsetWidth, th = tip.offsetHeight;
  var x = cx + 14, y = cy + 14;
  if (x + tw > window.innerWidth - 4) x = Math.max(4, cx - tw - 14);
  if (y + th > window.innerHeight - 4) y = Math.max(4, cy - th - 14);
  tip.style.left = x + 'px'; tip.style.top = y + 'px';
}
canvas.addEventListener('mousemove', function (ev) {
  var b = canvas.getBoundingClientRect(), q = hit(ev.clientX - b.left, ev.clientY - b.top);
  if (q < 0) { tip.style.display = 'none'; return; }
  showTip(q, ev.clientX, ev.clientY);
});
canvas.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
canvas.addEventListener('click', function (ev) {
  var b = canvas.getBoundingClientRect(), q = hit(ev.clientX - b.left, ev.clientY - b.top);
  if (q < 0) return;
  zoom(rNode[q]);
});
function zoom(i) { focus = i; tip.style.display = 'none'; render(); }
function runSearch() {
  var term = search.value;
  if (!term) { match = null; matchCount = 0; statusEl.textContent = ''; render(); return; }
  var test;
  var m = /^\/(.*)\/([a-z]*)$/.exec(term);
  if (m) {
    try { var re = new RegExp(m[1], m[2].indexOf('i') >= 0 ? 'i' : ''); test = function (s) { return re.test(s); }; }
    catch (e) { statusEl.textContent = 'invalid regular expression'; return; }
  } else if (term.charAt(0) === '=') {
    var exact = term.slice(1); test = function (s) { return s === exact; };
  } else {
    var lower = term.toLowerCase(); test = function (s) { return s.toLowerCase().indexOf(lower) >= 0; };
  }
  match = new Uint8Array(nFn);
  var fns = 0;
  for (var f = 0; f < nFn - 1; f++) if (test(names[f])) { match[f] = 1; fns++; }
  var frames = 0, sc = 0, sb = 0;
  for (var i = 0; i < N; i++) if (match[fnOf[i]]) frames++;
  for (var j = 0; j < N; ) { if (match[fnOf[j]]) { sc += CS[j]; sb += BS[j]; j = end[j]; } else j++; }
  matchCount = frames;
  statusEl.textContent = frames + ' frames in ' + fns + ' functions match: canary ' + pct(sc) + ', baseline ' + pct(sb) + ' (' + signed(sc - sb) + 'pp)';
  api.match = { frames: frames, functions: fns, canary: sc, baseline: sb };
  render();
}
var timer = 0;
search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(runSearch, 120); });
search.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { clearTimeout(timer); runSearch(); } });
document.getElementById('pg-reset').addEventListener('click', function () { search.value = ''; match = null; statusEl.textContent = ''; api.match = null; zoom(0); });
var widthSel = document.getElementById('pg-width'), colorSel = document.getElementById('pg-color');
widthSel.value = basis; colorSel.value = colorBy;
widthSel.addEventListener('change', function () { basis = widthSel.value; layout(); render(); });
colorSel.addEventListener('change', function () { colorBy = colorSel.value; render(); });
document.addEventListener('keydown', function (ev) {
  if (ev.key === 'Escape') { tip.style.display = 'none'; zoom(0); }
  else if (ev.key === '/' && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
});
var rt = 0;
window.addEventListener('resize', function () { clearTimeout(rt); rt = setTimeout(render, 80); });
// Changes list.
var tbody = document.getElementById('pg-changes');
D.changes.forEach(function (c) {
  var tr = document.createElement('tr');
  tr.appendChild(el('td', '', c[0]));
  tr.appendChild(el('td', '', c[1] === 'cum' ? 'total' : c[1]));
  tr.appendChild(el('td', '', pct(c[2])));
  tr.appendChild(el('td', '', pct(c[3])));
  tr.appendChild(el('td', '', signed(c[4]) + 'pp [' + signed(c[5]) + ', ' + signed(c[6]) + ']'));
  tr.appendChild(el('td', '', c[7]));
  tr.addEventListener('click', function () { search.value = '=' + c[0]; runSearch(); window.scrollTo(0, 0); });
  tbody.appendChild(tr);
});
if (!D.changes.length) document.getElementById('pg-changes-note').textContent = D.verdict ? 'No significant changes.' : 'No comparison attached: colours are neutral.';
var api = {
  nodes: N, functions: nFn - 1, maxDepth: maxDepth, drawn: 0, match: null,
  /** Widest drawn frame of a function: canvas-relative and page-relative rectangles, colour. */
  find: function (name) {
    var best = -1, row = 0;
    for (var r = 0; r < drawnRows; r++) {
      for (var q = rowStart[r]; q < rowEnd[r]; q++) {
        if (names[fnOf[rNode[q]]] === name && (best < 0 || rW[q] > rW[best])) { best = q; row = r; }
      }
    }
    if (best < 0) return null;
    var b = canvas.getBoundingClientRect();
    return { node: rNode[best], x: rX[best], y: row * ROW, w: rW[best], h: ROW - 1, clientX: b.left + rX[best], clientY: b.top + row * ROW, color: colors()[fnOf[rNode[best]]], canvasWidth: cssW };
  },
  focusName: function () { return names[fnOf[focus]]; }
};
window.profileGateFlame = api;
render();
var T2 = performance.now();
api.timings = { parseMs: T1 - T0, firstRenderMs: T2 - T1, scriptMs: T2 - T0, sinceNavigationMs: T2 };
api.ready = true;
})();`;

/** The whole page. */
export function renderFlameGraphHtml(
  tree: FlameTree,
  comparison: Comparison | undefined,
  opts: FlameGraphHtmlOptions = {},
): string {
  const data = flameGraphData(tree, comparison, opts);
  const title = opts.title ?? 'profile-gate';
  const verdict = comparison?.verdict;
  const hash = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'`;
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
<style>${CSS}</style>
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
<span class="legend"><span>shrank</span><span class="bar"></span><span>grew</span> <span class="sw" style="background:#c8c8c8"></span> not significant <span class="sw" style="background:#e0e0dc"></span> not tested</span>
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
<script>${SCRIPT}</script>
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

/**
 * The flame-graph page's script (browser). Bundled by scripts/build-page.mjs into an IIFE and
 * inlined into the HTML written by ../flamegraph-html.ts, allowed by the page's CSP by hash.
 * No imports at run time and no network; names are only ever set as textContent or drawn as
 * canvas text, never parsed as markup.
 *
 * Reads the JSON data block #pg-data (see ./data.ts), draws an icicle on a canvas and exposes
 * window.profileGateFlame for the browser tests.
 */
import type { FlameGraphData, TestRow } from './data.js';

type Basis = FlameGraphData['width'];
type ColorBy = FlameGraphData['colorBy'];
interface Match {
  frames: number;
  functions: number;
  canary: number;
  baseline: number;
}
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
/** What the page exposes as window.profileGateFlame (read by test/report-browser.test.ts). */
interface FlameApi {
  nodes: number;
  functions: number;
  maxDepth: number;
  drawn: number;
  match: Match | null;
  timings?: { parseMs: number; firstRenderMs: number; scriptMs: number; sinceNavigationMs: number };
  ready?: boolean;
  /** Widest drawn frame of a function: canvas-relative and page-relative rectangles, colour. */
  find(name: string): FrameBox | null;
  focusName(): string;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`flame graph: no #${id}`);
  return e as T;
}

const T0 = performance.now();
const D = JSON.parse(byId('pg-data').textContent ?? '') as FlameGraphData;
const T1 = performance.now();
const N = D.fn.length,
  depth = D.depth,
  fnOf = D.fn,
  BS = D.bs,
  CS = D.cs,
  BV = D.bv,
  CV = D.cv;
const names = D.names,
  nFn = names.length;
const ROW = 18,
  PAD = 3,
  MIN_PX = 0.1,
  MAX_ROWS = Math.floor(30000 / 18);
// Subtree end (exclusive) and parent of each pre-order node.
const end = new Int32Array(N),
  parent = new Int32Array(N);
let maxDepth = 0;
{
  const st: number[] = [];
  for (let i = 0; i < N; i++) {
    while (st.length && depth[st[st.length - 1]] >= depth[i]) end[st.pop()!] = i;
    parent[i] = st.length ? st[st.length - 1] : -1;
    st.push(i);
    if (depth[i] > maxDepth) maxDepth = depth[i];
  }
  while (st.length) end[st.pop()!] = N;
}
const tests: Record<number, { self: TestRow | null; cum: TestRow | null }> = {};
D.tests.forEach((t) => {
  tests[t[0]] = { self: t[1], cum: t[2] };
});
let basis: Basis = D.width === 'baseline' ? 'baseline' : 'canary';
let colorBy: ColorBy = D.colorBy === 'cum' ? 'cum' : 'self';
const X = new Float64Array(N);
let focus = 0;
function widths(): number[] {
  return basis === 'canary' ? CS : BS;
}
function layout(): void {
  const w = widths(),
    next = new Float64Array(N);
  X[0] = 0;
  for (let i = 1; i < N; i++) {
    const p = parent[i];
    X[i] = X[p] + next[p];
    next[p] += w[i];
  }
}
layout();
const textColor: Record<string, string> = {};
function inkFor(hex: string): string {
  let c = textColor[hex];
  if (c) return c;
  const r = parseInt(hex.slice(1, 3), 16),
    g = parseInt(hex.slice(3, 5), 16),
    b = parseInt(hex.slice(5, 7), 16);
  c = 0.299 * r + 0.587 * g + 0.114 * b < 140 ? '#fff' : '#111';
  textColor[hex] = c;
  return c;
}
function colors(): string[] {
  return colorBy === 'cum' ? D.colorCum : D.colorSelf;
}

const canvas = byId<HTMLCanvasElement>('pg-canvas'),
  ctx = canvas.getContext('2d')!;
const wrap = byId('pg-wrap'),
  tip = byId('pg-tip');
const statusEl = byId('pg-status'),
  crumbs = byId('pg-crumbs');
const search = byId<HTMLInputElement>('pg-search');
const FONT = '12px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace';
let charW = 7;
let match: Uint8Array | null = null;
// Drawn rectangles (pixel space), row-major: per depth a run of rects sorted by x.
let rNode = new Int32Array(1024),
  rX = new Float64Array(1024),
  rW = new Float64Array(1024),
  nR = 0;
let rowStart: number[] = [],
  rowEnd: number[] = [],
  cssW = 0,
  drawnRows = 0,
  firstRow = 0;
function pushRect(i: number, x: number, w: number): void {
  if (nR === rNode.length) {
    const a = new Int32Array(nR * 2);
    a.set(rNode);
    rNode = a;
    const b = new Float64Array(nR * 2);
    b.set(rX);
    rX = b;
    const c = new Float64Array(nR * 2);
    c.set(rW);
    rW = c;
  }
  rNode[nR] = i;
  rX[nR] = x;
  rW[nR] = w;
  nR++;
}
function fit(name: string, px: number): string {
  const max = Math.floor((px - 2 * PAD) / charW);
  if (max < 3) return '';
  if (name.length <= max) return name;
  const s = name.lastIndexOf('/');
  const short = s >= 0 && s < name.length - 1 ? name.slice(s + 1) : name;
  if (short.length <= max) return short;
  return short.slice(0, max - 1) + '\u2026';
}
function render(): void {
  const w = widths();
  if (!(w[focus] > 0)) focus = 0;
  cssW = Math.max(200, wrap.clientWidth);
  const fx = X[focus],
    fw = w[focus] > 0 ? w[focus] : 1,
    scale = cssW / fw;
  // Collect: ancestors of the focus full width, then the focus subtree, pruning narrow subtrees.
  nR = 0;
  const anc: number[] = [];
  for (let a = parent[focus]; a >= 0; a = parent[a]) anc.push(a);
  let deepest = depth[focus];
  const byDepth: number[][] = [];
  for (let i = focus, e = end[focus]; i < e;) {
    const px = w[i] * scale;
    if (px < MIN_PX) {
      i = end[i];
      continue;
    }
    const d = depth[i];
    if (d > deepest) deepest = d;
    (byDepth[d] || (byDepth[d] = [])).push(i);
    i++;
  }
  // Browsers refuse canvases taller than ~32k px. When the view is deeper than MAX_ROWS, the
  // outer ancestors of a zoomed frame are left out (the breadcrumbs still name them) and what
  // is still deeper waits for a further zoom.
  firstRow =
    deepest + 1 > MAX_ROWS ? Math.max(0, Math.min(depth[focus] - 4, deepest + 1 - MAX_ROWS)) : 0;
  const clipped = deepest + 1 - firstRow > MAX_ROWS;
  drawnRows = Math.min(deepest + 1 - firstRow, MAX_ROWS);
  rowStart = new Array(drawnRows);
  rowEnd = new Array(drawnRows);
  for (let r = 0; r < drawnRows; r++) {
    const dr = r + firstRow;
    rowStart[r] = nR;
    if (dr < depth[focus]) {
      pushRect(anc[anc.length - 1 - dr], 0, cssW);
    } else {
      const list = byDepth[dr] || [];
      for (let j = 0; j < list.length; j++) {
        const n = list[j];
        pushRect(n, (X[n] - fx) * scale, w[n] * scale);
      }
    }
    rowEnd[r] = nR;
  }
  const dpr = window.devicePixelRatio || 1,
    cssH = drawnRows * ROW + 2;
  canvas.style.width = cssW + 'px';
  canvas.style.height = cssH + 'px';
  canvas.width = Math.round(cssW * dpr);
  canvas.height = Math.round(cssH * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  charW = ctx.measureText('mmmmmmmmmm').width / 10 || 7;
  const col = colors();
  for (let r2 = 0; r2 < drawnRows; r2++) {
    const y = r2 * ROW;
    for (let q = rowStart[r2]; q < rowEnd[r2]; q++) {
      const node = rNode[q],
        x = rX[q],
        ww = rW[q],
        f = fnOf[node],
        c = col[f];
      const dim = r2 + firstRow < depth[focus] || (match && !match[f]);
      ctx.globalAlpha = dim ? 0.35 : 1;
      ctx.fillStyle = c;
      ctx.fillRect(x, y, ww > 1.5 ? ww - 0.5 : ww, ROW - 1);
      if (match && match[f]) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = '#8250df';
        ctx.lineWidth = 2;
        if (ww > 3) ctx.strokeRect(x + 1, y + 1, ww - 2.5, ROW - 3);
      }
      if (ww > 3 * charW + 2 * PAD) {
        const label = fit(names[f], ww);
        if (label) {
          ctx.fillStyle = inkFor(c);
          ctx.fillText(label, x + PAD, y + ROW / 2);
        }
      }
    }
  }
  ctx.globalAlpha = 1;
  const path: string[] = [];
  for (let p2 = focus; p2 >= 0; p2 = parent[p2]) path.push(names[fnOf[p2]]);
  crumbs.textContent =
    (focus === 0
      ? 'Click a frame to zoom; Escape or Reset to zoom out.'
      : 'Zoomed: ' + path.reverse().join(' \u203a ')) +
    (firstRow ? ' (' + firstRow + ' outer frames not drawn)' : '') +
    (clipped
      ? ' (stacks deeper than ' + MAX_ROWS + ' frames are cut here: click a deep frame to zoom)'
      : '');
  api.drawn = nR;
}
function hit(mx: number, my: number): number {
  const r = Math.floor(my / ROW);
  if (r < 0 || r >= drawnRows) return -1;
  let lo = rowStart[r],
    hi = rowEnd[r] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rX[mid] > mx) hi = mid - 1;
    else if (rX[mid] + rW[mid] < mx) lo = mid + 1;
    else return mid;
  }
  return -1;
}
function pct(x: number): string {
  return (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)) + '%';
}
function signed(x: number): string {
  const v = Math.abs(x) < 0.005 ? 0 : x;
  return (v > 0 ? '+' : v < 0 ? '-' : '') + Math.abs(v).toFixed(2);
}
const TIME: Record<string, number> = {
  nanoseconds: 1,
  ns: 1,
  microseconds: 1e3,
  us: 1e3,
  milliseconds: 1e6,
  ms: 1e6,
  seconds: 1e9,
  s: 1e9,
};
function fmtValue(v: number): string {
  const u = (D.unit || '').toLowerCase();
  function n(x: number, s: string): string {
    const d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    return x.toFixed(d) + s;
  }
  if (TIME[u]) {
    const ns = v * TIME[u],
      a = Math.abs(ns);
    return a >= 1e9
      ? n(ns / 1e9, 's')
      : a >= 1e6
        ? n(ns / 1e6, 'ms')
        : a >= 1e3
          ? n(ns / 1e3, 'us')
          : n(ns, 'ns');
  }
  if (u === 'bytes') {
    const b = Math.abs(v);
    return b >= 1073741824
      ? n(v / 1073741824, 'GB')
      : b >= 1048576
        ? n(v / 1048576, 'MB')
        : b >= 1024
          ? n(v / 1024, 'kB')
          : v + 'B';
  }
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
function selfOf(i: number, s: number[]): number {
  let v = s[i];
  for (let c = i + 1, e = end[i]; c < e; c = end[c]) v -= s[c];
  return Math.max(0, v);
}
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function testLine(label: string, t: TestRow | null | undefined): HTMLDivElement {
  const row = el('div', 'row');
  if (!t) {
    row.textContent = label + ': not tested (below the minimum share)';
    return row;
  }
  row.appendChild(document.createTextNode(label + ': '));
  const cls =
    t[7] && t[6] !== 'unchanged' && t[6] !== 'ignored' ? (t[2] > 0 ? 'grew' : 'shrank') : '';
  row.appendChild(
    el('span', cls, signed(t[2]) + 'pp [' + signed(t[3]) + ', ' + signed(t[4]) + ']'),
  );
  row.appendChild(
    document.createTextNode(
      ' ' +
        pct(t[0]) +
        ' \u2192 ' +
        pct(t[1]) +
        ' \u00b7 ' +
        t[6] +
        ' (p' +
        (t[5] < 0.001 ? '<0.001' : '=' + t[5].toFixed(3)) +
        ')',
    ),
  );
  return row;
}
function showTip(q: number, cx: number, cy: number): void {
  const i = rNode[q],
    f = fnOf[i];
  tip.textContent = '';
  tip.appendChild(el('div', 'name', names[f]));
  const dn = CS[i] - BS[i];
  const line = el('div', 'row');
  line.appendChild(
    document.createTextNode(
      'this frame: baseline ' + pct(BS[i]) + ' \u2192 canary ' + pct(CS[i]) + ' ',
    ),
  );
  line.appendChild(
    el('span', Math.abs(dn) >= 0.005 ? (dn > 0 ? 'grew' : 'shrank') : '', signed(dn) + 'pp'),
  );
  tip.appendChild(line);
  const sb = selfOf(i, BS),
    sc = selfOf(i, CS);
  tip.appendChild(
    el(
      'div',
      'row',
      'self in this frame: baseline ' +
        pct(sb) +
        ' \u2192 canary ' +
        pct(sc) +
        ' (' +
        signed(sc - sb) +
        'pp)',
    ),
  );
  tip.appendChild(
    el(
      'div',
      'row',
      'value: baseline ' +
        fmtValue(BV[i]) +
        ' (' +
        D.captures[0] +
        ' captures) \u00b7 canary ' +
        fmtValue(CV[i]) +
        ' (' +
        D.captures[1] +
        ' captures)',
    ),
  );
  if (i !== 0) {
    const t: { self?: TestRow | null; cum?: TestRow | null } = tests[f] || {};
    tip.appendChild(
      el(
        'div',
        'row',
        'function, all call paths (' + Math.round(D.confidence * 100) + '% interval):',
      ),
    );
    tip.appendChild(testLine('  self', t.self));
    tip.appendChild(testLine('  total', t.cum));
  }
  tip.style.display = 'block';
  const tw = tip.offsetWidth,
    th = tip.offsetHeight;
  let x = cx + 14,
    y = cy + 14;
  if (x + tw > window.innerWidth - 4) x = Math.max(4, cx - tw - 14);
  if (y + th > window.innerHeight - 4) y = Math.max(4, cy - th - 14);
  tip.style.left = x + 'px';
  tip.style.top = y + 'px';
}
canvas.addEventListener('mousemove', (ev) => {
  const b = canvas.getBoundingClientRect(),
    q = hit(ev.clientX - b.left, ev.clientY - b.top);
  if (q < 0) {
    tip.style.display = 'none';
    return;
  }
  showTip(q, ev.clientX, ev.clientY);
});
canvas.addEventListener('mouseleave', () => {
  tip.style.display = 'none';
});
canvas.addEventListener('click', (ev) => {
  const b = canvas.getBoundingClientRect(),
    q = hit(ev.clientX - b.left, ev.clientY - b.top);
  if (q < 0) return;
  zoom(rNode[q]);
});
function zoom(i: number): void {
  focus = i;
  tip.style.display = 'none';
  render();
}
function runSearch(): void {
  const term = search.value;
  if (!term) {
    match = null;
    statusEl.textContent = '';
    render();
    return;
  }
  let test: (s: string) => boolean;
  const m = /^\/(.*)\/([a-z]*)$/.exec(term);
  if (m) {
    try {
      const re = new RegExp(m[1], m[2].indexOf('i') >= 0 ? 'i' : '');
      test = (s) => re.test(s);
    } catch {
      statusEl.textContent = 'invalid regular expression';
      return;
    }
  } else if (term.charAt(0) === '=') {
    const exact = term.slice(1);
    test = (s) => s === exact;
  } else {
    const lower = term.toLowerCase();
    test = (s) => s.toLowerCase().indexOf(lower) >= 0;
  }
  const hits = new Uint8Array(nFn);
  match = hits;
  let fns = 0;
  for (let f = 0; f < nFn - 1; f++)
    if (test(names[f])) {
      hits[f] = 1;
      fns++;
    }
  let frames = 0,
    sc = 0,
    sb = 0;
  for (let i = 0; i < N; i++) if (hits[fnOf[i]]) frames++;
  for (let j = 0; j < N;) {
    if (hits[fnOf[j]]) {
      sc += CS[j];
      sb += BS[j];
      j = end[j];
    } else j++;
  }
  statusEl.textContent =
    frames +
    ' frames in ' +
    fns +
    ' functions match: canary ' +
    pct(sc) +
    ', baseline ' +
    pct(sb) +
    ' (' +
    signed(sc - sb) +
    'pp)';
  api.match = { frames: frames, functions: fns, canary: sc, baseline: sb };
  render();
}
let timer = 0;
search.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(runSearch, 120);
});
search.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') {
    clearTimeout(timer);
    runSearch();
  }
});
byId('pg-reset').addEventListener('click', () => {
  search.value = '';
  match = null;
  statusEl.textContent = '';
  api.match = null;
  zoom(0);
});
const widthSel = byId<HTMLSelectElement>('pg-width'),
  colorSel = byId<HTMLSelectElement>('pg-color');
widthSel.value = basis;
colorSel.value = colorBy;
// The selects offer exactly the values of Basis and ColorBy.
widthSel.addEventListener('change', () => {
  basis = widthSel.value as Basis;
  layout();
  render();
});
colorSel.addEventListener('change', () => {
  colorBy = colorSel.value as ColorBy;
  render();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    tip.style.display = 'none';
    zoom(0);
  } else if (ev.key === '/' && document.activeElement !== search) {
    ev.preventDefault();
    search.focus();
  }
});
let rt = 0;
window.addEventListener('resize', () => {
  clearTimeout(rt);
  rt = setTimeout(render, 80);
});
// Changes list.
const tbody = byId('pg-changes');
D.changes.forEach((c) => {
  const tr = document.createElement('tr');
  tr.appendChild(el('td', '', c[0]));
  tr.appendChild(el('td', '', c[1] === 'cum' ? 'total' : c[1]));
  tr.appendChild(el('td', '', pct(c[2])));
  tr.appendChild(el('td', '', pct(c[3])));
  tr.appendChild(el('td', '', signed(c[4]) + 'pp [' + signed(c[5]) + ', ' + signed(c[6]) + ']'));
  tr.appendChild(el('td', '', c[7]));
  tr.addEventListener('click', () => {
    search.value = '=' + c[0];
    runSearch();
    window.scrollTo(0, 0);
  });
  tbody.appendChild(tr);
});
if (!D.changes.length)
  byId('pg-changes-note').textContent = D.verdict
    ? 'No significant changes.'
    : 'No comparison attached: colours are neutral.';
const api: FlameApi = {
  nodes: N,
  functions: nFn - 1,
  maxDepth: maxDepth,
  drawn: 0,
  match: null,
  find(name) {
    let best = -1,
      row = 0;
    for (let r = 0; r < drawnRows; r++) {
      for (let q = rowStart[r]; q < rowEnd[r]; q++) {
        if (names[fnOf[rNode[q]]] === name && (best < 0 || rW[q] > rW[best])) {
          best = q;
          row = r;
        }
      }
    }
    if (best < 0) return null;
    const b = canvas.getBoundingClientRect();
    return {
      node: rNode[best],
      x: rX[best],
      y: row * ROW,
      w: rW[best],
      h: ROW - 1,
      clientX: b.left + rX[best],
      clientY: b.top + row * ROW,
      color: colors()[fnOf[rNode[best]]],
      canvasWidth: cssW,
    };
  },
  focusName() {
    return names[fnOf[focus]];
  },
};
(window as unknown as { profileGateFlame: FlameApi }).profileGateFlame = api;
render();
const T2 = performance.now();
api.timings = {
  parseMs: T1 - T0,
  firstRenderMs: T2 - T1,
  scriptMs: T2 - T0,
  sinceNavigationMs: T2,
};
api.ready = true;

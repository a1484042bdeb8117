/**
 * Static SVG of the differential flame graph (the same layout and colours as the HTML one):
 * icicle, frame width = canary share, colour = the function's tested change. Every frame has a
 * <title> (hover text in browsers and most viewers) and a label truncated to the frame width.
 * No script, no external references: safe to embed or open anywhere.
 */
import type { Comparison, FunctionDelta } from '../stats/types.js';
import { replaceControls } from '../util/safe-text.js';
import {
  colorScale,
  fmtDelta,
  fmtPp,
  frameColor,
  indexDeltas,
  selfShares,
  type FlameNode,
  type FlameTree,
} from './tree.js';

export interface FlameGraphSvgOptions {
  title?: string;
  /** Image width in px; default 1200. */
  width?: number;
  /** Row height in px; default 16. */
  rowHeight?: number;
  /** Frames (and their subtrees) narrower than this are left out; default 0.3px. */
  minFramePx?: number;
  /** Frame width basis; default canary. */
  basis?: 'canary' | 'baseline';
  colorBy?: 'self' | 'cum';
}

const XML_INVALID = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11, 12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}\ufffe\uffff]`,
  'g',
);

/** XML text/attribute escaping; characters XML 1.0 cannot carry become U+FFFD. */
export function escapeXml(s: string): string {
  return (
    // C1 controls, direction overrides and the like (util/safe-text.ts) shown as U+FFFD too
    replaceControls(s)
      // C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF (built from code points: a
      // literal control-character class trips the linter).
      .replace(XML_INVALID, '\ufffd')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
      )
  );
}

const pct = (x: number): string => `${Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)}%`;

function testText(label: string, d: FunctionDelta | undefined): string {
  if (!d) return `${label}: not tested`;
  return `${label}: ${fmtDelta(d)} ${pct(d.baselineShare)} → ${pct(d.canaryShare)} · ${d.status}`;
}

function luminance(hex: string): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** Fits a label into `px` (monospace estimate): full name, else the part after the last '/', else cut with '…'. */
export function fitLabel(name: string, px: number, charPx: number): string {
  const max = Math.floor(px / charPx);
  if (max < 3) return '';
  if (name.length <= max) return name;
  const s = name.lastIndexOf('/');
  const short = s >= 0 && s < name.length - 1 ? name.slice(s + 1) : name;
  if (short.length <= max) return short;
  return short.slice(0, max - 1) + '…';
}

export function renderFlameGraphSvg(
  tree: FlameTree,
  comparison: Comparison | undefined,
  opts: FlameGraphSvgOptions = {},
): string {
  const W = opts.width ?? 1200;
  const ROW = opts.rowHeight ?? 16;
  const colorBy = opts.colorBy ?? 'self';
  let basis = opts.basis ?? 'canary';
  if (basis === 'canary' && tree.root.canaryShare <= 0) basis = 'baseline';
  const share = (n: FlameNode) => (basis === 'canary' ? n.canaryShare : n.baselineShare);
  const tests = indexDeltas(comparison);
  const scale = colorScale(comparison, colorBy);
  const FONT = 11;
  const charPx = FONT * 0.61;
  const PAD = 3;
  const top = 66;
  const rootShare = share(tree.root) || 1;
  const k = W / rootShare;
  // A static image shows at most MAX_SVG_FRAMES frames: narrow ones are left out first (a
  // profile with a quarter of a million distinct call paths made an 85 MB, 850 MB-to-render SVG
  // of frames a third of a pixel wide; the HTML flame graph keeps them all).
  const minPx = widthForFrames(tree.root, (n) => share(n) * k, opts.minFramePx ?? 0.3);

  const frames: string[] = [];
  let deepest = 0;
  // Iterative pre-order walk with x offsets.
  const stack: [FlameNode, number][] = [[tree.root, 0]];
  while (stack.length > 0) {
    const [node, x] = stack.pop()!;
    const w = share(node) * k;
    if (w < minPx) continue;
    if (node.depth > deepest) deepest = node.depth;
    const y = top + node.depth * ROW;
    const t = node.fn >= 0 ? tests.get(node.name) : undefined;
    const d = colorBy === 'cum' ? t?.cum : t?.self;
    const fill = node.fn < 0 ? '#d8d8d8' : frameColor(node.name, d, scale);
    const self = selfShares(node);
    const tip = [
      node.name,
      `this frame: baseline ${pct(node.baselineShare)} → canary ${pct(node.canaryShare)} (${fmtPp(node.canaryShare - node.baselineShare)})`,
      `self here: baseline ${pct(self.baseline)} → canary ${pct(self.canary)}`,
      ...(node.fn >= 0
        ? [testText('function self', t?.self), testText('function total', t?.cum)]
        : []),
    ].join('\n');
    const label = fitLabel(node.name, w - 2 * PAD, charPx);
    frames.push(
      `<g><title>${escapeXml(tip)}</title><rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(0.1, w > 1.5 ? w - 0.5 : w).toFixed(2)}" height="${ROW - 1}" fill="${fill}"/>` +
        (label
          ? `<text x="${(x + PAD).toFixed(2)}" y="${y + ROW / 2 + 4}" fill="${luminance(fill) < 140 ? '#fff' : '#111'}">${escapeXml(label)}</text>`
          : '') +
        '</g>',
    );
    let cx = x;
    const kids: [FlameNode, number][] = [];
    for (const c of node.children) {
      kids.push([c, cx]);
      cx += share(c) * k;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const H = top + (deepest + 1) * ROW + 8;
  const title = opts.title ?? 'profile-gate';
  const verdict = comparison ? comparison.verdict.toUpperCase() : 'NO VERDICT';
  const vColor = comparison?.verdict === 'fail' ? '#cf222e' : comparison ? '#1a7f37' : '#6e7781';
  const sub = `${tree.type.type} (${tree.type.unit}) · ${tree.baselineCaptures} baseline vs ${tree.canaryCaptures} canary captures · width = ${basis} share · colour = ${colorBy === 'cum' ? 'total' : 'self'} share change`;
  // Legend on its own line under the subtitle; text widths estimated at 6.6px a character.
  const legend: string[] = [];
  let lx = 4;
  const text = (t: string) => {
    legend.push(`<text x="${lx}" y="56" class="s">${escapeXml(t)}</text>`);
    lx += Math.ceil(t.length * 6.6) + 6;
  };
  const swatch = (fill: string) => {
    legend.push(`<rect x="${lx}" y="47" width="14" height="10" fill="${fill}"/>`);
    lx += 14;
  };
  text('shrank');
  for (const t of [1, 0.66, 0.33, 0])
    swatch(frameColor('', fakeDelta(-scale.fullPp * (0.1 + 0.9 * t)), scale));
  swatch('#c8c8c8');
  for (const t of [0, 0.33, 0.66, 1])
    swatch(frameColor('', fakeDelta(scale.fullPp * (0.1 + 0.9 * t)), scale));
  lx += 6;
  text(`grew (full colour at ${fmtPp(scale.fullPp, 1)})`);
  lx += 10;
  swatch('#c8c8c8');
  lx += 4;
  text('not significant');
  swatch('#e0e0dc');
  lx += 4;
  text('not tested');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace" font-size="${FONT}">
<style>text{pointer-events:none}.t{font:600 16px system-ui,sans-serif}.s{font:12px system-ui,sans-serif;fill:#57606a}g:hover rect{stroke:#000;stroke-width:.6}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="4" y="20" class="t">${escapeXml(title)} <tspan fill="${vColor}">${verdict}</tspan></text>
<text x="4" y="38" class="s">${escapeXml(sub)}</text>
${legend.join('')}
${frames.join('\n')}
</svg>
`;
}

/** The most frames the SVG draws. */
export const MAX_SVG_FRAMES = 20_000;

/**
 * The narrowest frame width to draw (at least `minPx`, doubled until at most MAX_SVG_FRAMES
 * frames are that wide; a frame narrower than it is left out with its subtree).
 */
function widthForFrames(root: FlameNode, width: (n: FlameNode) => number, minPx: number): number {
  const count = (px: number): number => {
    let n = 0;
    const stack = [root];
    while (stack.length > 0 && n <= MAX_SVG_FRAMES) {
      const node = stack.pop()!;
      if (width(node) < px) continue;
      n++;
      for (const c of node.children) stack.push(c);
    }
    return n;
  };
  let px = minPx;
  while (count(px) > MAX_SVG_FRAMES && px < 1e6) px *= 2;
  return px;
}

function fakeDelta(deltaPp: number): FunctionDelta {
  return {
    function: '',
    metric: 'self',
    baselineShare: 0,
    canaryShare: 0,
    deltaPp,
    ciLowPp: deltaPp,
    ciHighPp: deltaPp,
    ratio: null,
    pValue: 0,
    significant: true,
    status: deltaPp > 0 ? 'grew' : 'improvement',
    inBaseline: true,
    inCanary: true,
    budget: { source: 'legend' },
    overBudget: false,
    reason: '',
    mdePp: NaN,
    driftPp: 0,
  };
}

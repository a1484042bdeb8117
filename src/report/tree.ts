/**
 * The differential call tree behind the flame graphs: the stacks of every baseline and canary
 * capture merged root -> leaf by normalized function name, each node carrying the summed raw
 * value and the share of each side: the side's summed value over the side's summed total, in
 * percent (pooled over captures, as the statistics engine computes its shares; each side is
 * normalized by its own total).
 * The tree is the union of both sides; a path seen on one side only has 0 on the other.
 *
 * Also the colour scale shared by the HTML and SVG renderers, so both paint a function the
 * same way: red grew, blue shrank, intensity by size of the change, grey when not significant.
 * Pure: no I/O.
 */
import { selectSampleType } from '../profile/aggregate.js';
import { DEFAULT_LIMITS, FLAME_NODE_COST, limitError } from '../profile/limits.js';
import type { Profile, ValueType } from '../profile/model.js';
import { makeNormalizer, type Normalizer } from '../profile/normalize.js';
import type { Comparison, FunctionDelta, Metric } from '../stats/types.js';

/** Which value column of a profile to use: an index, a sample type name (pprof aliases work), or a function. */
export type TypeSelector = number | string | ((p: Profile) => number);

export function resolveTypeIndex(p: Profile, sel: TypeSelector, file = '(report)'): number {
  if (typeof sel === 'function') return sel(p);
  if (typeof sel === 'string') return selectSampleType(p, sel, file);
  return sel;
}

export interface FlameNode {
  /** Index into FlameTree.names; -1 for the synthetic root. */
  fn: number;
  name: string;
  depth: number;
  /** Raw values summed over the side's captures (inclusive: this frame and everything it called). */
  baseline: number;
  canary: number;
  /** Value / side total, in percent (both summed over the side's captures). */
  baselineShare: number;
  canaryShare: number;
  /** Sorted by name (flame-graph order, so both sides line up). */
  children: FlameNode[];
}

export interface FlameTree {
  type: ValueType;
  /** Normalized function names; FlameNode.fn indexes this. */
  names: string[];
  /** Synthetic root "all": value = side total, share = 100 (0 for a side without data). */
  root: FlameNode;
  baselineTotal: number;
  canaryTotal: number;
  baselineCaptures: number;
  canaryCaptures: number;
  nodeCount: number;
  maxDepth: number;
}

export interface BuildTreeOptions {
  /** Sample type per profile; default: each profile's default sample type. */
  type?: TypeSelector;
  /** A normalizer or a `--normalize-names` spec; default "on" (must match the comparison's). */
  normalize?: Normalizer | string;
  /**
   * The decode budget's frame limit (limits.ts): the tree may have maxFrames / FLAME_NODE_COST
   * nodes (a node costs memory as that many frames do); default: the default limit.
   */
  maxFrames?: number;
}

/** Merges both sides' stacks into one call tree. */
export function buildFlameTree(
  baseline: Profile[],
  canary: Profile[],
  opts: BuildTreeOptions = {},
): FlameTree {
  const normalize =
    typeof opts.normalize === 'function' ? opts.normalize : makeNormalizer(opts.normalize ?? 'on');
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  let type: ValueType | undefined;
  const totals = { baseline: 0, canary: 0 };

  // Nodes live in parallel arrays while building; child lookup is one numeric-keyed map
  // ((parent id) * 2^26 + function id), much cheaper than a map per node.
  let cap = 1024;
  let nodeFn = new Int32Array(cap);
  let nodeParent = new Int32Array(cap);
  // each node's most recently used child: most lookups are the path the previous sample took
  // (and a chain of one function repeated is nothing but such lookups), so this saves the map
  let lastChild = new Int32Array(cap);
  let vals = [new Float64Array(cap), new Float64Array(cap)];
  let count = 1;
  nodeFn[0] = -1;
  nodeParent[0] = -1;
  const childOf = new Map<number, number>();
  const FN_SPAN = 2 ** 26;
  const maxFrames = opts.maxFrames ?? DEFAULT_LIMITS.maxFrames;
  const maxNodes = Math.max(1024, Math.floor(maxFrames / FLAME_NODE_COST));
  const tooMany = () =>
    limitError(
      '(flame graph)',
      `the flame graph would have more than ${maxNodes.toLocaleString('en-US')} nodes (distinct call paths), 1 per ${FLAME_NODE_COST} frames of the frame budget`,
      'maxFrames',
    );
  const grow = () => {
    cap *= 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    nodeFn = g32(nodeFn);
    nodeParent = g32(nodeParent);
    lastChild = g32(lastChild);
    vals = vals.map(g64);
  };

  const addSide = (profiles: Profile[], sideIdx: 0 | 1): void => {
    const side = sideIdx === 0 ? 'baseline' : 'canary';
    for (const p of profiles) {
      const t = opts.type === undefined ? p.defaultSampleType : resolveTypeIndex(p, opts.type);
      if (!type) type = p.sampleTypes[t];
      const map = new Int32Array(p.functions.length);
      p.functions.forEach((raw, i) => {
        const name = normalize(raw);
        let id = nameIndex.get(name);
        if (id === undefined) {
          id = names.length;
          if (id >= FN_SPAN) throw new Error('too many functions for a flame graph');
          names.push(name);
          nameIndex.set(name, id);
        }
        map[i] = id;
      });
      const v = p.values[t];
      const off = p.stackOffsets;
      const frames = p.stackFrames;
      const samples = off.length - 1;
      let total = 0;
      for (let s = 0; s < samples; s++) total += v[s];
      totals[side] += total;
      vals[sideIdx][0] += total;
      if (total === 0) continue;
      let V = vals[sideIdx];
      for (let s = 0; s < samples; s++) {
        const x = v[s];
        if (x === 0) continue;
        let node = 0;
        for (let f = off[s + 1] - 1; f >= off[s]; f--) {
          const id = map[frames[f]];
          const last = lastChild[node];
          let child: number | undefined = last > 0 && nodeFn[last] === id ? last : undefined;
          const key = node * FN_SPAN + id;
          if (child === undefined) child = childOf.get(key);
          if (child === undefined) {
            if (count === cap) {
              grow();
              V = vals[sideIdx];
            }
            if (count >= maxNodes) throw tooMany();
            child = count++;
            nodeFn[child] = id;
            nodeParent[child] = node;
            childOf.set(key, child);
          }
          V[child] += x;
          lastChild[node] = child;
          node = child;
        }
      }
    }
  };
  addSide(baseline, 0);
  addSide(canary, 1);

  // Arrays -> node objects, children sorted by name (flame-graph order, both sides line up).
  const kB = totals.baseline === 0 ? 0 : 100 / totals.baseline;
  const kC = totals.canary === 0 ? 0 : 100 / totals.canary;
  const objs: FlameNode[] = new Array(count);
  let maxDepth = 0;
  for (let i = 0; i < count; i++) {
    const parent = nodeParent[i];
    const depth = i === 0 ? 0 : objs[parent].depth + 1;
    if (depth > maxDepth) maxDepth = depth;
    const fn = nodeFn[i];
    objs[i] = {
      fn,
      name: fn < 0 ? 'all' : names[fn],
      depth,
      baseline: vals[0][i],
      canary: vals[1][i],
      baselineShare: vals[0][i] * kB,
      canaryShare: vals[1][i] * kC,
      children: [],
    };
    if (i > 0) objs[parent].children.push(objs[i]);
  }
  for (const o of objs) {
    if (o.children.length > 1) {
      o.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
  }
  return {
    type: type ?? { type: '', unit: '' },
    names,
    root: objs[0],
    baselineTotal: totals.baseline,
    canaryTotal: totals.canary,
    baselineCaptures: baseline.length,
    canaryCaptures: canary.length,
    nodeCount: count,
    maxDepth,
  };
}

/** Self share of a node (its share minus its children's), per side. */
export function selfShares(node: FlameNode): { baseline: number; canary: number } {
  let b = node.baselineShare;
  let c = node.canaryShare;
  for (const ch of node.children) {
    b -= ch.baselineShare;
    c -= ch.canaryShare;
  }
  return { baseline: Math.max(0, b), canary: Math.max(0, c) };
}

/** Visits nodes depth first, pre-order, without recursion. Return false to skip a subtree. */
export function walkTree(root: FlameNode, visit: (node: FlameNode) => boolean | void): void {
  const stack: FlameNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** The statistics results of each function, by metric. */
export interface FunctionTests {
  self?: FunctionDelta;
  cum?: FunctionDelta;
}

export function indexDeltas(c: Comparison | undefined): Map<string, FunctionTests> {
  const m = new Map<string, FunctionTests>();
  if (!c) return m;
  for (const d of c.functions) {
    if (d.metric !== 'self' && d.metric !== 'cum') continue;
    const e = m.get(d.function) ?? {};
    e[d.metric] = d;
    m.set(d.function, e);
  }
  return m;
}

/** What a frame's colour says. */
export type FrameTone = 'grew' | 'shrank' | 'unchanged' | 'untested';

export interface ColorScale {
  /** |delta| in pp that gets the full colour (the largest significant change). */
  fullPp: number;
}

/** The largest significant |delta| of the metric, at least 0.5pp so tiny changes stay pale. */
export function colorScale(c: Comparison | undefined, metric: Metric = 'self'): ColorScale {
  let max = 0;
  if (c) {
    for (const d of c.functions) {
      if (d.metric === metric && d.significant && d.status !== 'ignored') {
        max = Math.max(max, Math.abs(d.deltaPp));
      }
    }
  }
  return { fullPp: Math.max(0.5, max) };
}

export function frameTone(d: FunctionDelta | undefined): FrameTone {
  if (!d) return 'untested';
  if (!d.significant || d.status === 'ignored' || d.status === 'unchanged') return 'unchanged';
  return d.deltaPp > 0 ? 'grew' : d.deltaPp < 0 ? 'shrank' : 'unchanged';
}

const RED_LIGHT = [252, 196, 186];
const RED_FULL = [200, 24, 24];
const BLUE_LIGHT = [190, 208, 250];
const BLUE_FULL = [28, 78, 200];

function mix(a: number[], b: number[], t: number): [number, number, number] {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as [number, number, number];
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * Frame colour as `#rrggbb`. Significant growth is red and shrink blue, from pale (tiny) to
 * saturated (the largest change, `scale.fullPp`); untested and not-significant functions are
 * grey, varied a little by name so that neighbouring frames stay distinguishable.
 */
export function frameColor(name: string, d: FunctionDelta | undefined, scale: ColorScale): string {
  const tone = frameTone(d);
  let rgb: [number, number, number];
  if (tone === 'grew' || tone === 'shrank') {
    const t = 0.2 + 0.8 * Math.min(1, Math.abs(d!.deltaPp) / scale.fullPp);
    rgb = tone === 'grew' ? mix(RED_LIGHT, RED_FULL, t) : mix(BLUE_LIGHT, BLUE_FULL, t);
  } else {
    const g = (tone === 'untested' ? 214 : 192) + (hash(name) % 18);
    rgb = [g, g, tone === 'untested' ? g - 4 : g];
  }
  return '#' + rgb.map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** Signed percentage points, e.g. `+6.20pp`. */
export function fmtPp(x: number, digits = 2): string {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return `${v > 0 ? '+' : v < 0 ? '-' : ''}${Math.abs(v).toFixed(digits)}pp`;
}

/** Signed number without unit, for intervals: `+4.90`. */
export function fmtSigned(x: number, digits = 2): string {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return `${v > 0 ? '+' : v < 0 ? '-' : ''}${Math.abs(v).toFixed(digits)}`;
}

/** `+6.20pp [+4.90, +7.50]` for a tested delta. */
export function fmtDelta(d: FunctionDelta, digits = 2): string {
  return `${fmtPp(d.deltaPp, digits)} [${fmtSigned(d.ciLowPp, digits)}, ${fmtSigned(d.ciHighPp, digits)}]`;
}

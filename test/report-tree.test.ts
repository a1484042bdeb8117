import { describe, expect, it } from 'vitest';
import {
  buildFlameTree,
  colorScale,
  fmtDelta,
  fmtPp,
  frameColor,
  frameTone,
  selfShares,
  walkTree,
  type FlameNode,
} from '../src/report/tree.js';
import type { FunctionDelta } from '../src/stats/types.js';
import { profileFrom } from './helpers/report.js';

function child(n: FlameNode, name: string): FlameNode {
  const c = n.children.find((x) => x.name === name);
  if (!c) throw new Error(`no child ${name} under ${n.name}`);
  return c;
}

function delta(
  deltaPp: number,
  significant: boolean,
  status: FunctionDelta['status'],
): FunctionDelta {
  return {
    function: 'f',
    metric: 'self',
    baselineShare: 1,
    canaryShare: 1 + deltaPp,
    deltaPp,
    ciLowPp: deltaPp - 1,
    ciHighPp: deltaPp + 1,
    ratio: null,
    pValue: 0.01,
    significant,
    status,
    inBaseline: true,
    inCanary: true,
    budget: { source: 'default', pp: 1 },
    overBudget: false,
    reason: '',
    mdePp: 1,
    driftPp: 0,
  };
}

describe('buildFlameTree', () => {
  // Baseline A (total 100): main;a;b 30, main;a 10, main;c 60
  // Baseline B (total 40):  main;a;b 20, main;c 20
  // Canary C (total 100):   main;a;b 50, main;d 50
  const A = profileFrom([
    ['main;a;b', 30],
    ['main;a', 10],
    ['main;c', 60],
  ]);
  const B = profileFrom([
    ['main;a;b', 20],
    ['main;c', 20],
  ]);
  const C = profileFrom([
    ['main;a;b', 50],
    ['main;d', 50],
  ]);
  const t = buildFlameTree([A, B], [C]);

  it('sums raw values; shares are side value / side total (hand-computed)', () => {
    expect(t.baselineTotal).toBe(140);
    expect(t.canaryTotal).toBe(100);
    expect(t.baselineCaptures).toBe(2);
    expect(t.canaryCaptures).toBe(1);
    expect(t.root).toMatchObject({
      baseline: 140,
      canary: 100,
      baselineShare: 100,
      canaryShare: 100,
    });
    const main = child(t.root, 'main');
    expect(main).toMatchObject({
      baseline: 140,
      canary: 100,
      baselineShare: 100,
      canaryShare: 100,
    });
    const a = child(main, 'a');
    // (40 + 20) / (100 + 40)
    expect(a.baseline).toBe(60);
    expect(a.baselineShare).toBeCloseTo((100 * 60) / 140, 10);
    expect(a.canary).toBe(50);
    expect(a.canaryShare).toBeCloseTo(50, 10);
    const b = child(a, 'b');
    expect(b.baseline).toBe(50);
    expect(b.baselineShare).toBeCloseTo((100 * 50) / 140, 10);
    expect(b.canaryShare).toBeCloseTo(50, 10);
    expect(b.depth).toBe(3);
  });

  it('is the union of both sides, children sorted by name', () => {
    const main = child(t.root, 'main');
    expect(main.children.map((c) => c.name)).toEqual(['a', 'c', 'd']);
    const c = child(main, 'c');
    expect(c).toMatchObject({ baseline: 80, canary: 0, canaryShare: 0 });
    expect(c.baselineShare).toBeCloseTo((100 * 80) / 140, 10);
    const d = child(main, 'd');
    expect(d).toMatchObject({ baseline: 0, baselineShare: 0, canary: 50, canaryShare: 50 });
    expect(t.nodeCount).toBe(6);
    expect(t.maxDepth).toBe(3);
    expect([...t.names].sort()).toEqual(['a', 'b', 'c', 'd', 'main']);
  });

  it('self shares are a node minus its children', () => {
    const a = child(child(t.root, 'main'), 'a');
    const s = selfShares(a);
    expect(s.baseline).toBeCloseTo((100 * 10) / 140, 10); // main;a itself: 10
    expect(s.canary).toBeCloseTo(0, 10);
  });

  it('walkTree visits pre-order and can skip subtrees', () => {
    const seen: string[] = [];
    walkTree(t.root, (n) => {
      seen.push(n.name);
      if (n.name === 'a') return false;
    });
    expect(seen).toEqual(['all', 'main', 'a', 'c', 'd']);
  });

  it('merges names through the normalizer and picks the sample type by name', () => {
    const p = profileFrom(
      [
        ['main;F[go.shape.int]', 10],
        ['main;F[go.shape.string]', 30],
      ],
      'samples',
      'count',
    );
    const tree = buildFlameTree([p], [p], { type: 'samples' });
    const main = child(tree.root, 'main');
    expect(main.children).toHaveLength(1);
    expect(main.children[0]).toMatchObject({ name: 'F[...]', baseline: 40, canaryShare: 100 });
    const raw = buildFlameTree([p], [p], { normalize: 'off' });
    expect(child(raw.root, 'main').children).toHaveLength(2);
  });

  it('handles stacks thousands of frames deep without recursion', () => {
    const deep = Array.from({ length: 5000 }, (_, i) => `f${i % 7}`).join(';');
    const tree = buildFlameTree([profileFrom([[deep, 1]])], [profileFrom([[deep, 2]])]);
    expect(tree.maxDepth).toBe(5000);
    let n = 0;
    walkTree(tree.root, () => void n++);
    expect(n).toBe(5001);
  });
});

describe('frame colours', () => {
  const scale = colorScale(undefined);
  it('red for significant growth, blue for shrink, grey otherwise', () => {
    expect(frameTone(delta(3, true, 'regression'))).toBe('grew');
    expect(frameTone(delta(-3, true, 'improvement'))).toBe('shrank');
    expect(frameTone(delta(3, false, 'unchanged'))).toBe('unchanged');
    expect(frameTone(delta(3, true, 'ignored'))).toBe('unchanged');
    expect(frameTone(undefined)).toBe('untested');
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [r, g, b] = rgb(frameColor('f', delta(3, true, 'regression'), { fullPp: 3 }));
    expect(r).toBeGreaterThan(g + 100);
    expect(r).toBeGreaterThan(b + 100);
    const [r2, g2, b2] = rgb(frameColor('f', delta(-3, true, 'improvement'), { fullPp: 3 }));
    expect(b2).toBeGreaterThan(r2 + 100);
    expect(b2).toBeGreaterThan(g2 + 50);
    const [r3, g3, b3] = rgb(frameColor('f', delta(3, false, 'unchanged'), scale));
    expect(r3).toBe(g3);
    expect(g3).toBe(b3);
  });
  it('intensity grows with the size of the change', () => {
    const light = frameColor('f', delta(0.5, true, 'grew'), { fullPp: 10 });
    const full = frameColor('f', delta(10, true, 'regression'), { fullPp: 10 });
    const g = (hex: string) => parseInt(hex.slice(3, 5), 16);
    expect(g(light)).toBeGreaterThan(g(full) + 100);
  });
  it('formats deltas with sign and interval', () => {
    expect(fmtPp(6.2)).toBe('+6.20pp');
    expect(fmtPp(-0.004)).toBe('0.00pp');
    expect(fmtDelta({ ...delta(6.2, true, 'regression'), ciLowPp: 4.9, ciHighPp: 7.5 })).toBe(
      '+6.20pp [+4.90, +7.50]',
    );
  });
});

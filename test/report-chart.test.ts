import { describe, expect, it } from 'vitest';
import {
  mermaidDeltaChart,
  renderDeltaChart,
  shortName,
  textDeltaChart,
} from '../src/report/chart.js';
import type { FunctionDelta } from '../src/stats/types.js';

function d(
  fn: string,
  deltaPp: number,
  lo: number,
  hi: number,
  over: Partial<FunctionDelta> = {},
): FunctionDelta {
  const significant = lo > 0 || hi < 0;
  return {
    function: fn,
    metric: 'self',
    baselineShare: 5,
    canaryShare: 5 + deltaPp,
    deltaPp,
    ciLowPp: lo,
    ciHighPp: hi,
    ratio: null,
    pValue: significant ? 0.001 : 0.6,
    significant,
    status: !significant
      ? 'unchanged'
      : deltaPp > 2
        ? 'regression'
        : deltaPp > 0
          ? 'grew'
          : 'improvement',
    inBaseline: true,
    inCanary: true,
    budget: { source: 'default', pp: 2 },
    overBudget: deltaPp > 2,
    reason: '',
    mdePp: 1,
    driftPp: 0,
    ...over,
  };
}

const deltas: FunctionDelta[] = [
  d('main.computeDiscount', 6.2, 4.9, 7.5),
  d('github.com/acme/shop/pricing.(*Engine).Apply', 1.1, 0.4, 1.8),
  d('encoding/json.(*decodeState).object', -3.1, -4.2, -2.0),
  d('runtime.mallocgc', 0.3, -0.2, 0.8), // not significant
  d('vendor.Noise', 9, 8, 10, { status: 'ignored' }),
  d('main.computeDiscount', 7.0, 5, 9, { metric: 'cum' }),
  d('(total)', 12, 3, 20, { metric: 'per-unit' }),
];

describe('renderDeltaChart', () => {
  it('mermaid xychart-beta: growth bars from 0, interval in the labels', () => {
    const m = mermaidDeltaChart(deltas);
    const lines = m.trim().split('\n');
    expect(lines[0]).toBe('```mermaid');
    expect(lines[1]).toBe('xychart-beta horizontal');
    expect(lines.at(-1)).toBe('```');
    expect(m).toContain('"main.computeDiscount +6.20pp (+4.90..+7.50pp)"');
    expect(m).toContain('pricing.(*Engine).Apply +1.10pp (+0.40..+1.80pp)');
    expect(m).toMatch(/y-axis "growth \(pp\)" 0 --> 8\n/);
    expect(m).toMatch(/bar \[6\.2, 1\.1\]\n/);
    // Not significant, ignored, shrinking and other metrics stay out of this chart.
    expect(m).not.toMatch(/mallocgc|Noise|decodeState|total/);
  });

  it('charts shrink magnitudes when nothing grew', () => {
    const m = mermaidDeltaChart([deltas[2]]);
    expect(m).toContain('y-axis "shrink (pp)" 0 -->');
    expect(m).toContain('bar [3.1]');
    expect(m).toContain('-3.10pp (-4.20..-2.00pp)');
  });

  it('text bars keep both signs, scaled to the largest delta', () => {
    const t = textDeltaChart(deltas, { barWidth: 20 });
    const rows = t.trim().split('\n');
    expect(rows[0]).toBe('```text');
    expect(rows.at(-1)).toBe('```');
    expect(rows[1]).toMatch(
      /^main\.computeDiscount\s+▇{20}\s+\+6\.20pp \[\+4\.90\.\.\+7\.50\]\s+regression$/,
    );
    expect(rows[2]).toMatch(
      /^json\.\(\*decodeState\)\.object\s+░{10}\s+-3\.10pp \[-4\.20\.\.-2\.00\]\s+improvement$/,
    );
    expect(rows[3]).toMatch(/^pricing\.\(\*Engine\)\.Apply\s+▇{4}\s+/);
    expect(t).not.toMatch(/mallocgc|Noise/);
  });

  it('styles, metric, top N, and nothing to chart', () => {
    expect(renderDeltaChart(deltas)).toBe(mermaidDeltaChart(deltas));
    expect(renderDeltaChart(deltas, { style: 'text' })).toBe(textDeltaChart(deltas));
    const both = renderDeltaChart(deltas, { style: 'both' });
    expect(both).toContain('```mermaid');
    expect(both).toContain('```text');
    expect(renderDeltaChart(deltas, { metric: 'cum' })).toContain('+7.00pp');
    expect(renderDeltaChart(deltas, { metric: 'per-unit', style: 'text' })).toContain('+12.00%');
    expect(textDeltaChart(deltas, { top: 1 }).trim().split('\n')).toHaveLength(4);
    expect(renderDeltaChart([deltas[3]])).toBe('');
    expect(renderDeltaChart([deltas[3]], { significantOnly: false, style: 'text' })).toContain(
      'mallocgc',
    );
  });

  it('labels cannot break out of the mermaid string', () => {
    const m = mermaidDeltaChart([d('evil"] \n bar [1', 3, 2, 4)]);
    const axis = m.split('\n').find((l) => l.includes('x-axis'))!;
    expect(axis.match(/"/g)).toHaveLength(2);
    expect(m.split('\n').filter((l) => l.trim().startsWith('bar'))).toHaveLength(1);
  });

  it('shortName drops the package path only', () => {
    expect(shortName('github.com/a/b/pkg.(*T).M')).toBe('pkg.(*T).M');
    expect(shortName('main.f')).toBe('main.f');
    expect(shortName('handle (app/x.py)')).toBe('handle (app/x.py)');
  });
});

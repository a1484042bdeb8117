/** Human formatting of profile values by unit. */

export function formatValue(v: number, unit: string): string {
  const a = Math.abs(v);
  const u = unit.toLowerCase();
  const num = (x: number, suffix: string) => {
    const d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    return `${x.toFixed(d)}${suffix}`;
  };
  if (u === 'nanoseconds' || u === 'ns') {
    if (a >= 1e9) return num(v / 1e9, 's');
    if (a >= 1e6) return num(v / 1e6, 'ms');
    if (a >= 1e3) return num(v / 1e3, 'us');
    return `${v}ns`;
  }
  if (u === 'microseconds' || u === 'us') return formatValue(v * 1e3, 'nanoseconds');
  if (u === 'milliseconds' || u === 'ms') return formatValue(v * 1e6, 'nanoseconds');
  if (u === 'seconds' || u === 's') return formatValue(v * 1e9, 'nanoseconds');
  if (u === 'bytes' || u === 'b') {
    if (a >= 1 << 30) return num(v / (1 << 30), 'GB');
    if (a >= 1 << 20) return num(v / (1 << 20), 'MB');
    if (a >= 1 << 10) return num(v / (1 << 10), 'kB');
    return `${v}B`;
  }
  if (Number.isInteger(v)) return String(v);
  return v.toPrecision(4);
}

export function pct(x: number, digits = 2): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/**
 * What two capture sets' manifests say about how they were made: incomplete sets, another
 * profile type, other machines, another offered load, other capture lengths. Pure.
 */
import type { Manifest } from './manifest.js';

/** Warnings when the manifests say the two sets were not made the same way. */
export function differences(base: Manifest[], can: Manifest[]): string[] {
  const out: string[] = [];
  if (base.length === 0 || can.length === 0) return out;
  const b = base[0];
  const c = can[0];
  if (b.runner && c.runner) {
    if (b.runner.cpuModel !== c.runner.cpuModel || b.runner.cores !== c.runner.cores) {
      out.push(
        `captured on different machines: baseline ${b.runner.cpuModel} x${b.runner.cores}, canary ${c.runner.cpuModel} x${c.runner.cores}; shares shift with the hardware`,
      );
    }
  }
  const rb = b.load?.rate;
  const rc = c.load?.rate;
  if (rb && rc && rb !== rc)
    out.push(`different offered load: baseline ${rb} req/s, canary ${rc} req/s`);
  const durs = (ms: Manifest[]) =>
    new Set(ms.flatMap((m) => m.captures.map((e) => e.durationSeconds)));
  const db = durs(base);
  const dc = durs(can);
  if (db.size === 1 && dc.size === 1 && [...db][0] !== [...dc][0]) {
    out.push(`different capture lengths: baseline ${[...db][0]} s, canary ${[...dc][0]} s`);
  }
  return out;
}

/** Both sides come from one capture run (interleaved A/B): their manifests share a run id. */
export function sameRun(base: Manifest[], can: Manifest[]): boolean {
  if (base.length !== 1 || can.length !== 1) return false;
  const a = base[0].run;
  const b = can[0].run;
  return !!a && !!b && a.interleaved && b.interleaved && a.id === b.id;
}

/** Reasons no verdict can be trusted: a set that is not complete (interrupted, still running). */
export function incompleteSets(base: Manifest[], can: Manifest[]): string[] {
  const out: string[] = [];
  for (const [side, ms] of [
    ['baseline', base],
    ['canary', can],
  ] as const) {
    for (const m of ms) {
      if (m.incomplete) {
        out.push(
          `the ${side} set is incomplete (${m.captures.length} of ${m.incomplete.requestedCaptures} captures: ${m.incomplete.reason})`,
        );
      }
    }
  }
  return out;
}

/**
 * How the two sets' runners differ (CPU model, cores, OS, architecture, the service's runtime),
 * or undefined when they match or a side does not say. Absolute costs (per request) are not
 * comparable across such a difference; shares mostly are.
 */
export function hardwareMismatch(base: Manifest[], can: Manifest[]): string | undefined {
  const a = base[0]?.runner;
  const b = can[0]?.runner;
  if (!a || !b) return undefined;
  // the kernel's name (`Linux 6.8.0` and `linux` are one OS; the release does not matter)
  const osName = (s: string) => s.split(' ')[0].toLowerCase();
  const fields: [string, string | number | undefined, string | number | undefined][] = [
    ['CPU', a.cpuModel, b.cpuModel],
    ['cores', a.cores, b.cores],
    ['OS', osName(a.os), osName(b.os)],
    ['arch', a.arch, b.arch],
    ['runtime', a.runtimeVersion, b.runtimeVersion],
  ];
  const diff = fields
    .filter(([, x, y]) => x !== undefined && y !== undefined && x !== y)
    .map(([k, x, y]) => `${k} ${x} vs ${y}`);
  return diff.length
    ? `baseline and canary ran on different hardware (${diff.join(', ')})`
    : undefined;
}

/** Go's heap and allocs endpoints serve the same profile (allocs defaults to alloc_space). */
const SAME_KIND: Record<string, string> = { heap: 'allocs' };

/**
 * Why the two sets cannot be compared although their sample types have the same names (a
 * block and a mutex profile both count contentions and delay), or undefined.
 */
export function kindMismatch(base: Manifest[], can: Manifest[]): string | undefined {
  const b = base[0]?.profileType;
  const c = can[0]?.profileType;
  if (!b || !c) return undefined;
  const kind = (t: string) => SAME_KIND[t] ?? t;
  if (kind(b) === kind(c)) return undefined;
  return `not comparable: the baseline is a ${b} profile and the canary a ${c} profile (their manifests say so); their sample types may have the same names, but they measure different things`;
}

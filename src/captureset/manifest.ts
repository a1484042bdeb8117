/**
 * manifest.json: what a capture folder holds and how it was made. Written by `capture`
 * (and by the fleet sources and `promote`), read by `compare` to find units of work
 * (requests per capture) and to warn when two sets are not comparable.
 */

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { ProfileError } from '../profile/errors.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT_VERSION = 1;

export interface RunnerFingerprint {
  cpuModel: string;
  cores: number;
  os: string;
  arch: string;
  node: string;
  /** Runtime of the profiled service when known (e.g. "go1.19.8"). */
  runtimeVersion?: string;
}

/** The profiler a capture set was recorded with (`capture --profiler`, attached by pid). */
export interface ManifestProfiler {
  name: string;
  pid: number;
  /** Sampling frequency asked for (Hz). */
  hz: number;
  /** How it sampled, in the profiler's own terms (`interval 1000 us`, `jdk.ExecutionSample#period=10ms`). */
  sampling: string;
  /** node: the inspector port, and whether profile-gate opened it (and closed it after). */
  inspectPort?: number;
  openedInspector?: boolean;
  /** perf: the event. jfr: the settings. */
  event?: string;
  settings?: string;
}

export interface CaptureEntry {
  /** File name relative to the manifest's folder. */
  file: string;
  /** For interleaved A/B captures: which build the capture came from. */
  role?: 'baseline' | 'canary';
  start: string; // ISO time
  end: string; // ISO time
  durationSeconds: number;
  /** Requests completed / failed by the load generator during this capture's window. */
  requests?: {
    completed: number;
    failed: number;
    /** Built-in load only: arrivals not sent because the in-flight cap was reached. */
    dropped?: number;
  };
  sha256: string;
  bytes: number;
}

export interface Manifest {
  formatVersion: number;
  tool: { name: string; version: string };
  createdAt: string;
  /** Where the profiles came from. */
  source: {
    kind: 'http' | 'command' | 'profiler' | 'pyroscope' | 'parca' | 'import';
    url?: string;
    command?: string;
    query?: string;
    /**
     * kind 'profiler': the profiler that attached to the process (node, jfr, perf), the process
     * id, and how it sampled (frequency in Hz and in the profiler's own terms).
     */
    profiler?: ManifestProfiler;
  };
  /** Profile kind asked for (cpu, allocs, heap, block, mutex, goroutine, or a custom name). */
  profileType: string;
  /** pprof sample type the captures should be compared on, when known (e.g. "cpu", "alloc_space"). */
  sampleType?: string;
  labels: Record<string, string>;
  /**
   * The profiled process's working folder (its project root), when the capture attached to a
   * process: file paths under it in function names are made relative (name normalization).
   */
  projectRoot?: string;
  runner?: RunnerFingerprint;
  load?: {
    kind: 'builtin' | 'command' | 'none';
    rate?: number;
    urls?: string[];
    command?: string;
    /** Built-in load only: the weighted mix of requests (urls lists the distinct URLs). */
    mix?: { method: string; url: string; weight: number }[];
  };
  captures: CaptureEntry[];
  /**
   * The capture run this set came from. Interleaved A/B captures write the same id into the
   * baseline's and the canary's manifest: the two sets share one run, so no run-to-run drift
   * lies between them.
   */
  run?: { id: string; interleaved: boolean };
  /**
   * Present when the set has fewer captures than asked: the run was interrupted (Ctrl-C) or
   * could not go on, or is still in progress. Absent on a complete set.
   */
  incomplete?: { reason: string; requestedCaptures: number };
  /** Set when a set is promoted to baseline by the Action. */
  promotion?: { commitSha: string; runId: string; ref?: string; time: string; settings?: unknown };
}

/** The most captures a manifest may list. */
export const MAX_MANIFEST_CAPTURES = 100_000;
/** The longest string any manifest field may hold (a label, a URL, a command). */
const MAX_STRING = 4096;
/** A manifest.json larger than this is not read. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/**
 * Whether `name` may be a capture file name in a manifest: one plain name inside the
 * manifest's folder (no separators, not `.` or `..`, not hidden, no control characters).
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    !/[/\\]/.test(name) &&
    ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) &&
    !name.startsWith('.') &&
    name !== MANIFEST_FILE
  );
}

/**
 * Reads manifest.json and checks it against the schema (types, ranges, file names): a manifest
 * comes with a baseline artifact or a capture folder and is as untrusted as the profiles
 * beside it. Throws a ProfileError naming the file and the first problem.
 */
export function readManifestFile(path: string): Manifest {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_MANIFEST_BYTES) {
      throw new ProfileError('manifest', path, `manifest of ${size} bytes is too large to be one`);
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    throw new ProfileError('io', path, `cannot read the manifest (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError('manifest', path, `not valid JSON (${(e as Error).message})`);
  }
  return validateManifest(json, path);
}

/** Checks a parsed manifest.json (see readManifestFile); returns it typed. */
export function validateManifest(json: unknown, file: string): Manifest {
  const fail = (where: string, what: string): never => {
    throw new ProfileError('manifest', file, `not a valid capture manifest: ${where} ${what}`);
  };
  const show = (v: unknown) => {
    const t = JSON.stringify(v);
    return t === undefined ? String(v) : t.length > 40 ? `${t.slice(0, 40)}...` : t;
  };
  const kind = (v: unknown) =>
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v} (${show(v)})`;
  const obj = (v: unknown, where: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      fail(where, `is ${kind(v)}, not an object`);
    return v as Record<string, unknown>;
  };
  const str = (v: unknown, where: string): string => {
    if (typeof v !== 'string') return fail(where, `is ${kind(v)}, not a string`);
    if (v.length > MAX_STRING)
      return fail(where, `is a string of ${v.length} characters (at most ${MAX_STRING})`);
    return v;
  };
  const optStr = (o: Record<string, unknown>, k: string, where: string) => {
    if (o[k] !== undefined) str(o[k], `${where}.${k}`);
  };
  const num = (
    v: unknown,
    where: string,
    opts: { int?: boolean; min?: number; max?: number } = {},
  ): number => {
    const what = opts.int ? 'a whole number' : 'a number';
    if (typeof v !== 'number' || !Number.isFinite(v) || (opts.int && !Number.isInteger(v))) {
      return fail(where, `is ${kind(v)}, not ${what}`);
    }
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      return fail(where, `is ${v}, out of range (${opts.min ?? '-inf'} to ${opts.max ?? 'inf'})`);
    }
    return v;
  };
  const oneOf = (v: unknown, where: string, allowed: readonly string[]) => {
    if (typeof v !== 'string' || !allowed.includes(v)) {
      fail(where, `is ${kind(v)}, not one of ${allowed.join(', ')}`);
    }
  };
  const strList = (v: unknown, where: string) => {
    if (!Array.isArray(v)) return fail(where, `is ${kind(v)}, not an array`);
    v.forEach((x, i) => str(x, `${where}[${i}]`));
  };

  const m = obj(json, 'the manifest');
  if (m.formatVersion !== undefined) {
    const v = num(m.formatVersion, 'formatVersion', { int: true, min: 1 });
    if (v > MANIFEST_FORMAT_VERSION) {
      fail(
        'formatVersion',
        `is ${v}: written by a newer profile-gate (this one reads ${MANIFEST_FORMAT_VERSION})`,
      );
    }
  }
  if (m.tool !== undefined) {
    const t = obj(m.tool, 'tool');
    optStr(t, 'name', 'tool');
    optStr(t, 'version', 'tool');
  }
  optStr(m, 'createdAt', 'the manifest');
  if (m.source !== undefined) {
    const src = obj(m.source, 'source');
    oneOf(src.kind, 'source.kind', ['http', 'command', 'profiler', 'pyroscope', 'parca', 'import']);
    for (const k of ['url', 'command', 'query']) optStr(src, k, 'source');
    if (src.profiler !== undefined) {
      const p = obj(src.profiler, 'source.profiler');
      for (const k of ['name', 'sampling', 'event', 'settings']) optStr(p, k, 'source.profiler');
      for (const k of ['pid', 'hz', 'inspectPort']) {
        if (p[k] !== undefined) num(p[k], `source.profiler.${k}`, { min: 0 });
      }
    }
  }
  if (m.projectRoot !== undefined) str(m.projectRoot, 'projectRoot');
  if (m.profileType !== undefined) str(m.profileType, 'profileType');
  if (m.sampleType !== undefined) {
    const t = str(m.sampleType, 'sampleType');
    if (t === '' || t.length > 200) fail('sampleType', `is ${show(t)}, not a sample type name`);
  }
  if (m.labels !== undefined) {
    const l = obj(m.labels, 'labels');
    for (const [k, v] of Object.entries(l)) str(v, `labels.${k.slice(0, 40)}`);
  }
  if (m.runner !== undefined) {
    const r = obj(m.runner, 'runner');
    for (const k of ['cpuModel', 'os', 'arch', 'node', 'runtimeVersion']) optStr(r, k, 'runner');
    if (r.cores !== undefined) num(r.cores, 'runner.cores', { int: true, min: 0, max: 1e6 });
  }
  if (m.load !== undefined) {
    const l = obj(m.load, 'load');
    oneOf(l.kind, 'load.kind', ['builtin', 'command', 'none']);
    if (l.rate !== undefined) num(l.rate, 'load.rate', { min: 0 });
    if (l.urls !== undefined) strList(l.urls, 'load.urls');
    optStr(l, 'command', 'load');
    if (l.mix !== undefined) {
      if (!Array.isArray(l.mix)) fail('load.mix', `is ${kind(l.mix)}, not an array`);
      (l.mix as unknown[]).forEach((x, i) => {
        const e = obj(x, `load.mix[${i}]`);
        str(e.method, `load.mix[${i}].method`);
        str(e.url, `load.mix[${i}].url`);
        num(e.weight, `load.mix[${i}].weight`, { min: 0 });
      });
    }
  }
  if (!Array.isArray(m.captures))
    fail('captures', `is ${kind(m.captures)}, not a list of captures`);
  const captures = m.captures as unknown[];
  if (captures.length > MAX_MANIFEST_CAPTURES) {
    fail('captures', `lists ${captures.length} captures (at most ${MAX_MANIFEST_CAPTURES})`);
  }
  const seen = new Set<string>();
  captures.forEach((x, i) => {
    const w = `captures[${i}]`;
    const c = obj(x, w);
    const f = str(c.file, `${w}.file`);
    if (!isPlainFileName(f)) {
      fail(
        `${w}.file`,
        `is ${show(f)}: a capture file must be a plain file name inside the manifest's folder (no path separators, not hidden, not "..")`,
      );
    }
    if (seen.has(f)) fail(`${w}.file`, `${show(f)} is listed twice`);
    seen.add(f);
    if (c.role !== undefined) oneOf(c.role, `${w}.role`, ['baseline', 'canary']);
    optStr(c, 'start', w);
    optStr(c, 'end', w);
    if (c.durationSeconds !== undefined) num(c.durationSeconds, `${w}.durationSeconds`, { min: 0 });
    if (c.requests !== undefined) {
      const r = obj(c.requests, `${w}.requests`);
      num(r.completed, `${w}.requests.completed`, { int: true, min: 0 });
      num(r.failed, `${w}.requests.failed`, { int: true, min: 0 });
      if (r.dropped !== undefined) num(r.dropped, `${w}.requests.dropped`, { int: true, min: 0 });
    }
    if (typeof c.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(c.sha256)) {
      fail(`${w}.sha256`, `is ${kind(c.sha256)}, not a sha256 digest (64 lowercase hex digits)`);
    }
    num(c.bytes, `${w}.bytes`, { int: true, min: 0 });
  });
  if (m.run !== undefined) {
    const r = obj(m.run, 'run');
    str(r.id, 'run.id');
    if (typeof r.interleaved !== 'boolean')
      fail('run.interleaved', `is ${kind(r.interleaved)}, not true or false`);
  }
  if (m.incomplete !== undefined) {
    const inc = obj(m.incomplete, 'incomplete');
    str(inc.reason, 'incomplete.reason');
    num(inc.requestedCaptures, 'incomplete.requestedCaptures', { int: true, min: 0 });
  }
  if (m.promotion !== undefined) {
    const p = obj(m.promotion, 'promotion');
    str(p.commitSha, 'promotion.commitSha');
    str(p.runId, 'promotion.runId');
    optStr(p, 'ref', 'promotion');
    str(p.time, 'promotion.time');
  }
  return m as unknown as Manifest;
}

/**
 * Checks a capture file's bytes against its manifest entry (size, then sha256) before the
 * file is decoded: a file changed after the capture (or swapped in a baseline artifact) is an
 * error naming it.
 */
export function verifyCaptureFile(entry: CaptureEntry, bytes: Uint8Array, file: string): void {
  if (bytes.length !== entry.bytes) {
    throw new ProfileError(
      'manifest',
      file,
      `is ${bytes.length} bytes but its manifest.json says ${entry.bytes}: the file was changed after it was captured; the set cannot be trusted`,
    );
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256) {
    throw new ProfileError(
      'manifest',
      file,
      `sha256 ${digest} does not match ${entry.sha256} in its manifest.json: the file was changed after it was captured; the set cannot be trusted`,
    );
  }
}

/**
 * manifest.json: what a capture folder holds and how it was made. Written by `capture`
 * (and by the fleet sources and `promote`), read by `compare` to find units of work
 * (requests per capture) and to warn when two sets are not comparable.
 */

import { readFileSync } from 'node:fs';

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
    profiler?: {
      name: string;
      pid: number;
      hz: number;
      sampling: string;
      inspectPort?: number;
      openedInspector?: boolean;
      event?: string;
      settings?: string;
    };
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

/** Reads and minimally checks a manifest.json; throws (with the reason) when it is not one. */
export function readManifestFile(path: string): Manifest {
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (typeof m !== 'object' || m === null || !Array.isArray(m.captures)) {
    throw new Error('no captures list');
  }
  return m;
}

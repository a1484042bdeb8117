/**
 * One capture attempt for one build: ask for the profile (HTTP GET, the capture command, or the
 * attached profiler), count the load in its window, check the profile, write it into the set's
 * folder and report it. Retrying a failed attempt is the caller's (runner.ts).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CaptureEntry } from '../captureset/manifest.js';
import { captureEntry } from '../captureset/write.js';
import { checkProfile, type CheckedProfile } from './check-profile.js';
import { describeExit, placeholdersIn, runCommand, substitute } from './command.js';
import { fileStem, fillTemplate, type Endpoint } from './endpoints.js';
import { CaptureError } from './errors.js';
import { DEFAULT_LIMITS } from '../profile/limits.js';
import { httpGetOnce } from './http-get.js';
import { describeLoadErrors } from './load.js';
import {
  windowBetween,
  type LoadCounters,
  type LoadGenerator,
  type LoadWindow,
} from './loadgen.js';
import { captureWithProfiler } from './attach.js';
import { tempPath, writeSetFile, type CaptureRun, type RoleState } from './run.js';
import { fmtSeconds, sleep } from './time.js';

/** One edge of a capture's window: when, and the load counters then. */
interface WindowEdge {
  at: number;
  epoch: number;
  counters?: LoadCounters;
}

/**
 * Capture n of set s (`index` counts over all sets): the entry of the file it wrote. Rejects
 * with a CaptureError (retryable or not) and leaves no file behind.
 */
export async function captureOnce(
  run: CaptureRun,
  s: RoleState,
  n: number,
  index: number,
): Promise<CaptureEntry> {
  const stem = `${fileStem(run.o.type)}-${String(n).padStart(3, '0')}`;
  let win = openWindow(s.gen, run.o.seconds);
  let bytes: Uint8Array;
  let end: WindowEdge;
  try {
    if (s.endpoint) bytes = await fetchOverHttp(run, s.endpoint);
    else if (s.profiler) {
      // the window opens again when the profiler has begun sampling
      const restart = () => {
        win.close();
        win = openWindow(s.gen, run.o.seconds);
      };
      ({ bytes } = await captureWithProfiler(run, s, n, stem, restart));
    } else bytes = await runCaptureCommand(run, s, stem);
  } finally {
    end = win.close();
  }
  const window =
    win.start.counters && end.counters
      ? windowBetween(win.start.counters, end.counters)
      : undefined;
  const checked = checkCapture(run, s, bytes, stem, index, window);
  const file = stem + checked.ext;
  writeSetFile(s, file, bytes);
  const entry = captureEntry(file, bytes, {
    ...(s.role ? { role: s.role } : {}),
    start: iso(win.start.epoch),
    end: iso(end.epoch),
    durationSeconds: Math.round(end.at - win.start.at) / 1000,
  });
  if (window) {
    entry.requests = {
      completed: window.completed,
      failed: window.failed,
      dropped: window.dropped,
    };
  }
  run.progress({
    kind: 'capture-done',
    index,
    total: run.totalCaptures,
    role: s.role,
    entry,
    window,
    askedRate: s.gen?.rate,
  });
  if (window && s.gen) warnIfLoadShort(run, s.gen, s, index, window);
  return entry;
}

/**
 * The window a profile covers, in which load requests are counted: from the moment the capture
 * is asked for until `seconds` later (or the answer, if it comes sooner). The service's time to
 * build and send the profile afterwards is not part of it.
 */
function openWindow(gen: LoadGenerator | undefined, seconds: number) {
  const edge = (): WindowEdge => {
    const counters = gen?.snapshot();
    return { epoch: Date.now(), at: performance.now(), counters };
  };
  const start = edge();
  let end: WindowEdge | undefined;
  const timer = setTimeout(() => {
    end = edge();
  }, seconds * 1000);
  return {
    start,
    close: (): WindowEdge => {
      clearTimeout(timer);
      return (end ??= edge());
    },
  };
}

async function fetchOverHttp(run: CaptureRun, endpoint: Endpoint): Promise<Buffer> {
  const { o } = run;
  const grace = run.settings.graceMs;
  const url = fillTemplate(endpoint.template, { seconds: o.seconds, type: o.type });
  let timeoutMs = o.seconds * 1000 + grace;
  if (!endpoint.duration) {
    // Snapshot endpoint: keep the load going for the window, then take the snapshot.
    await sleep(o.seconds * 1000, run.signal);
    timeoutMs = grace || 1000;
  }
  const { bytes } = await httpGetOnce(url, {
    timeoutMs,
    maxBytes: o.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes,
    signal: run.signal,
    headers: o.headers,
    deadlineNote: endpoint.duration
      ? `--seconds ${o.seconds} + ${fmtSeconds(grace / 1000)} grace; raise --timeout-grace if it is only slow`
      : `${fmtSeconds(grace / 1000)} grace for a snapshot`,
  });
  return bytes;
}

/** Runs the capture command for s: the profile it wrote at {out}, or its stdout. */
async function runCaptureCommand(run: CaptureRun, s: RoleState, stem: string): Promise<Buffer> {
  const { o } = run;
  const deadlineMs = o.seconds * 1000 + run.settings.graceMs;
  const tmp = tempPath(s.dir, stem + '.out');
  run.temps.add(tmp);
  try {
    const wantsOut = placeholdersIn(o.captureCommand!).includes('out');
    const cmd = substitute(o.captureCommand!, {
      pid: s.pid,
      seconds: o.seconds,
      out: tmp,
      type: o.type,
      url: o.url,
    });
    const r = await runCommand(cmd, {
      timeoutMs: deadlineMs,
      signal: run.signal,
      collectStdout: !wantsOut,
    });
    if (r.aborted) throw new CaptureError('aborted', 'interrupted');
    if (r.timedOut) {
      throw new CaptureError(
        'timeout',
        `capture command did not finish within ${fmtSeconds(deadlineMs / 1000)} (--seconds ${o.seconds} + grace)${r.tail ? `; its last output:\n${r.tail}` : ''}`,
      );
    }
    if (r.code !== 0) {
      throw new CaptureError(
        'command',
        `capture command failed (${describeExit(r)})${r.tail ? `; its last output:\n${r.tail}` : ''}`,
        r.code !== 127 && !r.error,
      );
    }
    if (!wantsOut) {
      if (r.stdoutOverflow)
        throw new CaptureError('too-large', 'capture command printed more than 512 MiB');
      return r.stdout;
    }
    if (!existsSync(tmp)) {
      throw new CaptureError(
        'command',
        `capture command exited 0 but wrote nothing at {out}${r.tail ? `; its output:\n${r.tail}` : ''}`,
        true,
      );
    }
    return readFileSync(tmp);
  } finally {
    rmSync(tmp, { force: true });
    run.temps.delete(tmp);
  }
}

/**
 * Checks a profile (see checkProfile) and that load reached the service in its window; records
 * the sample type found when none was asked for.
 */
function checkCapture(
  run: CaptureRun,
  s: RoleState,
  bytes: Uint8Array,
  stem: string,
  index: number,
  window: LoadWindow | undefined,
): CheckedProfile {
  const { sampleType, emptyHint } = run.settings;
  let checked: CheckedProfile;
  try {
    checked = checkProfile(
      bytes,
      stem,
      sampleType,
      emptyHint,
      run.o.limits,
      s.profiler !== undefined,
    );
  } catch (e) {
    if (e instanceof CaptureError && e.kind === 'empty' && window && s.gen) {
      e.message += ` (load in this window: ${window.completed} requests completed, ${window.failed} failed${s.gen.lastError ? `, last error ${s.gen.lastError}` : ''})`;
    }
    throw e;
  }
  for (const w of checked.warnings) run.warn(w);
  // The manifest says what was recorded (not what was asked for, when the profile lacks it).
  if (s.manifest.captures.length === 0) s.manifest.sampleType = checked.sampleType;
  else if (s.manifest.sampleType !== checked.sampleType) {
    run.warn(
      `${stem} holds sample type "${checked.sampleType}" where the earlier captures hold "${s.manifest.sampleType}"`,
    );
  }
  if (window && window.completed === 0 && window.failed + window.dropped > 0) {
    throw new CaptureError(
      'load',
      `no load request completed during capture ${index} (${window.failed} failed, ${window.dropped} dropped; ${describeLoadErrors(s.gen!)}): the capture would not be under load; check --load-url`,
    );
  }
  return checked;
}

/** Warns when the load sent, or the service completed, less than the asked rate in a window. */
function warnIfLoadShort(
  run: CaptureRun,
  gen: LoadGenerator,
  s: RoleState,
  index: number,
  window: LoadWindow,
): void {
  const asked = gen.rate;
  const limit = asked * run.settings.rateWarn;
  const which = `capture ${index}${s.role ? ` (${s.role})` : ''}`;
  if (window.sentRate < limit) {
    run.warn(
      `${which}: the load generator sent ${window.sentRate.toFixed(1)} req/s of the asked ${asked}` +
        (window.dropped > 0
          ? ` (${window.dropped} arrivals dropped: ${gen.maxInFlight} requests already in flight, the service is slower than the asked rate)`
          : ''),
    );
  } else if (window.completedRate < limit) {
    run.warn(
      `${which}: the service completed ${window.completedRate.toFixed(1)} req/s of the asked ${asked} (${window.failed} failed${gen.lastError ? `, last error ${gen.lastError}` : ''})`,
    );
  }
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

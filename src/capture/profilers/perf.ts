/**
 * `--profiler perf`: Linux perf attached to a running process (native code, Go, Rust, anything
 * with symbols and frame pointers; Node with --perf-basic-prof, the JVM with perf-map-agent).
 *
 * Per capture: `perf record -e cpu-clock -F HZ -g -p PID -o TMP -- sleep S` (the software
 * cpu-clock event works in containers and VMs where hardware counters do not), then
 * `perf script -i TMP --no-inline -F comm,pid,tid,...`; the text is gzipped and read by the perf script reader.
 * A short recording at attach time finds a kernel that refuses before any load starts; the
 * error names kernel.perf_event_paranoid (/proc/sys/kernel/perf_event_paranoid).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describeExit, runCommand, shellQuote, type RunResult } from '../command.js';
import { CaptureError } from '../errors.js';
import { fmtSeconds } from '../time.js';
import { checkProcess } from './process.js';
import type { AttachedProfiler, AttachOptions, ProfilerRecord } from './profiler.js';

export const PERF_EVENT = 'cpu-clock';
const PARANOID = '/proc/sys/kernel/perf_event_paranoid';

/** kernel.perf_event_paranoid, when readable. */
export function perfEventParanoid(path = PARANOID): number | undefined {
  try {
    const v = Number(readFileSync(path, 'utf8').trim());
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The error for a perf command that failed, with the cause spelled out where it is known. */
export function perfFailure(
  what: string,
  r: RunResult,
  pid: number,
  pidFlag: string,
): CaptureError {
  const out = r.tail;
  if (r.code === 127 || r.error) {
    return new CaptureError(
      'attach',
      `perf is not installed or not on PATH (${describeExit(r)}): Debian: apt-get install linux-perf; Ubuntu: apt-get install linux-tools-common linux-tools-$(uname -r)`,
    );
  }
  if (
    /perf_event_paranoid|Permission denied|not permitted|No permission|Access to performance monitoring/i.test(
      out,
    )
  ) {
    const level = perfEventParanoid();
    return new CaptureError(
      'attach',
      `the kernel refused perf (${what}): kernel.perf_event_paranoid is ${level ?? 'unknown'} (${PARANOID}). ` +
        'Profiling a process needs perf_event_paranoid <= 2 and the same user as the process, or root / CAP_PERFMON ' +
        '(sudo sysctl kernel.perf_event_paranoid=1); in a container, perf_event_open must be allowed (seccomp profile, --cap-add PERFMON)' +
        (out ? `; perf said:\n${out}` : ''),
    );
  }
  if (/No such process|Couldn't create thread\/CPU maps/i.test(out)) {
    return new CaptureError(
      'attach',
      `process ${pid} (${pidFlag}) is gone (perf: ${out.split('\n').pop()})`,
    );
  }
  return new CaptureError(
    'profiler',
    `${what} failed (${describeExit(r)})${out ? `; its last output:\n${out}` : ''}`,
  );
}

/**
 * `--no-bpf-event` skips synthesizing the system's BPF programs at start, which costs about a
 * second per recording when run as root (perf 5.1 and later; older ones run without it).
 */
const FAST_START = '--no-bpf-event';

function recordCommand(
  perf: string,
  hz: number,
  pid: number,
  out: string,
  seconds: number,
  fastStart: boolean,
): string {
  return [
    shellQuote(perf),
    'record',
    '-q',
    ...(fastStart ? [FAST_START] : []),
    '-e',
    PERF_EVENT,
    '-F',
    String(hz),
    '-g',
    '-p',
    String(pid),
    '-o',
    shellQuote(out),
    '--',
    'sleep',
    String(seconds),
  ].join(' ');
}

/**
 * The fields `perf script` prints. Its default header shows only the thread id, and a thread
 * that perf saw start without its name (`:<tid>`) could then not be given its process's name;
 * with `pid/tid` the reader names it after its process (one root name in every capture).
 */
const SCRIPT_FIELDS = 'comm,pid,tid,time,period,event,ip,sym,dso';

export async function attachPerf(o: AttachOptions): Promise<AttachedProfiler> {
  checkProcess(o.pid, o.pidFlag);
  // A short recording now: a missing perf or a refusing kernel fails the run before the load.
  const dir = mkdtempSync(join(tmpdir(), 'profile-gate-perf-'));
  let fastStart = true;
  try {
    const probe = () =>
      runCommand(
        recordCommand(o.tools.perf, o.hz, o.pid, join(dir, 'probe.data'), 0.1, fastStart),
        { timeoutMs: 20_000, signal: o.signal },
      );
    let r = await probe();
    if (r.code !== 0 && /unknown option|no-bpf-event/i.test(r.tail)) {
      fastStart = false;
      r = await probe();
    }
    if (r.aborted) throw new CaptureError('aborted', 'interrupted');
    if (r.code !== 0 || r.timedOut) throw perfFailure('perf record', r, o.pid, o.pidFlag);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const record: ProfilerRecord = {
    name: 'perf',
    pid: o.pid,
    hz: o.hz,
    sampling: `perf record -e ${PERF_EVENT} -F ${o.hz} -g`,
    event: PERF_EVENT,
  };
  return {
    record,
    async capture(_n, seconds, ctx) {
      const data = ctx.tempPath('.perf.data');
      const deadlineMs = seconds * 1000 + (ctx.graceMs || 15_000);
      const running = runCommand(
        recordCommand(o.tools.perf, o.hz, o.pid, data, seconds, fastStart),
        {
          timeoutMs: deadlineMs,
          signal: ctx.signal,
        },
      );
      ctx.started();
      const rec = await running;
      if (rec.aborted) throw new CaptureError('aborted', 'interrupted');
      if (rec.timedOut) {
        throw new CaptureError(
          'timeout',
          `perf record did not finish within ${fmtSeconds(deadlineMs / 1000)} (--seconds ${seconds} + grace)`,
        );
      }
      if (rec.code !== 0) throw perfFailure('perf record', rec, o.pid, o.pidFlag);
      const script = await runCommand(
        `${shellQuote(o.tools.perf)} script -i ${shellQuote(data)} --no-inline -F ${SCRIPT_FIELDS}`,
        { timeoutMs: 120_000, signal: ctx.signal, collectStdout: true },
      );
      if (script.aborted) throw new CaptureError('aborted', 'interrupted');
      if (script.code !== 0 || script.timedOut)
        throw perfFailure('perf script', script, o.pid, o.pidFlag);
      if (script.stdoutOverflow)
        throw new CaptureError('too-large', 'perf script printed more than 512 MiB');
      return { bytes: gzipSync(script.stdout) };
    },
    detach: async () => undefined,
  };
}

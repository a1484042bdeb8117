/**
 * `--profiler jfr`: JDK Flight Recorder in a running JVM (JDK 11+), driven with `jcmd`.
 *
 * Attach: `jcmd PID VM.version` (the first attach starts the JVM's attach listener, which can
 * take seconds: better before the load than in the first capture), then a recording started
 * and stopped at once (`profile-gate-RUN-0`, no file): the JVM's first JFR.start initializes
 * JFR (~1 s) and deoptimizes compiled code, so without it the first capture of every JVM ran
 * partly interpreted and held JFR's own start-up (in a real service: Receipt.apply's cumulative
 * share 8.9% in capture 1, 2.6% in the others; one capture in three with Signer.apply at 57%
 * against 38-41%). The warm-up that follows lets the JIT compile again. Per capture:
 *
 *     jcmd PID JFR.start name=profile-gate-RUN-N settings=profile jdk.ExecutionSample#period=Pms
 *     (S seconds)
 *     jcmd PID JFR.stop name=profile-gate-RUN-N filename=TMP
 *
 * JFR.stop with a filename writes the recording and ends it: one attach instead of JFR.dump
 * then JFR.stop (each jcmd call is a JVM start, 0.3-1 s, and work in the profiled JVM). The JVM
 * writes TMP itself (so the folder must be writable by the JVM's user); when it cannot, the
 * recording keeps running, and is stopped without a file. The recording is stopped on every
 * path. The capture check decodes each recording with the JFR reader
 * (src/profile/jfr/) like any capture: one without samples of the asked kind, or one that does
 * not decode, fails the capture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describeExit, runCommand, shellQuote, type RunResult } from '../command.js';
import { CaptureError } from '../errors.js';
import { sleep } from '../time.js';
import { checkProcess } from './process.js';
import type { AttachedProfiler, AttachOptions, ProfilerRecord } from './profiler.js';

export const JFR_SETTINGS = 'profile';
/** Time a jcmd call may take (the first attach to a JVM can take several seconds). */
const JCMD_TIMEOUT_MS = 30_000;

/** The period of jdk.ExecutionSample for a frequency, in whole milliseconds (at least 1). */
export function jfrPeriodMs(hz: number): number {
  return Math.max(1, Math.round(1000 / hz));
}

function jcmdFailure(what: string, r: RunResult, pid: number, pidFlag: string): CaptureError {
  const out = r.tail;
  if (r.code === 127 || r.error) {
    return new CaptureError(
      'attach',
      `jcmd is not installed or not on PATH (${describeExit(r)}): it comes with the JDK (Debian: apt-get install openjdk-17-jdk-headless)`,
    );
  }
  if (
    /AttachNotSupportedException|Unable to open socket file|No such process|not found|Connection refused/i.test(
      out,
    )
  ) {
    return new CaptureError(
      'attach',
      `cannot attach to process ${pid} (${pidFlag}) with jcmd: is it a JVM (JDK 11 or later) run by the same user, with the attach mechanism on (no -XX:+DisableAttachMechanism)? jcmd said:\n${out}`,
    );
  }
  return new CaptureError(
    'profiler',
    `${what} failed (${describeExit(r)})${out ? `; jcmd said:\n${out}` : ''}`,
  );
}

export async function attachJfr(o: AttachOptions): Promise<AttachedProfiler> {
  checkProcess(o.pid, o.pidFlag);
  const jcmd = (args: string, signal: AbortSignal) =>
    runCommand(`${shellQuote(o.tools.jcmd)} ${o.pid} ${args}`, {
      timeoutMs: JCMD_TIMEOUT_MS,
      signal,
    });
  const check = async (what: string, r: RunResult) => {
    if (r.aborted) throw new CaptureError('aborted', 'interrupted');
    if (r.timedOut) {
      throw new CaptureError(
        'timeout',
        `${what} did not answer within ${JCMD_TIMEOUT_MS / 1000} s`,
      );
    }
    if (r.code !== 0 || /^\s*(Exception|Error|Could not|Recording .* not found)/m.test(r.tail)) {
      throw jcmdFailure(what, r, o.pid, o.pidFlag);
    }
  };
  await check('jcmd VM.version', await jcmd('VM.version', o.signal));
  const period = jfrPeriodMs(o.hz);
  const startArgs = `settings=${JFR_SETTINGS} ${shellQuote(`jdk.ExecutionSample#period=${period}ms`)}`;
  // JFR's start-up in the JVM, before the warm-up rather than in the first capture
  const prime = `profile-gate-${o.runId}-0`;
  const primed = await jcmd(`JFR.start name=${prime} ${startArgs}`, o.signal);
  // stopped unless JFR.start failed outright (an interrupted or timed-out one may have started it)
  if (primed.aborted || primed.timedOut || primed.code === 0) {
    const stop = await jcmd(`JFR.stop name=${prime}`, new AbortController().signal);
    if (stop.code !== 0 && !primed.aborted && !primed.timedOut)
      o.warn(`jcmd JFR.stop name=${prime} failed: ${stop.tail}`);
  }
  await check('jcmd JFR.start', primed);
  const record: ProfilerRecord = {
    name: 'jfr',
    pid: o.pid,
    hz: 1000 / period,
    sampling: `jdk.ExecutionSample#period=${period}ms`,
    settings: JFR_SETTINGS,
  };
  return {
    record,
    async capture(n, seconds, ctx) {
      const name = `profile-gate-${o.runId}-${n}`;
      const out = ctx.tempPath('.jfr');
      // JFR.start was asked for; the recording may be running until JFR.stop has succeeded
      let started = false;
      let running = false;
      try {
        await check(
          'jcmd JFR.start',
          await jcmd(`JFR.start name=${name} ${startArgs}`, ctx.signal),
        );
        started = running = true;
        ctx.started();
        await sleep(seconds * 1000, ctx.signal);
        await check(
          'jcmd JFR.stop',
          await jcmd(`JFR.stop name=${name} filename=${shellQuote(out)}`, ctx.signal),
        );
        running = false;
      } finally {
        // Stopped whatever happened, also after Ctrl-C (an interrupted JFR.start may still have
        // started it, an interrupted JFR.stop may not have stopped it) and when the JVM could
        // not write the file: the JVM must not keep recording.
        if (running || (!started && ctx.signal.aborted)) {
          const stop = await jcmd(`JFR.stop name=${name}`, new AbortController().signal);
          if (stop.code !== 0 && started && !ctx.signal.aborted)
            o.warn(`jcmd JFR.stop name=${name} failed: ${stop.tail}`);
        }
      }
      if (!existsSync(out)) {
        throw new CaptureError(
          'profiler',
          `jcmd JFR.stop said it wrote ${out}, but there is no such file (can the JVM's user write there?)`,
        );
      }
      return { bytes: readFileSync(out) };
    },
    detach: async () => undefined,
  };
}

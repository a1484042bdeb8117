/**
 * The builds of a same-runner A/B run, started by profile-gate itself: each one a shell command
 * (e.g. `./canary -addr 127.0.0.1:8081`) in its own process group (command.ts), waited for until
 * its URLs answer, watched while the captures run, and stopped on every path.
 *
 * - Ready: every URL of the build answers HTTP (any status: a 404 on `/` is an answer) within
 *   the bound; a build that exits first, or is not ready in time, fails the start with a message
 *   naming the command and its last output lines, and every build started so far is stopped.
 * - Watched: a build that exits before it is stopped fires `exited` (with the same kind of
 *   message), so a capture run listening to it ends at once instead of retrying a dead endpoint.
 * - Stopped: SIGTERM to the process group, SIGKILL after the grace; and, as a last resort,
 *   SIGKILL to every group still running when Node exits (command.ts).
 */
import { startCommand, describeExit, type ExitInfo, type RunningCommand } from './command.js';
import { CaptureError } from './errors.js';
import { httpGetOnce } from './http-get.js';
import { fmtSeconds, sleep } from './time.js';
import { redactCommand, redactUrl } from '../util/url.js';

export type BuildRole = 'baseline' | 'canary';

export interface BuildSpec {
  role: BuildRole;
  /** Shell command that starts the build and keeps running until it is stopped. */
  command: string;
  /** What names the command in messages: the Action input or CLI option (`canary-run`). */
  option: string;
  /** URLs that must answer (any HTTP status) before the build counts as ready. */
  readyUrls: string[];
}

export interface StartBuildsOptions {
  cwd?: string;
  /** Environment of the commands (default: this process's). */
  env?: Record<string, string | undefined>;
  /** How long a build may take to answer, ms. */
  readyTimeoutMs: number;
  /** Stops waiting (the builds started so far are stopped, then it rejects as aborted). */
  signal?: AbortSignal;
  /** Progress lines. */
  log?: (message: string) => void;
  /** Each output line of a build, as it comes (callers bound and escape what they print). */
  onOutput?: (role: BuildRole, line: string) => void;
  /** Grace between SIGTERM and SIGKILL when stopping (default 5000 ms). */
  stopGraceMs?: number;
  /** Poll interval of the readiness check (default 200 ms). */
  pollMs?: number;
}

export interface StartedBuild {
  role: BuildRole;
  option: string;
  command: string;
  /** Process id of the build's shell, which leads its process group. */
  pid: number | undefined;
}

export interface StartedBuilds {
  builds: StartedBuild[];
  /** Fires when a build exits before `stop()`; `exitReason()` says which and how. */
  readonly exited: AbortSignal;
  exitReason(): string | undefined;
  /** Stops every build (process group: SIGTERM, then SIGKILL after the grace). Safe to repeat. */
  stop(graceMs?: number): Promise<void>;
}

/** Lines of a build's output quoted in a failure message. */
export const TAIL_LINES = 15;

/** The last lines of a command's output, indented for a message (or a note that there is none). */
export function lastLines(text: string, n = TAIL_LINES): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return '(no output)';
  return lines
    .slice(-n)
    .map((l) => `  | ${l}`)
    .join('\n');
}

/**
 * Starts the builds (all at once), then waits until each one's URLs answer. Rejects with a
 * CaptureError (kind 'command', or 'aborted') after stopping every build it started.
 */
export async function startBuilds(
  specs: BuildSpec[],
  opts: StartBuildsOptions,
): Promise<StartedBuilds> {
  const log = opts.log ?? (() => {});
  const exitedCtl = new AbortController();
  let reason: string | undefined;
  let stopping = false;
  const running: { spec: BuildSpec; rc: RunningCommand }[] = [];
  const stopAll = async (graceMs = opts.stopGraceMs ?? 5000) => {
    stopping = true;
    await Promise.all(running.map(({ rc }) => rc.stop(graceMs)));
  };

  try {
    for (const spec of specs) {
      const rc = startCommand(spec.command, {
        cwd: opts.cwd,
        env: opts.env,
        onLine: opts.onOutput ? (_stream, line) => opts.onOutput!(spec.role, line) : undefined,
      });
      running.push({ spec, rc });
      log(
        `${spec.role} build: started \`${redactCommand(spec.command)}\` (${spec.option}, pid ${rc.pid ?? '?'})`,
      );
      void rc.exited.then((info) => {
        if (stopping || reason) return;
        reason = exitMessage(spec, info, rc, 'while the captures ran');
        exitedCtl.abort();
      });
    }
    await Promise.all(running.map((r) => waitReady(r.spec, r.rc, opts)));
  } catch (e) {
    await stopAll(1000);
    throw e;
  }
  return {
    builds: running.map(({ spec, rc }) => ({
      role: spec.role,
      option: spec.option,
      command: spec.command,
      pid: rc.pid,
    })),
    exited: exitedCtl.signal,
    exitReason: () => reason,
    stop: stopAll,
  };
}

function exitMessage(spec: BuildSpec, info: ExitInfo, rc: RunningCommand, when: string): string {
  const hint =
    info.code === 0
      ? '; the command must keep the build running in the foreground (`./server`, not `./server &`)'
      : '';
  return `the ${spec.role} build (${spec.option}: \`${redactCommand(spec.command)}\`) exited ${when} (${describeExit(info)})${hint}. Its last output:\n${lastLines(rc.tail())}`;
}

/** Polls the build's URLs until each answers; fails early when the build exits. */
async function waitReady(spec: BuildSpec, rc: RunningCommand, opts: StartBuildsOptions) {
  const t0 = Date.now();
  const pending = new Set(spec.readyUrls);
  const poll = opts.pollMs ?? 200;
  for (;;) {
    if (opts.signal?.aborted) throw new CaptureError('aborted', 'interrupted');
    if (rc.hasExited) {
      throw new CaptureError(
        'command',
        exitMessage(spec, await rc.exited, rc, 'before it answered'),
      );
    }
    for (const url of [...pending]) if (await answers(url, opts.signal)) pending.delete(url);
    if (pending.size === 0) {
      opts.log?.(
        `${spec.role} build: answering after ${fmtSeconds((Date.now() - t0) / 1000)} (${spec.readyUrls.map(redactUrl).join(', ')})`,
      );
      return;
    }
    if (Date.now() - t0 >= opts.readyTimeoutMs) {
      throw new CaptureError(
        'command',
        `the ${spec.role} build (${spec.option}: \`${redactCommand(spec.command)}\`, pid ${rc.pid ?? '?'}) did not answer at ${[...pending].map(redactUrl).join(', ')} within ${fmtSeconds(opts.readyTimeoutMs / 1000)}; it was stopped. Its last output:\n${lastLines(rc.tail())}`,
      );
    }
    await Promise.race([sleep(poll, opts.signal).catch(() => {}), rc.exited]);
  }
}

/** True when something answers HTTP at the URL's origin (any status, even an error status). */
async function answers(url: string, signal?: AbortSignal): Promise<boolean> {
  const root = new URL('/', url).toString();
  try {
    await httpGetOnce(root, { timeoutMs: 2000, maxBytes: 64 * 1024, signal });
    return true;
  } catch (e) {
    return e instanceof CaptureError && (e.status !== undefined || e.kind === 'too-large');
  }
}

/**
 * Starts the builds, runs `body` while they run, and stops them on every path (the body's end,
 * its failure, an abort). The body's signal fires on the caller's signal or when a build exits
 * early; a failure after a build exited is reported as that exit (a CaptureError naming the
 * command and its last output), not as the refused connections that followed it.
 */
export async function withBuilds<T>(
  specs: BuildSpec[],
  opts: StartBuildsOptions,
  body: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!specs.length) return body(opts.signal);
  const started = await startBuilds(specs, opts);
  const ac = new AbortController();
  const fire = () => ac.abort();
  if (opts.signal?.aborted || started.exited.aborted) fire();
  opts.signal?.addEventListener('abort', fire, { once: true });
  started.exited.addEventListener('abort', fire, { once: true });
  try {
    return await body(ac.signal);
  } catch (e) {
    const why = started.exitReason();
    if (why && !opts.signal?.aborted) throw new CaptureError('command', why);
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', fire);
    started.exited.removeEventListener('abort', fire);
    await started.stop();
    opts.log?.(
      `stopped the build${started.builds.length > 1 ? 's' : ''} (${started.builds.map((b) => `${b.role} pid ${b.pid ?? '?'}`).join(', ')})`,
    );
  }
}

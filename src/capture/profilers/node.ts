/**
 * `--profiler node`: attaches to a running Node.js process through its inspector.
 *
 * 1. The inspector's port: `--inspect-port` given to profile-gate, else the one the process was
 *    started with (`--inspect[-brk|-port][=[host:]port]` in its arguments or NODE_OPTIONS), else
 *    Node's default 9229.
 * 2. If nothing answers there, SIGUSR1 opens the inspector (Node's documented way to start it in
 *    a running process), after checking that the process is Node: SIGUSR1 stops most other
 *    programs. Then http://HOST:PORT/json/list gives the WebSocket URL.
 * 3. The session checks `process.pid` in the target: in interleaved A/B, two processes asked to
 *    open the same port would otherwise give the first one's profiles for both.
 * 4. CPU: Profiler.enable, Profiler.setSamplingInterval (µs), then per capture Profiler.start /
 *    Profiler.stop -> a .cpuprofile. Allocations: HeapProfiler.startSampling with the objects
 *    that the GC collected included / HeapProfiler.stopSampling -> a .heapprofile.
 * 5. Detach: profilers disabled, and an inspector that profile-gate opened is closed again
 *    (`process._debugEnd()`, a second after the session has gone), so the process is left as
 *    it was found.
 */
import { CaptureError } from '../errors.js';
import { sleep } from '../time.js';
import { DevToolsSession } from './devtools.js';
import { baseName, checkProcess, processArgs, processEnv, processExecutable } from './process.js';
import type {
  AttachedProfiler,
  AttachOptions,
  CaptureContext,
  ProfilerCapture,
  ProfilerRecord,
} from './profiler.js';

export const DEFAULT_INSPECT_PORT = 9229;
/** Bytes between heap samples (V8's default for HeapProfiler.startSampling). */
export const HEAP_SAMPLING_INTERVAL = 32 * 1024;
const OPEN_TIMEOUT_MS = 10_000;
/** How long after detaching the target closes an inspector that profile-gate opened. */
export const CLOSE_DELAY_MS = 1000;
const CLOSE_KEY = `Symbol.for('profile-gate.closeInspector')`;
/** Evaluated in the target at detach: close the inspector CLOSE_DELAY_MS from now. */
const SCHEDULE_CLOSE = `(() => { const k = ${CLOSE_KEY}; clearTimeout(globalThis[k]); globalThis[k] = setTimeout(() => { delete globalThis[k]; process._debugEnd(); }, ${CLOSE_DELAY_MS}); globalThis[k].unref(); return 0; })()`;
/** Evaluated at attach: cancel a close an earlier run scheduled (true when there was one). */
const CANCEL_CLOSE = `(() => { const k = ${CLOSE_KEY}; const t = globalThis[k]; if (!t) return false; clearTimeout(t); delete globalThis[k]; return true; })()`;

/** `--inspect*` options of a Node command line: the inspector's host and port, if any. */
export function inspectorAddress(args: string[]): { host?: string; port: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--(?:inspect(?:-brk|-wait|-port)?|debug-port)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    let value = m[1];
    if (value === undefined && /^--(inspect-port|debug-port)$/.test(args[i])) value = args[i + 1];
    if (value === undefined || value === '') return { port: DEFAULT_INSPECT_PORT };
    const hp = /^(?:(\[[^\]]*\]|[^:]*):)?(\d+)$/.exec(value);
    if (hp) {
      const host = hp[1] && !['0.0.0.0', '[::]', '::'].includes(hp[1]) ? hp[1] : undefined;
      return { host: host?.replace(/^\[|\]$/g, ''), port: Number(hp[2]) };
    }
    // `--inspect=host` alone: the default port on that host
    return { host: value, port: DEFAULT_INSPECT_PORT };
  }
  return undefined;
}

/** True when the executable looks like Node.js (node, nodejs, node20, node-v20...). */
export function looksLikeNode(exe: string | undefined): boolean {
  return exe !== undefined && /^(?:node|nodejs)(?:[-_.]?v?\d[\w.-]*)?$/i.test(baseName(exe));
}

interface Target {
  webSocketDebuggerUrl?: string;
  type?: string;
}

/** GET /json/list: the targets, undefined when nothing listens, an error when it is not an inspector. */
async function jsonList(host: string, port: number): Promise<Target[] | undefined> {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/json/list`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  } catch {
    return undefined;
  }
  const text = await res.text().catch(() => '');
  try {
    const list = JSON.parse(text) as unknown;
    if (Array.isArray(list)) return list as Target[];
  } catch {
    /* not JSON */
  }
  throw new CaptureError(
    'attach',
    `${host}:${port} answers, but not as a Node inspector (GET /json/list gave HTTP ${res.status}): give the inspector's port with --inspect-port`,
  );
}

/**
 * The inspector's WebSocket URL: from /json/list on host:port, after opening the inspector with
 * SIGUSR1 when nothing answers (`opened`).
 */
async function findInspector(
  o: AttachOptions,
  host: string,
  port: number,
  portFlag: string,
  args: string[],
): Promise<{ url: string; opened: boolean }> {
  let targets = await jsonList(host, port);
  let opened = false;
  if (!targets) {
    const exe = processExecutable(o.pid);
    if (!looksLikeNode(exe) && !looksLikeNode(args[0])) {
      throw new CaptureError(
        'attach',
        `process ${o.pid} (${o.pidFlag}) runs ${exe ?? args[0] ?? 'an unknown program'}, not node, and nothing answers on ${host}:${port}: SIGUSR1, which opens a Node inspector, would stop most other programs. If it is Node under another name, start it with --inspect-port=PORT (or --inspect) and give ${portFlag} PORT`,
      );
    }
    process.kill(o.pid, 'SIGUSR1');
    opened = true;
    const until = Date.now() + OPEN_TIMEOUT_MS;
    while (!targets && Date.now() < until) {
      await sleep(100, o.signal);
      targets = await jsonList(host, port);
    }
    if (!targets) {
      throw new CaptureError(
        'attach',
        `process ${o.pid} did not open its inspector on ${host}:${port} within ${OPEN_TIMEOUT_MS / 1000} s of SIGUSR1 (started with another --inspect-port? give it with ${portFlag}; a SIGUSR1 handler in the app or --disable-sigusr1 also prevent it)`,
      );
    }
  }
  const url = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!url) {
    throw new CaptureError(
      'attach',
      `the inspector on ${host}:${port} lists no target to attach to`,
    );
  }
  return { url, opened };
}

export async function attachNode(o: AttachOptions): Promise<AttachedProfiler> {
  checkProcess(o.pid, o.pidFlag);
  const args = processArgs(o.pid) ?? [];
  const fromArgs =
    inspectorAddress(args) ??
    inspectorAddress((processEnv(o.pid, 'NODE_OPTIONS') ?? '').split(/\s+/).filter(Boolean));
  const port = o.inspectPort ?? fromArgs?.port ?? DEFAULT_INSPECT_PORT;
  const host = fromArgs?.host ?? '127.0.0.1';
  const portFlag = o.pidFlag === '--baseline-pid' ? '--baseline-inspect-port' : '--inspect-port';
  if (port === 0) {
    throw new CaptureError(
      'attach',
      `process ${o.pid} was started with inspector port 0 (a random port): give the port it printed with ${portFlag}`,
    );
  }
  // An inspector that an earlier run is about to close (see detach) can vanish between
  // /json/list and the WebSocket: then look again (it is closed by then, and SIGUSR1 opens it).
  let found: { url: string; opened: boolean; session: DevToolsSession } | undefined;
  for (let attempt = 1; !found; attempt++) {
    const { url, opened: signalled } = await findInspector(o, host, port, portFlag, args);
    try {
      found = { url, opened: signalled, session: await DevToolsSession.open(url) };
    } catch (e) {
      if (attempt >= 2 || signalled) throw e;
      await sleep(CLOSE_DELAY_MS + 500, o.signal);
    }
  }
  const { session } = found;
  let opened = found.opened;
  try {
    const r = await session.send<{ result?: { value?: unknown } }>('Runtime.evaluate', {
      expression: 'process.pid',
      returnByValue: true,
    });
    const pid = r.result?.value;
    if (pid !== o.pid) {
      throw new CaptureError(
        'attach',
        `the inspector on ${host}:${port} belongs to process ${String(pid)}, not ${o.pid} (${o.pidFlag}): start each build with its own --inspect-port=PORT (the inspector stays closed until profile-gate opens it) and give ${portFlag}`,
      );
    }
    // An inspector an earlier run opened and is about to close: this run closes it instead.
    const pending = await session.send<{ result?: { value?: unknown } }>('Runtime.evaluate', {
      expression: CANCEL_CLOSE,
      returnByValue: true,
    });
    if (pending.result?.value === true) opened = true;
    if (o.type === 'allocs') await session.send('HeapProfiler.enable');
    else {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: intervalMicros(o.hz) });
    }
  } catch (e) {
    await session.close();
    throw e;
  }
  const record: ProfilerRecord = {
    name: 'node',
    pid: o.pid,
    hz: o.hz,
    sampling:
      o.type === 'allocs'
        ? `HeapProfiler.startSampling samplingInterval=${HEAP_SAMPLING_INTERVAL} (collected objects included)`
        : `Profiler.setSamplingInterval interval=${intervalMicros(o.hz)}us`,
    inspectPort: port,
    openedInspector: opened,
  };
  return {
    record,
    capture: (_n, seconds, ctx) =>
      o.type === 'allocs' ? captureHeap(session, seconds, ctx) : captureCpu(session, seconds, ctx),
    detach: () => detach(session, o.type, opened, host, port),
  };
}

export function intervalMicros(hz: number): number {
  return Math.max(1, Math.round(1_000_000 / hz));
}

/** Runs `start`, waits `seconds`, runs `stop` (also when the wait is interrupted). */
async function window(
  session: DevToolsSession,
  seconds: number,
  ctx: CaptureContext,
  start: () => Promise<unknown>,
  stop: (timeoutMs: number) => Promise<{ profile?: unknown }>,
): Promise<ProfilerCapture> {
  await start();
  ctx.started();
  try {
    await sleep(seconds * 1000, ctx.signal);
  } catch (e) {
    await stop(2000).catch(() => undefined);
    throw e;
  }
  const { profile } = await stop(ctx.graceMs || 15_000);
  if (!profile) throw new CaptureError('profiler', 'the inspector returned no profile');
  return { bytes: Buffer.from(JSON.stringify(profile)) };
}

function captureCpu(s: DevToolsSession, seconds: number, ctx: CaptureContext) {
  return window(
    s,
    seconds,
    ctx,
    () => s.send('Profiler.start'),
    (t) => s.send('Profiler.stop', {}, t),
  );
}

function captureHeap(s: DevToolsSession, seconds: number, ctx: CaptureContext) {
  return window(
    s,
    seconds,
    ctx,
    () =>
      s.send('HeapProfiler.startSampling', {
        samplingInterval: HEAP_SAMPLING_INTERVAL,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      }),
    (t) => s.send('HeapProfiler.stopSampling', {}, t),
  );
}

async function detach(
  session: DevToolsSession,
  type: string,
  opened: boolean,
  host: string,
  port: number,
): Promise<void> {
  if (session.closed) return;
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  await quiet(
    session.send(type === 'allocs' ? 'HeapProfiler.disable' : 'Profiler.disable', {}, 2000),
  );
  if (opened) {
    // The inspector profile-gate opened is closed again, a second after this session has gone:
    // closing it while a session is still attached crashed Node 20 now and then (SIGSEGV,
    // about 1 in 17 attach/detach cycles under load). The pending close is kept under a
    // symbol, so that the next profile-gate attaching within that second takes it over.
    await quiet(
      session.send('Runtime.evaluate', { expression: SCHEDULE_CLOSE, returnByValue: true }, 2000),
    );
  }
  await session.close();
  if (opened) {
    // Wait for the close, so that a run that follows finds the inspector closed, not closing.
    const until = Date.now() + CLOSE_DELAY_MS + 3000;
    while (Date.now() < until && (await jsonList(host, port).catch(() => undefined))) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

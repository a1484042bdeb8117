/**
 * The profiler phase of a run (`--profiler`): attach to each build's process before the load
 * starts (so that a process that cannot be profiled fails the run at once), take each capture
 * through it, and detach on every path, leaving the processes as they were found.
 */
import { rmSync } from 'node:fs';
import { attachProfiler } from './profilers/attach.js';
import { processCwd } from './profilers/process.js';
import { DEFAULT_HZ, type ProfilerCapture } from './profilers/profiler.js';
import { tempPath, type CaptureRun, type RoleState } from './run.js';

export async function attachProfilers(run: CaptureRun): Promise<void> {
  const { o } = run;
  if (!o.profiler) return;
  for (const s of run.sets) {
    const isBase = s.role === 'baseline';
    const pid = s.pid!;
    s.profiler = await attachProfiler({
      name: o.profiler,
      pid,
      pidFlag: isBase ? '--baseline-pid' : '--pid',
      type: o.type,
      hz: o.hz ?? DEFAULT_HZ[o.profiler],
      inspectPort: isBase ? o.baselineInspectPort : o.inspectPort,
      tools: { perf: o.tools?.perf ?? 'perf', jcmd: o.tools?.jcmd ?? 'jcmd' },
      runId: s.manifest.run?.id ?? 'run',
      signal: run.signal,
      warn: run.warn,
    });
    const record = s.profiler.record;
    s.manifest.source = { kind: 'profiler', profiler: { ...record } };
    const cwd = processCwd(pid);
    if (cwd) s.manifest.projectRoot = cwd;
    run.progress({
      kind: 'info',
      message: `${o.profiler}: attached to process ${pid}${s.role ? ` (${s.role})` : ''}: ${record.sampling}${record.openedInspector ? ` (opened its inspector on port ${record.inspectPort} with SIGUSR1; closed again at the end)` : ''}`,
    });
  }
}

/** Detaches every attached profiler (never throws). */
export async function detachProfilers(run: CaptureRun): Promise<void> {
  for (const s of run.sets) {
    const p = s.profiler;
    s.profiler = undefined;
    if (p) await p.detach().catch(() => undefined);
  }
}

/** One capture of set s through its profiler; its temp files are removed whatever happens. */
export async function captureWithProfiler(
  run: CaptureRun,
  s: RoleState,
  n: number,
  stem: string,
  started: () => void,
): Promise<ProfilerCapture> {
  const temps: string[] = [];
  try {
    return await s.profiler!.capture(n, run.o.seconds, {
      signal: run.signal,
      graceMs: run.settings.graceMs,
      started,
      tempPath: (suffix) => {
        const p = tempPath(s.dir, stem + suffix);
        temps.push(p);
        run.temps.add(p);
        return p;
      },
    });
  } finally {
    for (const t of temps) {
      rmSync(t, { force: true });
      run.temps.delete(t);
    }
  }
}

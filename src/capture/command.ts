/**
 * Runs user commands (a load tool such as wrk/k6/hey, or a profiler that writes files such as
 * py-spy, asprof, perf) through /bin/sh in their own process group, so that stopping them
 * stops everything they started.
 *
 * Placeholders ({pid}, {seconds}, {out}, {type}, {url}) are replaced by values quoted for where
 * they stand (bare, inside '...' or inside "..."), so a path with spaces, quotes or `$` cannot
 * break the command line or inject commands.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { UsageError } from '../errors.js';

export const PLACEHOLDERS = ['pid', 'seconds', 'out', 'type', 'url'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type CommandVars = Partial<Record<Placeholder, string | number>>;

/** POSIX shell single-quoting: safe for any string. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Quotes a value for where it lands: bare, inside '...' or inside "...". */
function quoteFor(context: '' | "'" | '"', v: string): string {
  if (context === "'") return `'${shellQuote(v)}'`; // close, quoted value, reopen
  if (context === '"') return v.replace(/[\\"$`]/g, (c) => `\\${c}`);
  return shellQuote(v);
}

/** Placeholders used in a template (outside or inside quotes). */
export function placeholdersIn(template: string): Placeholder[] {
  const found = new Set<Placeholder>();
  for (const m of template.matchAll(/\{([a-z]+)\}/g)) {
    if ((PLACEHOLDERS as readonly string[]).includes(m[1])) found.add(m[1] as Placeholder);
  }
  return [...found];
}

/**
 * Replaces known placeholders by values quoted for their context. Unknown `{words}` (awk
 * programs, shell brace groups) are left alone. Throws UsageError when a placeholder has no
 * value or a quote is unbalanced.
 */
export function substitute(
  template: string,
  vars: CommandVars,
  option = '--capture-command',
): string {
  let out = '';
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (quote !== "'" && c === '\\' && i + 1 < template.length) {
      out += c + template[i + 1];
      i++;
      continue;
    }
    if (quote === '' && (c === "'" || c === '"')) quote = c;
    else if (quote !== '' && c === quote) quote = '';
    if (c === '{') {
      const m = /^\{([a-z]+)\}/.exec(template.slice(i));
      if (m && (PLACEHOLDERS as readonly string[]).includes(m[1])) {
        const name = m[1] as Placeholder;
        const v = vars[name];
        if (v === undefined) {
          const hint = name === 'pid' ? ' (give --pid)' : '';
          throw new UsageError(`${option} uses {${name}} but it has no value here${hint}`);
        }
        out += quoteFor(quote, String(v));
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  if (quote !== '') throw new UsageError(`${option}: unbalanced ${quote} quote`);
  return out;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  error?: string;
}

export interface StartOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Keep stdout in memory (for profilers that write the profile to stdout). */
  collectStdout?: boolean;
  maxStdoutBytes?: number;
  /** Each complete output line, as it arrives. */
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
}

export interface RunningCommand {
  readonly pid: number | undefined;
  readonly command: string;
  /** Resolves when the shell exits (or could not start). Never rejects. */
  readonly exited: Promise<ExitInfo>;
  /** True once `exited` resolved. */
  readonly hasExited: boolean;
  /** SIGTERM to the process group, then SIGKILL after graceMs. Safe to call twice. */
  stop(graceMs?: number): Promise<ExitInfo>;
  /** The last few KB of stdout + stderr. */
  tail(): string;
  stdout(): Buffer;
  stdoutOverflow(): boolean;
}

const TAIL_BYTES = 4096;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      /* already gone */
    }
  }
}

/** Last resort: if node exits with commands still running, kill their groups synchronously. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of live) killGroup(c, 'SIGKILL');
  });
}

/** Number of commands started here that are still running (for tests). */
export function liveCommandCount(): number {
  return live.size;
}

export function startCommand(command: string, opts: StartOptions = {}): RunningCommand {
  installExitHook();
  const win = process.platform === 'win32';
  const child = win
    ? spawn(command, {
        shell: true,
        cwd: opts.cwd,
        env: opts.env as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn('/bin/sh', ['-c', command], {
        cwd: opts.cwd,
        env: opts.env as NodeJS.ProcessEnv,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  live.add(child);
  let tail = '';
  const chunks: Buffer[] = [];
  let stdoutBytes = 0;
  let overflow = false;
  const maxStdout = opts.maxStdoutBytes ?? 512 * 1024 * 1024;
  const partial = { stdout: '', stderr: '' };
  const onData = (stream: 'stdout' | 'stderr') => (b: Buffer) => {
    if (stream === 'stdout' && opts.collectStdout) {
      stdoutBytes += b.length;
      if (stdoutBytes > maxStdout) overflow = true;
      else chunks.push(b);
      return;
    }
    const s = b.toString('utf8');
    tail = (tail + s).slice(-TAIL_BYTES);
    if (opts.onLine) {
      const lines = (partial[stream] + s).split(/\r?\n|\r/);
      partial[stream] = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) opts.onLine(stream, l);
    }
  };
  child.stdout?.on('data', onData('stdout'));
  child.stderr?.on('data', onData('stderr'));
  let done = false;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (e) => {
      live.delete(child);
      done = true;
      resolve({ code: null, signal: null, error: e.message });
    });
    child.once('close', (code, signal) => {
      live.delete(child);
      done = true;
      resolve({ code, signal });
    });
  });
  let stopping: Promise<ExitInfo> | undefined;
  return {
    pid: child.pid,
    command,
    exited,
    get hasExited() {
      return done;
    },
    stop(graceMs = 2000) {
      if (stopping) return stopping;
      stopping = (async () => {
        // Signal the group even when the shell has exited: it may have left children behind.
        killGroup(child, 'SIGTERM');
        if (!done) {
          let timer: NodeJS.Timeout | undefined;
          const killed = await Promise.race([
            exited.then(() => false),
            new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
          ]);
          clearTimeout(timer);
          if (killed) {
            killGroup(child, 'SIGKILL');
            // 'close' waits for the pipes; grandchildren holding them are dead now too.
            await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
          }
        }
        killGroup(child, 'SIGKILL');
        live.delete(child);
        return exited;
      })();
      return stopping;
    },
    tail: () => tail.trim(),
    stdout: () => Buffer.concat(chunks),
    stdoutOverflow: () => overflow,
  };
}

export interface RunResult extends ExitInfo {
  timedOut: boolean;
  aborted: boolean;
  tail: string;
  stdout: Buffer;
  stdoutOverflow: boolean;
}

/** Runs a command to completion, with a timeout and an abort signal (both kill the group). */
export async function runCommand(
  command: string,
  opts: StartOptions & { timeoutMs: number; signal?: AbortSignal },
): Promise<RunResult> {
  const rc = startCommand(command, opts);
  let timedOut = false;
  let aborted = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void rc.stop();
  }, opts.timeoutMs);
  const onAbort = () => {
    aborted = true;
    void rc.stop(500);
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const info = await rc.exited;
    // Let the group go too (a profiler may have forked helpers).
    await rc.stop(500);
    return {
      ...info,
      timedOut,
      aborted,
      tail: rc.tail(),
      stdout: rc.stdout(),
      stdoutOverflow: rc.stdoutOverflow(),
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/** "exit code 3", "killed by SIGTERM", "could not start: ..." */
export function describeExit(e: ExitInfo): string {
  if (e.error) return `could not start: ${e.error}`;
  if (e.signal) return `killed by ${e.signal}`;
  if (e.code === 127) return 'exit code 127 (command not found)';
  return `exit code ${e.code}`;
}

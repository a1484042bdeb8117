/**
 * What the profilers need to know about a running process: that it exists and may be signalled,
 * its executable, arguments, environment and working folder (from /proc on Linux, from `ps`
 * elsewhere where it can).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { CaptureError } from '../errors.js';

/** Throws an 'attach' CaptureError when `pid` is not a running process this user may signal. */
export function checkProcess(pid: number, flag = '--pid'): void {
  try {
    process.kill(pid, 0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPERM') {
      throw new CaptureError(
        'attach',
        `process ${pid} (${flag}) belongs to another user: run profile-gate as that user (or as root)`,
      );
    }
    throw new CaptureError(
      'attach',
      `no process with id ${pid} (${flag}): is the service running?`,
    );
  }
  try {
    if (/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) {
      throw new CaptureError('attach', `process ${pid} (${flag}) has exited (a zombie)`);
    }
  } catch (e) {
    if (e instanceof CaptureError) throw e;
  }
}

/** The path of the process's executable, or its name, when it can be found. */
export function processExecutable(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    const r = spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
  }
}

/** The process's argv, when it can be read. */
export function processArgs(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
  } catch {
    const r = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim() ? r.stdout.trim().split(/\s+/) : undefined;
  }
}

/** One variable of the process's environment (Linux only; undefined elsewhere). */
export function processEnv(pid: number, name: string): string | undefined {
  try {
    for (const kv of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      if (kv.startsWith(`${name}=`)) return kv.slice(name.length + 1);
    }
  } catch {
    /* not readable here */
  }
  return undefined;
}

/** The process's working folder (its project root, for name normalization), when known. */
export function processCwd(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/** The last path component. */
export function baseName(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

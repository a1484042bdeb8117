/** Describes the machine a capture ran on, so that `compare` can tell when two sets differ. */
import os from 'node:os';
import type { RunnerFingerprint } from '../captureset/manifest.js';

export function runnerFingerprint(runtimeVersion?: string): RunnerFingerprint {
  const cpus = os.cpus();
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length;
  const fp: RunnerFingerprint = {
    cpuModel: (cpus[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
    cores,
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
  };
  if (runtimeVersion) fp.runtimeVersion = runtimeVersion;
  return fp;
}

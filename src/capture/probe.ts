/**
 * Before any load: the profile endpoints (resolved, --seconds checked against them), a warning
 * for each one outside private networks, and a TCP connect to each so that a service that
 * cannot be reached fails the run at once, not after the warm-up.
 */
import net from 'node:net';
import {
  checkSecondsForEndpoint,
  resolveEndpoint,
  usesGoDefaults,
  type Endpoint,
} from './endpoints.js';
import { CaptureError } from './errors.js';
import type { RunCaptureOptions } from './options.js';
import { retryInRun } from './retry.js';
import type { CaptureRun } from './run.js';
import { checkTarget } from './safety.js';
import { fmtSeconds } from './time.js';

export interface Endpoints {
  canary?: Endpoint;
  baseline?: Endpoint;
}

/** Resolves the profile endpoints and warns about targets that are not private addresses. */
export async function resolveEndpoints(
  o: RunCaptureOptions,
  warn: (message: string) => void,
): Promise<Endpoints> {
  const canary = o.url !== undefined ? resolveEndpoint(o.url, o.type, o.path) : undefined;
  const baseline =
    o.baselineUrl !== undefined ? resolveEndpoint(o.baselineUrl, o.type, o.path) : undefined;
  if (canary) checkSecondsForEndpoint(canary, o.seconds, usesGoDefaults(o.url!, o.path));
  if (baseline)
    checkSecondsForEndpoint(baseline, o.seconds, usesGoDefaults(o.baselineUrl!, o.path));
  const safetyTargets: [string, string][] = [];
  if (o.url) safetyTargets.push([o.url.replace(/\{(seconds|type)\}/g, '0'), 'profiling endpoint']);
  if (o.baselineUrl)
    safetyTargets.push([
      o.baselineUrl.replace(/\{(seconds|type)\}/g, '0'),
      'baseline profiling endpoint',
    ]);
  for (const [u, what] of safetyTargets) {
    const s = await checkTarget(u, what);
    if (s.warning) warn(s.warning);
  }
  return { canary, baseline };
}

/** Connects to each profile endpoint (with the run's retries); rejects when one is unreachable. */
export async function probeEndpoints(run: CaptureRun): Promise<void> {
  for (const s of run.sets) {
    if (!s.url) continue;
    const url = s.url.replace(/\{(seconds|type)\}/g, '0');
    await retryInRun(run, s, 0, () => tcpProbe(url, 5000, run.signal));
  }
}

export function tcpProbe(url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: u.hostname.replace(/^\[|\]$/g, ''), port });
    const done = (err?: CaptureError) => {
      clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
      sock.destroy();
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => done(new CaptureError('aborted', 'interrupted'));
    const t = setTimeout(
      () =>
        done(
          new CaptureError(
            'network',
            `cannot connect to ${u.host} within ${fmtSeconds(timeoutMs / 1000)}`,
            true,
          ),
        ),
      timeoutMs,
    );
    sock.once('connect', () => done());
    sock.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      if (code === 'ECONNREFUSED') {
        done(
          new CaptureError(
            'refused',
            `connection refused by ${u.host}: is the service running, and is the profiling endpoint on that port?`,
            true,
          ),
        );
      } else if (code === 'ENOTFOUND' || code === 'EAI_NONAME') {
        done(new CaptureError('dns', `cannot resolve host "${u.hostname}" (${code})`));
      } else done(new CaptureError('network', `cannot connect to ${u.host}: ${e.message}`, true));
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

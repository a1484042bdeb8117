/**
 * Reads a baseline or canary set from a fleet source: the window [from, to) is cut into K equal
 * slices and each slice is one merge query, run one after another, so the statistics see
 * slice-to-slice variation just as they see capture-to-capture variation with live captures.
 *
 * Slice i is the half-open range [b_i, b_{i+1}) with b_i = from + floor(i * (to - from) / K) in
 * whole milliseconds. Both backends are sent the inclusive range [b_i, b_{i+1} - 1 ms], so a
 * profile stamped exactly on a boundary is counted in one slice, never two, whether the server
 * treats `end` as inclusive or not (at worst a profile stamped in the very last millisecond of
 * a slice is missed by a server that treats `end` as exclusive).
 */
import { gzipSync } from 'node:zlib';
import { captureEntry, writeCaptureSet } from '../captureset/write.js';
import {
  MANIFEST_FORMAT_VERSION,
  type CaptureEntry,
  type Manifest,
} from '../captureset/manifest.js';
import { isGzip } from '../profile/detect.js';
import { ProfileError } from '../profile/errors.js';
import { Budget, type Limits } from '../profile/limits.js';
import { readProfile } from '../profile/read.js';
import { VERSION } from '../version.js';
import { sourceAuth, type Env } from './auth.js';
import { formatMs, SourceError, type RequestContext } from './http.js';
import { parcaQueryMerge } from './parca.js';
import { pyroscopeSelectMergeProfile } from './pyroscope.js';
import { describeSource, resolveWindow, sliceWindow, type SourceSpec } from './spec.js';

export interface SourceCapture {
  /** File name inside a capture folder, e.g. slice-01.pb.gz. */
  name: string;
  /** gzipped pprof, exactly the bytes the manifest's sha256 / bytes describe. */
  bytes: Uint8Array;
  start: Date;
  /** Exclusive end of the slice. */
  end: Date;
}

export interface SourceFetchResult {
  captures: SourceCapture[];
  manifest: Manifest;
}

export interface FetchSourceOptions {
  /** Where credentials are read from (see auth.ts). */
  env: Env;
  /** Progress lines; never contain secrets. */
  log: (msg: string) => void;
  signal?: AbortSignal;
  /** Resolves `now` in the spec's times (default: the current time). */
  now?: Date;
  /** First retry delay in ms (default 500); tests make it small. */
  retryBaseMs?: number;
  /** Cap on one response's size (default: limits.maxInputBytes). */
  maxResponseBytes?: number;
  /** The limits of decoded work (profile/limits.ts) for the answers; unset: the defaults. */
  limits?: Partial<Limits>;
  /** Old name of limits.maxInputBytes. */
  maxInflatedBytes?: number;
  /** Injectable fetch (default: the global one). */
  fetch?: typeof fetch;
}

export function sliceFileName(i: number, k: number): string {
  const width = Math.max(2, String(k).length);
  return `slice-${String(i + 1).padStart(width, '0')}.pb.gz`;
}

export async function fetchSourceCaptures(
  spec: SourceSpec,
  opts: FetchSourceOptions,
): Promise<SourceFetchResult> {
  const now = opts.now ?? new Date();
  const window = resolveWindow(spec, now);
  const slices = sliceWindow(window, spec.slices);
  const auth = sourceAuth(spec, opts.env);
  const log = (m: string) => opts.log(auth.mask(m));
  const sliceMs = (window.endMs - window.startMs) / spec.slices;
  log(
    `${describeSource(spec)}: ${spec.slices} slice(s) of ${formatMs(Math.round(sliceMs))} over ` +
      `[${iso(window.startMs)}, ${iso(window.endMs)}) (${auth.summary})`,
  );
  if (sliceMs < 30_000) {
    log(
      `warning: slices of ${formatMs(Math.round(sliceMs))} are shorter than a few agent push intervals ` +
        `(typically 10-15 s); expect noisy or empty slices; widen the window or lower slices=`,
    );
  }

  const limits: Partial<Limits> = {
    ...opts.limits,
    maxInputBytes: opts.maxInflatedBytes ?? opts.limits?.maxInputBytes,
  };
  const maxInput = new Budget(limits).limits.maxInputBytes;
  const captures: SourceCapture[] = [];
  const entries: CaptureEntry[] = [];
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i];
    // when the attempt that got the answer began: its timeout covers decoding the answer too
    let attemptStart = Date.now();
    const fetchFn = opts.fetch ?? globalThis.fetch;
    const label = `slice ${i + 1}/${slices.length} [${iso(s.startMs)}, ${iso(s.endMs)})`;
    const ctx: RequestContext = {
      what: `${spec.kind} ${spec.kind === 'pyroscope' ? 'SelectMergeProfile' : 'Query'} for ${label}`,
      headers: auth.headers,
      mask: auth.mask,
      timeoutMs: spec.timeoutMs,
      retries: spec.retries,
      retryBaseMs: opts.retryBaseMs ?? 500,
      signal: opts.signal,
      log,
      fetch: ((...a: Parameters<typeof fetch>) => {
        attemptStart = Date.now();
        return fetchFn(...a);
      }) as typeof fetch,
      maxResponseBytes: opts.maxResponseBytes ?? maxInput,
    };
    const range = { startMs: s.startMs, endMs: s.endMs - 1 };
    const t0 = Date.now();
    const raw =
      spec.kind === 'pyroscope'
        ? await pyroscopeSelectMergeProfile(spec, range, ctx)
        : await parcaQueryMerge(spec, range, ctx);
    const name = sliceFileName(i, slices.length);
    const emptyMsg = () =>
      `${label} of ${spec.kind} query ${spec.query} returned no samples. ` +
      `Check that the selector matches a service that was running and pushing profiles then ` +
      `(profile type and labels), or use a wider window (from=/to=) or fewer slices (slices=${spec.slices} now).`;
    if (raw.length === 0) throw new SourceError(auth.mask(emptyMsg()));
    let samples: number;
    let types: string[];
    try {
      const budget = new Budget(limits, false, {
        at: attemptStart + spec.timeoutMs,
        what: `timeout=${formatMs(spec.timeoutMs)} (the request's timeout covers decoding its answer; raise timeout= in the source spec)`,
      });
      const p = readProfile(raw, `${label} (${name})`, { budget });
      samples = p.stackOffsets.length - 1;
      types = p.sampleTypes.map((t) => t.type);
    } catch (e) {
      if (e instanceof ProfileError && e.code === 'empty')
        throw new SourceError(auth.mask(emptyMsg()));
      if (e instanceof ProfileError) {
        throw new SourceError(
          auth.mask(
            `${label}: the ${spec.kind} server's answer is not a usable pprof profile: ${e.detail}`,
          ),
        );
      }
      throw e;
    }
    if (!types.includes(spec.sampleType)) {
      log(
        `warning: ${label}: the profile's sample types are ${types.join(', ') || '(none)'}, ` +
          `not the requested "${spec.sampleType}"`,
      );
    }
    const bytes = isGzip(raw) ? raw : new Uint8Array(gzipSync(raw));
    const start = new Date(s.startMs);
    const end = new Date(s.endMs);
    captures.push({ name, bytes, start, end });
    entries.push(
      captureEntry(name, bytes, {
        start: start.toISOString(),
        end: end.toISOString(),
        durationSeconds: (s.endMs - s.startMs) / 1000,
      }),
    );
    log(
      `${label}: ${samples} samples, ${bytes.length} bytes (gzipped) in ${formatMs(Date.now() - t0)}`,
    );
  }

  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: 'profile-gate', version: VERSION },
    createdAt: now.toISOString(),
    source: {
      kind: spec.kind,
      // No credentials can be in baseUrl: the spec parser refuses user:password@ and secrets.
      url: spec.baseUrl,
      query: spec.query,
    },
    profileType: spec.profileKind,
    sampleType: spec.sampleType,
    labels: { ...spec.labels },
    captures: entries,
  };
  return { captures, manifest };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Writes the slices and manifest.json into `dir` at once; `dir` must not exist or be empty. */
export function writeSourceCaptures(dir: string, result: SourceFetchResult): void {
  writeCaptureSet(
    dir,
    result.captures.map((c) => ({ name: c.name, bytes: c.bytes })),
    result.manifest,
  );
}

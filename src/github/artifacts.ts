/**
 * Artifact transfer behind a small interface, so the gate logic can be tested in-process with a
 * fake.
 * - download (another run's artifact, by id): REST `GET /repos/{o}/{r}/actions/artifacts/{id}/zip`
 *   answers 302 with a signed blob URL; the zip is streamed from it (no token sent there)
 *   within the size limit, its sha256 compared with the digest GitHub recorded at upload, then
 *   unpacked within limits (artifact-zip.ts). Done here rather than with @actions/artifact,
 *   which unpacks without limits and only reports a digest mismatch in a debug line.
 * - upload: @actions/artifact's DefaultArtifactClient: Twirp `CreateArtifact` on
 *   ACTIONS_RESULTS_URL (signed upload URL back), Azure block-blob upload of the zip, Twirp
 *   `FinalizeArtifact` (artifact id back). With `overwrite` (a re-run: GitHub keeps the first
 *   attempt's artifacts in the same run and refuses a second one of the same name with 409
 *   Conflict), an artifact of that name in this run is deleted first, as upload-artifact's
 *   `overwrite: true` does.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../profile/limits.js';
import { retry } from '../util/retry.js';
import {
  ArtifactError,
  extractZip,
  MAX_ARTIFACT_ENTRIES,
  type UnzipLimits,
} from './artifact-zip.js';
import type { GitHubRest } from './rest.js';

export interface ArtifactRef {
  id: number;
  name: string;
  /** `sha256:<hex>` GitHub recorded when it was uploaded; absent for older artifacts. */
  digest?: string | null;
}

export interface Downloaded {
  /** sha256 of the zip as downloaded, `sha256:<hex>`. */
  digest: string;
  /** It matched the recorded digest (false: there was none to compare with). */
  verified: boolean;
}

export interface ArtifactTransfer {
  /** Downloads an artifact of this repository and unpacks its files into `dir` (within `limits`). */
  download(artifact: ArtifactRef, dir: string, limits?: Partial<UnzipLimits>): Promise<Downloaded>;
  upload(
    name: string,
    files: string[],
    rootDir: string,
    retentionDays: number,
    opts?: { overwrite?: boolean },
  ): Promise<{ id: number; size: number; replaced?: boolean }>;
  /** Uploads need the runner's ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL. */
  canUpload(): boolean;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Checks a download against the digest GitHub recorded (when there is one). */
export function checkDigest(
  what: string,
  expected: string | null | undefined,
  got: string,
): boolean {
  if (!expected || !DIGEST.test(expected.toLowerCase())) return false;
  if (expected.toLowerCase() !== got) {
    throw new ArtifactError(
      `${what}: the downloaded zip's ${got} does not match the ${expected} GitHub recorded when it was uploaded (changed in storage or in transit); not used`,
    );
  }
  return true;
}

class BlobError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Streams a blob into `file`: at most maxBytes, sha256 on the way. */
async function fetchBlob(
  url: string,
  file: string,
  maxBytes: number,
  what: string,
  fetchFn: typeof fetch,
): Promise<string> {
  const shown = new URL(url).pathname; // the signature is in the query: never shown
  let res: Response;
  try {
    res = await fetchFn(url, { signal: AbortSignal.timeout(600_000) });
  } catch (e) {
    throw new BlobError(`${what}: download from ${shown} failed: ${(e as Error).message}`, true);
  }
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel();
    throw new BlobError(
      `${what}: blob storage answered HTTP ${res.status}`,
      res.status >= 500 || res.status === 429,
    );
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel();
    throw new ArtifactError(
      `${what}: the zip is ${declared} bytes, more than ${maxBytes} (raise it with max-input-mb)`,
    );
  }
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  let total = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new ArtifactError(
          `${what}: the zip is more than ${maxBytes} bytes (raise it with max-input-mb)`,
        );
      }
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } catch (e) {
    if (e instanceof ArtifactError) throw e;
    throw new BlobError(`${what}: download from ${shown} broke off: ${(e as Error).message}`, true);
  } finally {
    closeSync(fd);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Downloads, verifies and unpacks an artifact (shared by the real transfer and tests). */
export async function downloadArtifact(
  artifact: ArtifactRef,
  dir: string,
  limits: Partial<UnzipLimits> | undefined,
  deps: {
    rest: GitHubRest;
    owner: string;
    repo: string;
    fetch?: typeof fetch;
    log?: (msg: string) => void;
    backoffMs?: number;
  },
): Promise<Downloaded> {
  const maxBytes = limits?.maxBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const what = `baseline artifact ${artifact.name} (id ${artifact.id})`;
  const zipDir = `${dir}.zip.d`;
  rmSync(zipDir, { recursive: true, force: true });
  mkdirSync(zipDir, { recursive: true });
  const zip = join(zipDir, 'artifact.zip');
  try {
    const digest = await retry(
      async () => {
        // a fresh signed URL per attempt (they expire within minutes)
        const url = await deps.rest.artifactDownloadUrl(deps.owner, deps.repo, artifact.id);
        return fetchBlob(url, zip, maxBytes, what, deps.fetch ?? fetch);
      },
      {
        retries: 3,
        baseMs: deps.backoffMs ?? 2000,
        maxMs: 16_000,
        jitter: 0.25,
        isRetryable: (e): e is BlobError => e instanceof BlobError && e.retryable,
        onRetry: (n, delay, e) =>
          deps.log?.(`${e.message}; retry ${n} of 3 in ${(delay / 1000).toFixed(1)} s`),
        giveUp: (e) => (e instanceof BlobError ? new ArtifactError(e.message) : e),
      },
    );
    const verified = checkDigest(what, artifact.digest, digest);
    deps.log?.(
      verified
        ? `${what}: ${digest} matches the digest recorded at upload`
        : `${what}: ${digest} (GitHub recorded no digest to compare with)`,
    );
    extractZip(zip, dir, {
      maxBytes,
      maxEntries: limits?.maxEntries ?? MAX_ARTIFACT_ENTRIES,
    });
    return { digest, verified };
  } finally {
    rmSync(zipDir, { recursive: true, force: true });
  }
}

export function actionsArtifactTransfer(
  env: Record<string, string | undefined>,
  deps: { rest: GitHubRest; owner: string; repo: string; log?: (msg: string) => void },
): ArtifactTransfer {
  let client: DefaultArtifactClient | undefined;
  const get = () => (client ??= new DefaultArtifactClient());
  return {
    download(artifact, dir, limits) {
      return downloadArtifact(artifact, dir, limits, deps);
    },
    async upload(name, files, rootDir, retentionDays, opts) {
      let replaced = false;
      if (opts?.overwrite) {
        // this run's artifacts (an earlier attempt's included); deleting a name that is not
        // there would print a warning of @actions/artifact's own
        const { artifacts } = await get().listArtifacts();
        if (artifacts.some((a) => a.name === name)) {
          await get().deleteArtifact(name);
          replaced = true;
        }
      }
      const res = await get().uploadArtifact(name, files, rootDir, { retentionDays });
      if (res.id === undefined) throw new Error(`artifact ${name}: upload returned no id`);
      return { id: res.id, size: res.size ?? 0, replaced };
    },
    canUpload() {
      return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
    },
  };
}

/**
 * promote: upload a set of captures plus a manifest.json (commit, run, time, settings) as the
 * artifact later gate runs take as their baseline. Pull-request runs never promote.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { expandPaths } from '../captureset/files.js';
import { captureEntry, writeCaptureSet, type SetFile } from '../captureset/write.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT_VERSION,
  type CaptureEntry,
  type Manifest,
} from '../captureset/manifest.js';
import { VERSION } from '../version.js';
import type { ArtifactTransfer } from './artifacts.js';
import { readManifest } from './baseline.js';
import type { RunContext } from './context.js';

export interface PromoteRequest {
  name: string;
  /** Capture files, folders or globs. */
  paths: string[];
  /** Base for relative paths. */
  cwd: string;
  profileType: string;
  retentionDays: number;
  /** Settings recorded with the baseline (budgets, confidence...). */
  settings?: unknown;
  stagingDir: string;
  /** Replace an artifact of that name in this run (a re-run's earlier attempt promoted it). */
  overwrite?: boolean;
}

export interface PromoteResult {
  artifactId: number;
  size: number;
  files: string[];
  manifest: Manifest;
  /** An earlier attempt's artifact of that name was replaced. */
  replaced?: boolean;
}

/** Every file directly in a folder (the report folder is flat). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(dir, e.name))
    .sort();
}

/** Copies the captures into one flat folder with an up-to-date manifest.json. */
export function stageBaseline(
  req: PromoteRequest,
  ctx: RunContext,
  now = new Date(),
): {
  files: string[];
  manifest: Manifest;
} {
  const profiles = expandPaths(req.paths, req.cwd, 'canary-path');
  const manifests = req.paths.map((p) => join(p, MANIFEST_FILE)).filter((m) => existsSync(m));
  const template = manifests.length === 1 ? readManifest(manifests[0]) : undefined;
  const used = new Set<string>([MANIFEST_FILE]);
  const setFiles: SetFile[] = [];
  const entries: CaptureEntry[] = profiles.map((src, i) => {
    let name = basename(src);
    if (used.has(name)) name = `${i + 1}-${name}`;
    used.add(name);
    const bytes = new Uint8Array(readFileSync(src));
    setFiles.push({ name, bytes });
    // Keep what the capture step recorded about this file (time window, requests).
    const known = template?.captures.find((c) => join(dirname(manifests[0]), c.file) === src);
    if (known) return captureEntry(name, bytes, known);
    const mtime = statSync(src).mtime.toISOString();
    return captureEntry(name, bytes, { start: mtime, end: mtime, durationSeconds: 0 });
  });
  const manifest: Manifest = {
    ...(template ?? {
      formatVersion: MANIFEST_FORMAT_VERSION,
      tool: { name: 'profile-gate', version: VERSION },
      createdAt: now.toISOString(),
      source: { kind: 'import' as const },
      profileType: req.profileType,
      labels: {},
    }),
    captures: entries,
    promotion: {
      commitSha: ctx.sha,
      runId: ctx.runId,
      ref: ctx.ref,
      time: now.toISOString(),
      settings: req.settings,
    },
  };
  const files = writeCaptureSet(req.stagingDir, setFiles, manifest, { replace: true });
  return { files, manifest };
}

export async function promote(
  req: PromoteRequest,
  ctx: RunContext,
  transfer: ArtifactTransfer,
  log: (msg: string) => void,
): Promise<PromoteResult> {
  if (!transfer.canUpload()) {
    throw new Error(
      'cannot upload the baseline: ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set (promote runs only inside a GitHub Actions job)',
    );
  }
  const { files, manifest } = stageBaseline(req, ctx);
  log(
    `Promoting ${files.length - 1} capture(s) as artifact ${req.name} (commit ${ctx.sha.slice(0, 7)}, run ${ctx.runId}, kept ${req.retentionDays} days)`,
  );
  const { id, size, replaced } = await transfer.upload(
    req.name,
    files,
    req.stagingDir,
    req.retentionDays,
    { overwrite: req.overwrite },
  );
  return {
    artifactId: id,
    size,
    replaced,
    files: files.map((f) => relative(req.stagingDir, f)),
    manifest,
  };
}

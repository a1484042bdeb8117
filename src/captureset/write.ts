/**
 * The one writer of capture folders (profile files plus manifest.json), used by `capture` (a file
 * at a time, as captures complete), by `fetch` and by the Action's promote (a whole set at once).
 * Every write is atomic: a reader never sees half a file, nor a folder with half a set.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { redactUrl } from '../util/url.js';
import { MANIFEST_FILE, type CaptureEntry, type Manifest } from './manifest.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The manifest entry of a capture file: when and how long (from `fields`, which may be an older
 * entry of the same capture), with this file's name, digest and size.
 */
export function captureEntry(
  file: string,
  bytes: Uint8Array,
  fields: Omit<CaptureEntry, 'file' | 'sha256' | 'bytes'> & Partial<CaptureEntry>,
): CaptureEntry {
  const { file: _file, sha256: _sha, bytes: _bytes, ...rest } = fields;
  return { file, ...rest, sha256: sha256(bytes), bytes: bytes.length };
}

/** Writes one capture file into a set's folder (atomically). */
export function writeCaptureFile(dir: string, file: string, bytes: Uint8Array): void {
  writeFileAtomic(join(dir, file), bytes);
}

/**
 * The manifest as written: URLs without credentials (user-info removed, token-like query
 * parameters blanked; every writer goes through here, so none can leak them into a set).
 */
export function manifestText(manifest: Manifest): string {
  const m: Manifest = { ...manifest };
  if (m.source?.url) m.source = { ...m.source, url: redactUrl(m.source.url) };
  if (m.load) {
    m.load = {
      ...m.load,
      ...(m.load.urls ? { urls: m.load.urls.map(redactUrl) } : {}),
      ...(m.load.mix ? { mix: m.load.mix.map((x) => ({ ...x, url: redactUrl(x.url) })) } : {}),
    };
  }
  return JSON.stringify(m, null, 2) + '\n';
}

/** Writes (or replaces) a set's manifest.json (atomically); returns its path. */
export function writeManifest(dir: string, manifest: Manifest): string {
  const path = join(dir, MANIFEST_FILE);
  writeFileAtomic(path, manifestText(manifest));
  return path;
}

export interface SetFile {
  /** File name inside the set's folder. */
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes a whole set into `dir` at once: everything goes to a temporary sibling folder that is
 * renamed into place at the end. `dir` must not exist or be empty, unless `replace` is set (then
 * whatever it holds is removed first). Returns the paths written, manifest last.
 */
export function writeCaptureSet(
  dir: string,
  files: SetFile[],
  manifest: Manifest,
  opts: { replace?: boolean } = {},
): string[] {
  let existing: string[] | undefined;
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a directory`);
    existing = readdirSync(dir);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(`cannot use ${dir}: ${(e as Error).message}`);
    }
  }
  if (existing && existing.length > 0 && !opts.replace) {
    throw new UsageError(`${dir} already exists and is not empty; choose a new --out folder`);
  }
  const parent = dirname(dir);
  const tmp = join(parent, `.${basename(dir)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(tmp);
    for (const f of files) writeCaptureFile(tmp, f.name, f.bytes);
    writeManifest(tmp, manifest);
    if (existing && existing.length > 0) rmSync(dir, { recursive: true, force: true });
    else if (existing) rmdirSync(dir);
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${dir}: ${(e as Error).message}`);
  }
  return [...files.map((f) => join(dir, f.name)), join(dir, MANIFEST_FILE)];
}

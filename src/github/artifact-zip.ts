/**
 * Unpacks a downloaded baseline artifact (a zip) within limits. @actions/artifact's own
 * extraction has none (a 1 MB zip can unpack to 1 GiB on disk), so the Action downloads the zip
 * as it is and unpacks it here:
 *
 * - the zip itself and the sum of its unpacked files at most maxBytes (the entries' declared
 *   sizes are checked first, and each entry is inflated with a cap, so a lying header cannot
 *   get past it), at most maxEntries entries;
 * - only plain files at the top level (a capture set is flat): no directories, no path
 *   separators, no `..`, no absolute or hidden names, no duplicates; stored or deflated;
 * - each file's size and CRC-32 as the central directory says.
 *
 * Any violation is an error naming the artifact and the problem; nothing is left half written
 * (the caller unpacks into a fresh folder and removes it on error).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { isPlainFileName } from '../captureset/manifest.js';
import { UserError } from '../errors.js';

export interface UnzipLimits {
  /** The zip's size and the sum of its unpacked files, in bytes. */
  maxBytes: number;
  /** Entries (files) in the zip. */
  maxEntries: number;
}

/** The most files a baseline artifact may hold (captures plus manifest.json). */
export const MAX_ARTIFACT_ENTRIES = 10_000;

export class ArtifactError extends UserError {
  override readonly name = 'ArtifactError';
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Unpacks `zipPath` into `dir` (which must exist and be empty); returns the file names. */
export function extractZip(
  zipPath: string,
  dir: string,
  limits: UnzipLimits,
  what = 'the baseline artifact',
): string[] {
  const fail = (detail: string): never => {
    throw new ArtifactError(`${what}: ${detail}`);
  };
  const zipSize = statSync(zipPath).size;
  if (zipSize > limits.maxBytes) {
    fail(`the zip is ${zipSize} bytes, more than ${limits.maxBytes} (raise it with max-input-mb)`);
  }
  const buf = readFileSync(zipPath);
  const entries = readCentralDirectory(buf, fail);
  if (entries.length > limits.maxEntries) {
    fail(`it holds ${entries.length} entries, more than ${limits.maxEntries}`);
  }
  let declared = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.name.endsWith('/')) {
      fail(`it holds a folder (${JSON.stringify(e.name)}); a baseline is one flat folder of files`);
    }
    if (!isPlainFileName(e.name) && e.name !== 'manifest.json') {
      fail(
        `it holds ${JSON.stringify(e.name.slice(0, 200))}: only plain file names at the top level are accepted (no path separators, no "..", not hidden)`,
      );
    }
    if (seen.has(e.name)) fail(`${JSON.stringify(e.name)} appears twice`);
    seen.add(e.name);
    if (e.method !== 0 && e.method !== 8) {
      fail(
        `${JSON.stringify(e.name)} uses compression method ${e.method} (only stored and deflate are read)`,
      );
    }
    declared += e.size;
  }
  if (declared > limits.maxBytes) {
    fail(
      `its files unpack to ${declared} bytes, more than ${limits.maxBytes} (raise it with max-input-mb)`,
    );
  }
  let written = 0;
  const names: string[] = [];
  for (const e of entries) {
    const data = entryData(buf, e, fail);
    let out: Buffer;
    if (e.method === 0) out = data;
    else {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        return fail(
          `${JSON.stringify(e.name)} does not inflate to its declared ${e.size} bytes (${(err as Error).message})`,
        );
      }
    }
    if (out.length !== e.size) {
      fail(
        `${JSON.stringify(e.name)} is ${out.length} bytes, not the ${e.size} its header declares`,
      );
    }
    if (crc32(out) !== e.crc) fail(`${JSON.stringify(e.name)} fails its CRC-32 check`);
    written += out.length;
    if (written > limits.maxBytes) fail(`its files unpack to more than ${limits.maxBytes} bytes`);
    writeFileSync(join(dir, e.name), out, { flag: 'wx' });
    names.push(e.name);
  }
  return names;
}

function readCentralDirectory(buf: Buffer, fail: (d: string) => never): Entry[] {
  // the end-of-central-directory record: in the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65535); p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return fail('not a zip file (no end of central directory)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) return fail('truncated zip64 records');
    const at = num64(buf, loc + 8, fail);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) {
      return fail('bad zip64 end of central directory');
    }
    count = num64(buf, at + 32, fail);
    cdSize = num64(buf, at + 40, fail);
    cdOffset = num64(buf, at + 48, fail);
  }
  if (cdOffset + cdSize > buf.length) return fail('the central directory lies outside the file');
  const out: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) {
      return fail(`central directory entry ${i + 1} is corrupt`);
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > buf.length) return fail(`central directory entry ${i + 1} is truncated`);
    if (flags & 1) return fail('encrypted entries are not read');
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    // zip64 extra field: the sizes and offset that did not fit, in this order
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = num64(buf, q, fail);
          q += 8;
        }
        if (compressed === 0xffffffff) {
          compressed = num64(buf, q, fail);
          q += 8;
        }
        if (offset === 0xffffffff) offset = num64(buf, q, fail);
      }
      x += 4 + len;
    }
    out.push({ name, method, crc, compressed, size, offset });
    p = end;
  }
  return out;
}

function entryData(buf: Buffer, e: Entry, fail: (d: string) => never): Buffer {
  const p = e.offset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) {
    return fail(`${JSON.stringify(e.name)}: bad local header`);
  }
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressed > buf.length) return fail(`${JSON.stringify(e.name)} is truncated`);
  if (e.method === 0 && e.compressed !== e.size) {
    return fail(`${JSON.stringify(e.name)}: stored entry with different sizes`);
  }
  return buf.subarray(start, start + e.compressed);
}

function num64(buf: Buffer, at: number, fail: (d: string) => never): number {
  if (at + 8 > buf.length) return fail('truncated zip64 field');
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return fail('zip64 value out of range');
  return Number(v);
}

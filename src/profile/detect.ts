/**
 * Recognise a profile's format from its bytes (never from its file name), inflating gzip
 * with a size cap and transcoding UTF-16 text.
 */
import { gunzipSync } from 'node:zlib';
import { ProfileError } from './errors.js';
import { isJfr } from './jfr/chunk.js';
import { DEFAULT_LIMITS, limitError } from './limits.js';
import { unsupportedBinary, unsupportedDetail } from './formats.js';
import { looksLikePerfScript } from './perfscript.js';

/** The default cap on one input's bytes (limits.ts: maxInputBytes). */
export const DEFAULT_MAX_INFLATED_BYTES = DEFAULT_LIMITS.maxInputBytes;

export type Sniffed =
  | { kind: 'pprof'; bytes: Uint8Array }
  | { kind: 'jfr'; bytes: Uint8Array }
  | { kind: 'json'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'legacy'; what: string };

export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

export function inflate(bytes: Uint8Array, file: string, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(err.message)) {
      throw limitError(file, `gzip data inflates to more than ${maxBytes} bytes`, 'maxInputBytes');
    }
    throw new ProfileError('gzip', file, `corrupt or truncated gzip data (${err.message})`);
  }
}

/** Keys a pprof Profile message can start with: fields 1-15 with wire type 0 or 2. */
function looksLikeProtobufKey(b: number): boolean {
  const field = b >> 3;
  const wire = b & 7;
  return field >= 1 && field <= 15 && (wire === 0 || wire === 2);
}

function decodeText(b: Uint8Array, file: string): string | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(b.subarray(2));
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(b.subarray(2));
  }
  let start = 0;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  // Text must not contain NUL bytes or many control characters in its head.
  const head = b.subarray(start, Math.min(b.length, start + 4096));
  let bad = 0;
  for (const c of head) {
    if (c === 0) return undefined;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  if (bad > head.length / 50) return undefined;
  void file;
  return new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(start));
}

function firstLine(text: string): string {
  const i = text.search(/[\r\n]/);
  return i < 0 ? text : text.slice(0, i);
}

/** A folded line starting with a bracketed frame: `[unknown];f 3`, `[main tid=7];g 1`. */
function looksFolded(line: string): boolean {
  return /^\[[^[\]{}"]*\](?:;|\s+-?\d)/.test(line) && /\S\s+-?\d+(\.\d+)?\s*$/.test(line);
}

const LEGACY_TEXT = [
  /^heap profile:/,
  /^--- contention/,
  /^--- mutex/,
  /^goroutine profile:/,
  /^--- heapz/,
  /^--- threadz/,
  /^heap_v2\//,
];

export function sniff(
  input: Uint8Array,
  file: string,
  maxInflated = DEFAULT_MAX_INFLATED_BYTES,
): Sniffed {
  let bytes = input;
  if (bytes.length > maxInflated) {
    throw limitError(
      file,
      `the input is ${bytes.length} bytes, more than ${maxInflated}`,
      'maxInputBytes',
    );
  }
  for (let depth = 0; isGzip(bytes); depth++) {
    if (depth >= 2) throw new ProfileError('gzip', file, 'gzip nested more than twice');
    bytes = inflate(bytes, file, maxInflated);
  }
  if (bytes.length === 0) throw new ProfileError('empty', file, 'file is empty');
  const unsupported = unsupportedBinary(bytes);
  if (unsupported)
    throw new ProfileError('unsupported-format', file, unsupportedDetail(unsupported));
  // JDK Flight Recorder: chunks start with "FLR\0" (binary, so never text).
  if (isJfr(bytes)) return { kind: 'jfr', bytes };
  const text = decodeText(bytes, file);
  if (text !== undefined) {
    const trimmed = text.trimStart();
    // `[` also starts folded stacks whose root is `[unknown]` or an async-profiler thread frame
    // `[main tid=1]`: a first line `[name];...count` is not JSON.
    if (trimmed.startsWith('{') || (trimmed.startsWith('[') && !looksFolded(firstLine(trimmed)))) {
      return { kind: 'json', text: trimmed };
    }
    for (const re of LEGACY_TEXT) {
      if (re.test(trimmed)) return { kind: 'legacy', what: trimmed.split('\n')[0].slice(0, 40) };
    }
    if (trimmed.length > 0 && !looksLikeProtobufKey(bytes[0])) return { kind: 'text', text };
    // Could be text or a protobuf that happens to be printable: let the text readers try
    // first only when it has at least one line that ends in a number (folded stacks) or it
    // reads as perf script output (whose lines end in `:` and `)`).
    if (/\S[ \t]+-?\d+(\.\d+)?\s*$/m.test(text.slice(0, 65536)) || looksLikePerfScript(text)) {
      return { kind: 'text', text };
    }
  }
  if (isLegacyBinaryCpu(bytes)) return { kind: 'legacy', what: 'legacy binary CPU profile' };
  if (!looksLikeProtobufKey(bytes[0])) {
    throw new ProfileError(
      'unknown-format',
      file,
      'not a recognised profile format (expected pprof protobuf, JFR, gzip, folded stacks, perf script, speedscope JSON, Chrome .cpuprofile or .heapprofile)',
    );
  }
  return { kind: 'pprof', bytes };
}

/** The pre-protobuf gperftools CPU format starts with header words 0, 3, 0 (32 or 64 bit). */
function isLegacyBinaryCpu(b: Uint8Array): boolean {
  if (b.length < 24) return false;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const w32 = (i: number) => dv.getUint32(i * 4, true);
  // header: count 0, header words 3 (as 64-bit or 32-bit words, little endian)
  if (w32(0) === 0 && w32(1) === 0 && w32(2) === 3 && w32(3) === 0) return true;
  return w32(0) === 0 && w32(1) === 3 && w32(2) <= 1;
}

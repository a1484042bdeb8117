/**
 * Files the readers do not read, recognised so that the error says what the file is and how to
 * turn it into something profile-gate reads: perf.data, zip archives, OpenTelemetry (OTLP)
 * profiles, Go execution traces, ELF executables and other compressors by their bytes; Firefox
 * profiles, Chrome trace events and OTLP JSON by their JSON shape; callgrind/cachegrind output,
 * `perf report` text and Java thread dumps by their text.
 */

/** A format recognised but not read. */
export interface Unsupported {
  /** What the file is, as its users call it. */
  what: string;
  /** How to get a profile profile-gate reads from it. */
  hint: string;
}

/** The error detail for an unsupported format. */
export function unsupportedDetail(u: Unsupported): string {
  return `this is ${u.what}, which profile-gate does not read: ${u.hint}`;
}

function startsWith(b: Uint8Array, ascii: string): boolean {
  if (b.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (b[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Reads a protobuf varint at `o`: [value, next offset], or undefined past the end / too long. */
function varint(b: Uint8Array, o: number): [number, number] | undefined {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 8 && o + i < b.length; i++) {
    const c = b[o + i];
    v += (c & 0x7f) * mul;
    if (c < 0x80) return [v, o + i + 1];
    mul *= 128;
  }
  return undefined;
}

/**
 * OTLP profiles (`ProfilesData` / `ExportProfilesServiceRequest`): the message starts with field
 * 1 (`resource_profiles`), a message whose own first field is a message again (`resource` or
 * `scope_profiles`). pprof's field 1 is a `ValueType`, whose fields are plain numbers: a pprof
 * file never starts like this.
 */
export function looksLikeOtlpProtobuf(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0x0a) return false;
  const len = varint(b, 1);
  if (!len || len[0] < 2 || len[1] + len[0] > b.length) return false;
  const inner = b[len[1]];
  const field = inner >> 3;
  return (inner & 7) === 2 && field >= 1 && field <= 3;
}

const PERF_DATA: Unsupported = {
  what: 'a perf.data file (the binary output of `perf record`)',
  hint: 'convert it with `perf script -i perf.data > perf.txt` and give perf.txt (raw `perf script` output is read directly)',
};

/** Recognises a binary file the readers do not handle, from its first bytes. */
export function unsupportedBinary(b: Uint8Array): Unsupported | undefined {
  if (startsWith(b, 'PERFILE2') || startsWith(b, '2ELIFREP') || startsWith(b, 'PERFFILE'))
    return PERF_DATA;
  if (startsWith(b, 'PK\x03\x04') || startsWith(b, 'PK\x05\x06') || startsWith(b, 'PK\x07\x08')) {
    return {
      what: 'a zip archive',
      hint: 'unzip it and give the profiles inside (or their folder: every profile in a folder is read)',
    };
  }
  if (startsWith(b, 'go 1.') && b.length >= 16 && /^go 1\.\d+ trace/.test(ascii(b, 16))) {
    return {
      what: 'a Go execution trace (runtime/trace)',
      hint: 'capture a CPU profile instead (/debug/pprof/profile), or export one of its profiles with `go tool trace -pprof=sched trace.out > sched.pprof` (net, sync, syscall, sched)',
    };
  }
  if (startsWith(b, '\x7fELF')) {
    return {
      what: 'an executable or library, not a profile',
      hint: 'give the profile the program wrote, not the program',
    };
  }
  if (
    startsWith(b, 'BZh') &&
    b.length >= 10 &&
    startsWith(b.subarray(4), '\x31\x41\x59\x26\x53\x59')
  ) {
    return { what: 'bzip2-compressed data', hint: 'decompress it (`bunzip2`) or gzip it instead' };
  }
  if (b.length >= 6 && b[0] === 0xfd && startsWith(b.subarray(1), '7zXZ')) {
    return { what: 'xz-compressed data', hint: 'decompress it (`unxz`) or gzip it instead' };
  }
  if (b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) {
    return { what: 'zstd-compressed data', hint: 'decompress it (`unzstd`) or gzip it instead' };
  }
  if (looksLikeOtlpProtobuf(b)) return OTLP;
  return undefined;
}

function ascii(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]);
  return s;
}

const OTLP: Unsupported = {
  what: 'an OpenTelemetry (OTLP) profiles message',
  hint: 'profile-gate reads pprof: have the profiler write pprof, or read the profiles back as pprof from the backend that stores them (Pyroscope or Parca: --baseline-source / --canary-source)',
};

const SPEEDSCOPE_HINT =
  'open it in speedscope (https://www.speedscope.app, or `npx speedscope FILE`) and export it as speedscope JSON, which profile-gate reads';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Recognises a JSON document the readers do not handle, from its shape. */
export function unsupportedJson(json: unknown): Unsupported | undefined {
  if (isObject(json)) {
    if (Array.isArray(json['resourceProfiles']) || Array.isArray(json['resource_profiles']))
      return OTLP;
    const meta = json['meta'];
    if (isObject(meta) && Array.isArray(json['threads'])) {
      return { what: 'a Firefox Profiler (Gecko) profile', hint: SPEEDSCOPE_HINT };
    }
    if (Array.isArray(json['traceEvents'])) return CHROME_TRACE;
  }
  if (Array.isArray(json) && json.length > 0) {
    const head = json.slice(0, 20);
    if (
      head.every((e) => isObject(e) && typeof e['ph'] === 'string') ||
      json.some((e) => isObject(e) && e['name'] === 'ProfileChunk')
    )
      return CHROME_TRACE;
  }
  return undefined;
}

export const CHROME_TRACE: Unsupported = {
  what: 'a Chrome trace-event file (DevTools Performance panel, chrome://tracing)',
  hint: `record a .cpuprofile instead (node --cpu-prof, DevTools > JavaScript Profiler > Save, or \`profile-gate capture --profiler node\`), or ${SPEEDSCOPE_HINT}`,
};

/** Recognises text output of a tool that is not a sampled stack profile. */
export function unsupportedText(text: string): Unsupported | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (
    /^# callgrind format/m.test(head) ||
    (/^events:/m.test(head) && /^(fn|fl|fi|fe|cfn|cfl)=/m.test(head))
  ) {
    return {
      what: 'callgrind or cachegrind output (valgrind), which counts instructions rather than sampling stacks',
      hint: 'record a sampling profile instead, e.g. `perf record -F 99 -g -p PID -- sleep 10` and `perf script` (or `profile-gate capture --profiler perf`)',
    };
  }
  if (/^# Overhead/m.test(head) || /^ {1,8}\d+\.\d+% +\S+ +\S+ +\[[.k]\] /m.test(head)) {
    return {
      what: '`perf report` text (a summary, without the stacks)',
      hint: 'give raw `perf script` output instead: `perf script -i perf.data > perf.txt`',
    };
  }
  if (/^"[^"\n]*"[^\n]* tid=0x[0-9a-f]+/m.test(head) || /^Full thread dump /m.test(head)) {
    return {
      what: 'a Java thread dump (jstack / jcmd Thread.print)',
      hint: 'sample the JVM instead: `profile-gate capture --profiler jfr --pid PID`, or async-profiler `asprof -d 10 -o collapsed -f out.txt PID`',
    };
  }
  return undefined;
}

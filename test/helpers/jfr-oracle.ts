/**
 * The JDK's own reading of a JFR recording, folded here independently of profile-gate's
 * reader: `jfr print --json` (every stack frame: --stack-depth 100000) of each chunk (split by
 * `jfr disassemble`), with the event type ids of jdk.ActiveSetting named by the JDK's
 * RecordingFile API (JfrEventTypeIds.java). Per sample type: total, and per function the self
 * (leaf) and cum (once per event even under recursion) values, names formatted as the reader
 * promises (`package.Class.method`; async-profiler's native and kernel frames by symbol).
 *
 * Only the sampling-period rules are shared with the reader by design (they are what the
 * values mean); everything decoded from the bytes comes from the JDK here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface FoldedType {
  type: string;
  unit: string;
  total: number;
  /** name -> [self, cum] */
  functions: Record<string, [number, number]>;
}

export function hasJfrTool(): boolean {
  try {
    execFileSync('jfr', ['version'], { stdio: 'pipe', timeout: 60_000 });
    execFileSync('java', ['-version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const EVENTS = [
  'jdk.ExecutionSample',
  'jdk.NativeMethodSample',
  'profiler.WallClockSample',
  'jdk.ObjectAllocationSample',
  'jdk.ObjectAllocationInNewTLAB',
  'jdk.ObjectAllocationOutsideTLAB',
  'jdk.JavaMonitorEnter',
  'jdk.ThreadPark',
  'jdk.ActiveSetting',
];

interface JsonEvent {
  type: string;
  values: Record<string, unknown>;
}

interface JsonFrame {
  method: { type: { name: string } | null; name: string } | null;
  type: string | null;
}

/** "PT0.016239625S", "PT1M2.5S", "PT-0.001S" as integer nanoseconds. */
export function isoDurationNanos(s: string): number {
  const m = /^PT(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?)(\d+)(?:\.(\d{1,9}))?S)?$/.exec(s);
  if (!m) throw new Error(`not an ISO-8601 duration: ${s}`);
  const h = Number(m[1] ?? 0);
  const min = Number(m[2] ?? 0);
  const sign = m[3] === '-' ? -1 : 1;
  const sec = Number(m[4] ?? 0);
  const frac = Number((m[5] ?? '').padEnd(9, '0'));
  return (h * 3600 + min * 60) * 1e9 + sign * (sec * 1e9 + frac);
}

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
};

function periodNs(v: string): number | undefined {
  const m = /^\s*(\d+)\s*(ns|us|ms|s|m|h|d)?\s*$/.exec(v);
  if (!m) return undefined;
  const ns = Number(m[1]) * UNIT_NS[m[2] ?? 'ns'];
  return ns > 0 ? ns : undefined;
}

interface ChunkView {
  events: JsonEvent[];
  ids: Map<number, string>;
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: 300_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The chunks of `bytes` (a .jfr, maybe gzipped) as the JDK reads them. */
function chunksOf(bytes: Uint8Array): ChunkView[] {
  const dir = mkdtempSync(join(tmpdir(), 'pg-jfr-oracle-'));
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    const file = join(dir, 'rec.jfr');
    writeFileSync(file, raw);
    const chunks = Number(/Chunks:\s*(\d+)/.exec(run('jfr', ['summary', file]))?.[1] ?? 0);
    let files = [file];
    if (chunks > 1) {
      const parts = join(dir, 'chunks');
      mkdirSync(parts);
      run('jfr', ['disassemble', '--output', parts, '--max-chunks', '1', file]);
      files = readdirSync(parts)
        .filter((f) => f.endsWith('.jfr'))
        .sort((a, b) => Number(/_(\d+)\.jfr$/.exec(a)![1]) - Number(/_(\d+)\.jfr$/.exec(b)![1]))
        .map((f) => join(parts, f));
      if (files.length !== chunks)
        throw new Error(`jfr disassemble wrote ${files.length} of ${chunks} chunks`);
    }
    const idText = run('java', [join(HERE, 'JfrEventTypeIds.java'), ...files]);
    const idsPerFile = new Map<string, Map<number, string>>();
    let cur: Map<number, string> | undefined;
    for (const line of idText.split('\n')) {
      if (line.startsWith('# ')) idsPerFile.set(line.slice(2), (cur = new Map()));
      else if (line.startsWith('! '))
        throw new Error(`the JDK cannot read this recording: ${line.slice(2)}`);
      else if (line.trim() && cur) {
        const [id, name] = line.split('\t');
        cur.set(Number(id), name);
      }
    }
    return files.map((f) => {
      const json = JSON.parse(
        run('jfr', ['print', '--json', '--stack-depth', '100000', '--events', EVENTS.join(','), f]),
      ) as { recording: { events: JsonEvent[] } };
      return { events: json.recording.events, ids: idsPerFile.get(f) ?? new Map() };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

class Fold {
  total = 0;
  readonly fns = new Map<string, [number, number]>();
  add(names: string[], v: number): void {
    // Events without a stack are dropped (profile-gate's samples always have frames).
    if (v === 0 || names.length === 0) return;
    this.total += v;
    const leaf = this.get(names[0]);
    leaf[0] += v;
    for (const n of new Set(names)) this.get(n)[1] += v;
  }
  private get(n: string): [number, number] {
    let e = this.fns.get(n);
    if (!e) this.fns.set(n, (e = [0, 0]));
    return e;
  }
  out(type: string, unit: string): FoldedType {
    const functions: Record<string, [number, number]> = {};
    for (const n of [...this.fns.keys()].sort()) functions[n] = this.fns.get(n)!;
    return { type, unit, total: this.total, functions };
  }
}

/** Folds a recording with the JDK: one entry per sample type the reader should offer. */
export function jdkFold(bytes: Uint8Array): FoldedType[] {
  const chunks = chunksOf(bytes);
  let engine: string | undefined;
  let execP: number | undefined;
  let nativeP: number | undefined;
  let wallP: number | undefined;
  interface Ev {
    chunk: number;
    kind: string;
    names: string[];
    v: number;
  }
  const evs: Ev[] = [];
  const per: { exec?: number; native?: number; wall?: number; wallMode: boolean }[] = [];
  chunks.forEach((ch, ci) => {
    // Settings of this chunk (the JDK writes them again at every chunk start).
    const settings = ch.events
      .filter((e) => e.type === 'jdk.ActiveSetting')
      .map((e) => ({
        event: ch.ids.get(Number(e.values.id)),
        name: String(e.values.name),
        value: e.values.value === null ? '' : String(e.values.value),
      }));
    for (const s of settings) if (s.name === 'event' && s.value) engine = s.value;
    const min = (event: string, name: string) => {
      const vs = settings
        .filter((s) => s.event === event && s.name === name)
        .map((s) => periodNs(s.value))
        .filter((x): x is number => x !== undefined);
      return vs.length ? Math.min(...vs) : undefined;
    };
    const timeEngine = engine !== undefined && ['cpu', 'itimer', 'ctimer', 'wall'].includes(engine);
    const interval = timeEngine ? min('jdk.ExecutionSample', 'interval') : undefined;
    execP = min('jdk.ExecutionSample', 'period') ?? interval ?? execP;
    nativeP = min('jdk.NativeMethodSample', 'period') ?? nativeP;
    const wallSetting = settings.filter((s) => s.name === 'wall').map((s) => periodNs(s.value));
    const w = wallSetting.length ? wallSetting[wallSetting.length - 1] : undefined;
    wallP = w ?? (engine === 'wall' ? interval : undefined) ?? wallP;
    per.push({ exec: execP, native: nativeP, wall: wallP, wallMode: engine === 'wall' });

    const samples = ch.events.filter((e) => e.type !== 'jdk.ActiveSetting');
    const frameTypes = new Set<string>();
    for (const e of samples) {
      const st = e.values.stackTrace as { frames: JsonFrame[] } | null;
      for (const f of st?.frames ?? []) if (f.type) frameTypes.add(f.type);
    }
    const nativeIsLibrary = frameTypes.has('C++') || frameTypes.has('Kernel');
    const name = (f: JsonFrame): string => {
      const m = f.method;
      if (!m) return '[unknown]';
      const native =
        f.type === 'C++' || f.type === 'Kernel' || (f.type === 'Native' && nativeIsLibrary);
      const cls = m.type?.name;
      if (native || !cls) return m.name;
      // Hidden classes come dotted already, with a /suffix that stays.
      return `${cls.includes('.') ? cls : cls.split('/').join('.')}.${m.name}`;
    };
    for (const e of samples) {
      const st = e.values.stackTrace as { frames: JsonFrame[] } | null;
      const names = (st?.frames ?? []).map(name);
      const num = (k: string) => Number(e.values[k]);
      let v = 1;
      if (e.type === 'profiler.WallClockSample') v = num('samples');
      else if (e.type === 'jdk.ObjectAllocationSample') v = num('weight');
      else if (e.type === 'jdk.ObjectAllocationInNewTLAB') v = num('tlabSize');
      else if (e.type === 'jdk.ObjectAllocationOutsideTLAB') v = num('allocationSize');
      else if (e.type === 'jdk.JavaMonitorEnter' || e.type === 'jdk.ThreadPark')
        v = isoDurationNanos(String(e.values.duration));
      evs.push({ chunk: ci, kind: e.type, names, v });
    }
  });

  const kinds = new Set(evs.map((e) => e.kind));
  const out: FoldedType[] = [];
  const exec = (e: Ev) => e.kind === 'jdk.ExecutionSample';
  // cpu
  const cpuEvs = evs.filter((e) => exec(e) && !per[e.chunk].wallMode);
  if (cpuEvs.length) {
    const ns = cpuEvs.every((e) => per[e.chunk].exec !== undefined);
    const f = new Fold();
    for (const e of cpuEvs) f.add(e.names, ns ? per[e.chunk].exec! : 1);
    out.push(f.out('cpu', ns ? 'nanoseconds' : 'count'));
  }
  // wall
  const jdkWall = kinds.has('jdk.NativeMethodSample');
  const wallEvs = evs.filter(
    (e) =>
      e.kind === 'profiler.WallClockSample' ||
      (exec(e) && per[e.chunk].wallMode) ||
      (jdkWall && (exec(e) || e.kind === 'jdk.NativeMethodSample')),
  );
  if (wallEvs.length) {
    const p = (e: Ev) =>
      e.kind === 'profiler.WallClockSample' || per[e.chunk].wallMode
        ? per[e.chunk].wall
        : e.kind === 'jdk.NativeMethodSample'
          ? per[e.chunk].native
          : per[e.chunk].exec;
    const ns = wallEvs.every((e) => p(e) !== undefined);
    const f = new Fold();
    for (const e of wallEvs) f.add(e.names, e.v * (ns ? p(e)! : 1));
    out.push(f.out('wall', ns ? 'nanoseconds' : 'count'));
  }
  // alloc
  const sampled = evs.filter((e) => e.kind === 'jdk.ObjectAllocationSample');
  const tlab = evs.filter(
    (e) =>
      e.kind.startsWith('jdk.ObjectAllocationIn') || e.kind.startsWith('jdk.ObjectAllocationOut'),
  );
  const allocEvs = sampled.length ? sampled : tlab;
  if (allocEvs.length) {
    const f = new Fold();
    for (const e of allocEvs) f.add(e.names, e.v);
    out.push(f.out('alloc', 'bytes'));
  }
  const lockEvs = evs.filter(
    (e) => e.kind === 'jdk.JavaMonitorEnter' || e.kind === 'jdk.ThreadPark',
  );
  if (lockEvs.length) {
    const f = new Fold();
    for (const e of lockEvs) f.add(e.names, e.v);
    out.push(f.out('lock', 'nanoseconds'));
  }
  return out;
}

/** The same shape from profile-gate's reader (aggregate with normalization off). */
export function readFile(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** The committed recordings the oracle test checks (paths from the repository root). */
export const JFR_RECORDINGS = [
  'fixtures/profiles/java-profile.jfr.gz',
  'fixtures/profiles/java-attach.jfr',
  'fixtures/profiles/java-multichunk.jfr.gz',
  'fixtures/jfr-public/example.jfr.gz',
  'fixtures/jfr-public/wall.jfr.gz',
  'fixtures/jfr-public/cortex-dev-01__kafka-0__cpu__0.jfr.gz',
  'fixtures/jfr-public/cpool-uint64-constant-index.jfr.gz',
];

/** Where the JDK's fold of a committed recording is kept. */
export function expectedPath(recording: string): string {
  const base = recording
    .split('/')
    .pop()!
    .replace(/\.jfr(\.gz)?$/, '');
  return `fixtures/jfr-expected/${base}.json`;
}

/** JSON with one function per line (readable diffs). */
export function foldedJson(recording: string, types: FoldedType[]): string {
  const parts = types.map((t) => {
    const fns = Object.entries(t.functions)
      .filter(([, [s, c]]) => s !== 0 || c !== 0)
      .map(([n, v]) => `        ${JSON.stringify(n)}: ${JSON.stringify(v)}`);
    return [
      `    {`,
      `      "type": ${JSON.stringify(t.type)},`,
      `      "unit": ${JSON.stringify(t.unit)},`,
      `      "total": ${t.total},`,
      `      "functions": {`,
      fns.join(',\n'),
      `      }`,
      `    }`,
    ].join('\n');
  });
  return `{\n  "recording": ${JSON.stringify(recording)},\n  "source": "jfr print --json (the JDK), folded by test/helpers/jfr-oracle.ts",\n  "types": [\n${parts.join(',\n')}\n  ]\n}\n`;
}

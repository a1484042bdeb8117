/** Helpers for the capture tests: a tiny pprof encoder and local HTTP servers on 127.0.0.1. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import protobuf from 'protobufjs/minimal.js';

export interface FakeSample {
  /** Function names, leaf first. */
  stack: string[];
  values: number[];
}

/** Encodes a minimal gzipped pprof Profile (sample types, samples, locations, functions). */
export function encodePprof(
  sampleTypes: [string, string][],
  samples: FakeSample[],
  durationNanos = 1e9,
): Buffer {
  const strings = [''];
  const str = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const fnIds = new Map<string, number>();
  const fnId = (name: string) => {
    let id = fnIds.get(name);
    if (id === undefined) fnIds.set(name, (id = fnIds.size + 1));
    return id;
  };
  const w = protobuf.Writer.create();
  for (const [t, u] of sampleTypes) {
    w.uint32((1 << 3) | 2).fork();
    w.uint32((1 << 3) | 0).int64(str(t));
    w.uint32((2 << 3) | 0).int64(str(u));
    w.ldelim();
  }
  for (const s of samples) {
    w.uint32((2 << 3) | 2).fork();
    w.uint32((1 << 3) | 2).fork();
    for (const f of s.stack) w.uint64(fnId(f)); // location id = function id
    w.ldelim();
    w.uint32((2 << 3) | 2).fork();
    for (const v of s.values) w.int64(v);
    w.ldelim();
    w.ldelim();
  }
  for (const [name, id] of fnIds) {
    w.uint32((4 << 3) | 2).fork(); // location
    w.uint32((1 << 3) | 0).uint64(id);
    w.uint32((4 << 3) | 2).fork(); // line
    w.uint32((1 << 3) | 0).uint64(id);
    w.ldelim();
    w.ldelim();
    w.uint32((5 << 3) | 2).fork(); // function
    w.uint32((1 << 3) | 0).uint64(id);
    w.uint32((2 << 3) | 0).int64(str(name));
    w.ldelim();
  }
  // The string table goes last: every str() call above has happened by now.
  for (const s of strings) w.uint32((6 << 3) | 2).string(s);
  w.uint32((10 << 3) | 0).int64(durationNanos);
  return gzipSync(Buffer.from(w.finish()));
}

/** A CPU-like profile with a few samples. */
export function cpuProfile(): Buffer {
  return encodePprof(
    [
      ['samples', 'count'],
      ['cpu', 'nanoseconds'],
    ],
    [
      { stack: ['main.work', 'main.handler', 'main.main'], values: [5, 50_000_000] },
      { stack: ['main.other', 'main.main'], values: [2, 20_000_000] },
    ],
  );
}

/** A valid CPU profile with no samples: what an idle Go service returns. */
export function emptyCpuProfile(): Buffer {
  return encodePprof(
    [
      ['samples', 'count'],
      ['cpu', 'nanoseconds'],
    ],
    [],
  );
}

export interface TestServer {
  url: string;
  port: number;
  /** Requests seen so far. */
  hits: () => number;
  close: () => Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void,
): Promise<TestServer> {
  let hits = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => handler(req, res, ++hits));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits: () => hits,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A port on 127.0.0.1 with nothing listening (connections are refused). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Collects CLI output for assertions. */
export function memoryIO(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      cwd,
      env: {} as Record<string, string | undefined>,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** True when a process id is alive (a zombie waiting to be reaped counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return true;
  }
}

/** Waits up to ms for a process to be gone; returns true when it is. */
export async function gone(pid: number, ms = 2000): Promise<boolean> {
  for (let t = 0; t < ms; t += 20) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !alive(pid);
}

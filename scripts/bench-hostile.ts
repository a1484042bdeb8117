/**
 * The "hostile" row of `npm run bench`: the worst input of each kind from issue 16 that the
 * default limits still accept (or, where the original probe is far over them, that probe),
 * each run through the CLI in a child process of its own, which reports its peak memory
 * (process.resourceUsage().maxRSS) and time. Targets: every case under 1 GB and 10 s on 2 cores.
 *
 * The children are this same bundled script (`--hostile-child DIR ARGS...`), so they run the
 * code as dist/ ships it.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS, FLAME_NODE_COST } from '../src/profile/limits.js';
import { runCli } from '../src/cli/main.js';
import {
  cpuprofileChain,
  HOSTILE_NAMES,
  pprofInlineBomb,
  pprofManyAddresses,
  pprofWideBomb,
  pprofWithNames,
  speedscopeManyNodes,
  speedscopeNested,
} from './fuzz/hostile.js';

export interface HostileResult {
  name: string;
  command: string;
  exit: number;
  ms: number;
  rssMB: number;
  note: string;
}

/** The child: runs the CLI with ARGS in DIR and prints its exit code, time and peak memory. */
export async function hostileChild(argv: string[]): Promise<void> {
  const [cwd, ...args] = argv;
  let err = '';
  const t0 = performance.now();
  const code = await runCli(args, {
    stdout: () => {},
    stderr: (s) => {
      if (err.length < 4000) err += s;
    },
    cwd,
    env: { ...process.env },
  });
  const ms = performance.now() - t0;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ code, ms, rssMB, err: err.split('\n').find((l) => /error/.test(l)) ?? '' }) +
      '\n',
  );
}

function child(
  script: string,
  cwd: string,
  args: string[],
): Promise<Omit<HostileResult, 'name' | 'command'>> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [script, '--hostile-child', cwd, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), 120_000);
    p.on('close', (status, signal) => {
      clearTimeout(timer);
      try {
        const r = JSON.parse(out.trim().split('\n').pop() ?? '') as {
          code: number;
          ms: number;
          rssMB: number;
          err: string;
        };
        resolve({ exit: r.code, ms: r.ms, rssMB: r.rssMB, note: r.err });
      } catch {
        resolve({
          exit: status ?? -1,
          ms: NaN,
          rssMB: NaN,
          note: `child died (${signal ?? status})`,
        });
      }
    });
  });
}

/** Writes n copies of `bytes` into DIR/side as NAME-i. */
function copies(dir: string, side: string, name: string, bytes: Uint8Array, n: number): string {
  const d = join(dir, side);
  mkdirSync(d, { recursive: true });
  for (let i = 1; i <= n; i++) writeFileSync(join(d, `${i}-${name}`), bytes);
  return side;
}

/** A gRPC-web answer of Parca's Query holding `pprofGz` (QueryResponse.pprof = field 6). */
function parcaReply(pprofGz: Uint8Array): Buffer {
  const lenVarint = (n: number) => {
    const out: number[] = [];
    while (n >= 128) {
      out.push((n & 127) | 128);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  const msg = Buffer.concat([Buffer.from([0x32, ...lenVarint(pprofGz.length)]), pprofGz]);
  const frame = (flag: number, payload: Buffer) => {
    const h = Buffer.alloc(5);
    h[0] = flag;
    h.writeUInt32BE(payload.length, 1);
    return Buffer.concat([h, payload]);
  };
  return Buffer.concat([frame(0, msg), frame(0x80, Buffer.from('grpc-status: 0\r\n'))]);
}

/** Runs every case; `script` is the bundled bench itself (for the children). */
export async function runHostileBench(script: string, dir: string): Promise<HostileResult[]> {
  const L = DEFAULT_LIMITS;
  const depth = L.maxStackDepth;
  const results: HostileResult[] = [];
  const run = async (name: string, args: string[], cwd = dir) => {
    const r = await child(script, cwd, args);
    results.push({ name, command: args.join(' '), ...r });
  };
  const put = (file: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, file), bytes);
    return file;
  };
  const reports = [
    '--html',
    'out.html',
    '--svg',
    'out.svg',
    '--json',
    'out.json',
    '--markdown',
    'out.md',
  ];

  // 1. The issue's 167-byte pprof.gz (1,000 inlined lines x 1,000): far over the depth limit.
  const bomb = put('bomb.pb.gz', pprofInlineBomb({ lines: 1000, repeat: 1000, samples: 4 }));
  copies(dir, 'bomb-b', bomb, pprofInlineBomb({ lines: 1000, repeat: 1000, samples: 4 }), 3);
  copies(dir, 'bomb-c', bomb, pprofInlineBomb({ lines: 1000, repeat: 1000, samples: 4 }), 3);
  await run('pprof inline bomb (167 B, 10^6-deep)', [
    'compare',
    '--baseline',
    'bomb-b',
    '--canary',
    'bomb-c',
    ...reports,
  ]);

  // 2. The same shape at the limits: stacks of the deepest allowed, 3 + 3 profiles whose
  //    frames fill the run's frame budget (the stacks are kept for the flame graphs).
  const lines = 91;
  const repeat = Math.floor((depth - 1) / lines);
  const perFile = Math.floor(L.maxFrames / 6 / (lines * repeat + 1) / 1.05);
  const atLimit = pprofInlineBomb({ lines, repeat, samples: perFile });
  copies(dir, 'deep-b', 'deep.pb.gz', atLimit, 3);
  copies(dir, 'deep-c', 'deep.pb.gz', atLimit, 3);
  await run(`pprof inline bomb at the limits (${atLimit.length} B each)`, [
    'compare',
    '--baseline',
    'deep-b',
    '--canary',
    'deep-c',
    ...reports,
  ]);
  put(
    'deep1.pb.gz',
    pprofInlineBomb({
      lines,
      repeat,
      samples: Math.floor(L.maxFrames / (lines * repeat + 1) / 1.02),
    }),
  );
  await run('pprof inline bomb at the frame limit, top', ['top', 'deep1.pb.gz']);

  // 3. Every sample its own branch: a flame graph with the most nodes allowed.
  const maxNodes = Math.floor(L.maxFrames / FLAME_NODE_COST);
  const roots = Math.floor(maxNodes / 91 / 1.1);
  const wide = pprofWideBomb({ lines: 90, repeat: 1, roots });
  copies(dir, 'wide-b', 'wide.pb.gz', wide, 3);
  copies(dir, 'wide-c', 'wide.pb.gz', wide, 3);
  await run(`pprof, ${roots * 90} distinct call paths`, [
    'compare',
    '--baseline',
    'wide-b',
    '--canary',
    'wide-c',
    ...reports,
  ]);

  // 4. speedscope nested 30,000 deep (the issue's probe), then as deep as allowed (top).
  put('nested-30k.speedscope.json', speedscopeNested(30_000));
  await run('speedscope 30,000 nested frames', ['top', 'nested-30k.speedscope.json']);
  put('nested.speedscope.json', speedscopeNested(depth));
  await run(`speedscope ${depth} nested frames`, ['top', 'nested.speedscope.json']);

  // 5. .cpuprofile: a chain of nodes, every node sampled (depth^2 / 2 frames).
  put('chain.cpuprofile', cpuprofileChain(depth));
  await run(`cpuprofile chain of ${depth} nodes`, ['top', 'chain.cpuprofile']);

  // 6. JSON with the most values allowed (objects: the costliest kind of value).
  put('nodes.speedscope.json', speedscopeManyNodes(Math.floor(L.maxJsonNodes / 2.1)));
  await run(`speedscope with ${Math.floor(L.maxJsonNodes / 2.1)} frames`, [
    'top',
    'nodes.speedscope.json',
  ]);

  // 7. Folded text of the largest size allowed, every line a stack of its own.
  const folded: string[] = [];
  let size = 0;
  for (let i = 0; size < L.maxInputBytes * 0.97; i++) {
    const line = `main;handler;work${i} 1\n`;
    folded.push(line);
    size += line.length;
  }
  put('big.folded', folded.join(''));
  folded.length = 0;
  await run(`folded, ${Math.round(size / 1e6)} MB of distinct stacks`, ['top', 'big.folded']);

  // 8. A stripped binary: 100,000 addresses that normalization collapses to one name.
  put('addr.pb.gz', pprofManyAddresses(100_000));
  await run('pprof, 100,000 unsymbolized addresses', ['top', 'addr.pb.gz']);

  // 9. 50,000 input files per side.
  const small = pprofWithNames(['main.a', 'main.b']);
  const nFiles = 20_000;
  copies(dir, 'many-b', 'p.pb.gz', small, nFiles);
  copies(dir, 'many-c', 'p.pb.gz', small, nFiles);
  await run(`${nFiles} files per side`, [
    'compare',
    '--baseline',
    'many-b',
    '--canary',
    'many-c',
    '--bootstrap',
    '200',
  ]);

  // 10. Hostile names through every report.
  const names = pprofWithNames([...HOSTILE_NAMES]);
  copies(
    dir,
    'names-b',
    'n.pb.gz',
    pprofWithNames([...HOSTILE_NAMES], { weights: HOSTILE_NAMES.map(() => 1) }),
    3,
  );
  copies(dir, 'names-c', 'n.pb.gz', names, 3);
  await run(`${HOSTILE_NAMES.length} hostile names, every report`, [
    'compare',
    '--baseline',
    'names-b',
    '--canary',
    'names-c',
    ...reports,
    '--budget-pp',
    '0.1',
  ]);

  // 11. A Parca answer holding the inlining bomb (the issue's 408 KB reply), timeout=10s.
  const replyBomb = pprofInlineBomb({ lines: 4000, repeat: 20_000, samples: 20 });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
      res.end(parcaReply(replyBomb));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const source = `parca://127.0.0.1:${port}?query=parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}&from=now-1h&slices=1&timeout=10s&retries=0`;
  await run(`Parca answer, ${replyBomb.length} B inlining bomb`, [
    'fetch',
    '--source',
    source,
    '--out',
    'parca-out',
  ]);
  // and one at the limits: the deepest allowed stacks filling the frame budget
  const replyAtLimit = pprofInlineBomb({
    lines,
    repeat,
    samples: Math.floor(L.maxFrames / (lines * repeat + 1) / 1.05),
  });
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
      res.end(parcaReply(replyAtLimit));
    });
  });
  await run(`Parca answer at the limits (${replyAtLimit.length} B)`, [
    'fetch',
    '--source',
    source,
    '--out',
    'parca-out2',
  ]);
  server.close();
  return results;
}

/** Runs the cases in a temporary folder and prints the row. */
export async function hostileRow(script: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-hostile-'));
  try {
    console.log(
      'hostile inputs, default limits, one child process each (time, peak memory, exit):',
    );
    for (const l of formatHostile(await runHostileBench(script, dir))) console.log(l);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatHostile(results: HostileResult[]): string[] {
  const w = Math.max(...results.map((r) => r.name.length));
  const lines = results.map(
    (r) =>
      `  ${r.name.padEnd(w)}  ${`${(r.ms / 1000).toFixed(2)} s`.padStart(8)}  ${`${Math.round(r.rssMB)} MB`.padStart(7)}  exit ${r.exit}${r.exit === 2 && r.note ? `: ${r.note.replace(/^profile-gate( fetch)?: error: /, '').slice(0, 90)}` : ''}`,
  );
  const worstMs = Math.max(...results.map((r) => r.ms));
  const worstMB = Math.max(...results.map((r) => r.rssMB));
  return [
    ...lines,
    `hostile (worst of the above): ${(worstMs / 1000).toFixed(2)} s, ${Math.round(worstMB)} MB peak  (targets < 10 s, < 1024 MB)`,
  ];
}

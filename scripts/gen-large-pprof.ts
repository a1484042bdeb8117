/**
 * Writes a large, realistic-shaped Go-style CPU pprof (gzipped) for benchmarks:
 * many distinct stacks over a few thousand functions, inlined frames, labels.
 * Usage: tsx scripts/gen-large-pprof.ts OUT.pb.gz [samples]
 */
import protobuf from 'protobufjs/minimal.js';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Rng } from '../src/stats/random.js';

export function makeLargePprof(samples = 60000, seed = 1): Uint8Array {
  const rng = new Rng(seed);
  const w = protobuf.Writer.create();
  const strings: string[] = [''];
  const sidx = new Map<string, number>([['', 0]]);
  const s = (x: string) => {
    let i = sidx.get(x);
    if (i === undefined) {
      i = strings.length;
      strings.push(x);
      sidx.set(x, i);
    }
    return i;
  };
  const vt = (t: string, u: string) => {
    w.uint32((1 << 3) | 2)
      .fork()
      .uint32(8)
      .int64(s(t))
      .uint32(16)
      .int64(s(u))
      .ldelim();
  };
  vt('samples', 'count');
  vt('cpu', 'nanoseconds');
  const nFn = 4000;
  const nLoc = 20000;
  const pkgs = [
    'net/http',
    'encoding/json',
    'runtime',
    'main',
    'github.com/acme/svc/internal/store',
    'crypto/sha256',
    'sort',
    'strings',
  ];
  // samples
  // A random call tree over the locations: location id -> parent id (0 = root). Stacks are
  // paths from a node to the root, so, as in real profiles, samples share their root ends.
  const parent = new Int32Array(nLoc + 1);
  for (let id = 2; id <= nLoc; id++) parent[id] = 1 + rng.int(Math.min(id - 1, 50 + (id >> 2)));
  for (let i = 0; i < samples; i++) {
    const locs: number[] = [];
    // hot paths: low ids are near the root; pick leaves skewed towards a hot set
    let l = rng.int(4) === 0 ? 1 + rng.int(nLoc) : nLoc - rng.int(2000);
    while (l > 0 && locs.length < 64) {
      locs.push(l);
      l = parent[l];
    }
    const count = 1 + rng.int(5);
    w.uint32((2 << 3) | 2).fork();
    w.uint32((1 << 3) | 2).fork();
    for (const x of locs) w.uint64(x);
    w.ldelim();
    w.uint32((2 << 3) | 2)
      .fork()
      .int64(count)
      .int64(count * 10_000_000)
      .ldelim();
    if (i % 3 === 0) {
      w.uint32((3 << 3) | 2)
        .fork()
        .uint32(8)
        .int64(s('handler'))
        .uint32(16)
        .int64(s(`/api/v${i % 7}`))
        .ldelim();
    }
    w.ldelim();
  }
  w.uint32((3 << 3) | 2)
    .fork()
    .uint32(8)
    .uint64(1)
    .uint32(16)
    .uint64(0x400000)
    .uint32(24)
    .uint64(0x2000000)
    .uint32(40)
    .int64(s('/usr/local/bin/svc'))
    .uint32(56)
    .bool(true)
    .ldelim();
  for (let id = 1; id <= nLoc; id++) {
    w.uint32((4 << 3) | 2)
      .fork()
      .uint32(8)
      .uint64(id)
      .uint32(16)
      .uint64(1)
      .uint32(24)
      .uint64(0x400000 + id * 16);
    const nLines = id % 9 === 0 ? 2 : 1;
    for (let k = 0; k < nLines; k++) {
      w.uint32((4 << 3) | 2)
        .fork()
        .uint32(8)
        .uint64(1 + ((id * 7 + k) % nFn))
        .uint32(16)
        .int64(10 + (id % 500))
        .ldelim();
    }
    w.ldelim();
  }
  for (let id = 1; id <= nFn; id++) {
    const name = `${pkgs[id % pkgs.length]}.(*T${id % 97}).Method${id}`;
    w.uint32((5 << 3) | 2)
      .fork()
      .uint32(8)
      .uint64(id)
      .uint32(16)
      .int64(s(name))
      .uint32(24)
      .int64(s(name))
      .uint32(32)
      .int64(s(`/src/${pkgs[id % pkgs.length]}/file${id % 50}.go`))
      .ldelim();
  }
  w.uint32(9 << 3).int64(1_700_000_000_000_000_000);
  w.uint32(10 << 3).int64(30_000_000_000);
  w.uint32((11 << 3) | 2)
    .fork()
    .uint32(8)
    .int64(s('cpu'))
    .uint32(16)
    .int64(s('nanoseconds'))
    .ldelim();
  w.uint32(12 << 3).int64(10_000_000);
  // string table last (as Go writes it)
  const head = w.finish();
  const tail = protobuf.Writer.create();
  for (const x of strings) tail.uint32((6 << 3) | 2).string(x);
  const t = tail.finish();
  const out = new Uint8Array(head.length + t.length);
  out.set(head);
  out.set(t, head.length);
  return out;
}

if (process.argv[1] && process.argv[1].endsWith('gen-large-pprof.ts')) {
  const out = process.argv[2] ?? 'large.pb.gz';
  const raw = makeLargePprof(Number(process.argv[3] ?? 60000));
  writeFileSync(out, gzipSync(raw));
  console.log(`${out}: ${raw.length} bytes uncompressed`);
}

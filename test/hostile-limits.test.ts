/**
 * Issue 16, resource bounds: each small input that used to cost gigabytes or minutes (the
 * 167-byte pprof.gz with a million-frame stack, 30,000 nested speedscope frames, chains of
 * .cpuprofile nodes, deep JSON, huge flame graphs, a Parca answer holding a bomb) is refused
 * with exit 2 and a message naming the file, the limit and the flag that raises it, through
 * `top` and `compare --html --svg`; fleet-source timeouts cover decoding; baseline artifacts
 * unpack within limits. (Time and memory of the worst accepted inputs: `npm run bench`.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  cpuprofileChain,
  jsonDeepNesting,
  pprofInlineBomb,
  pprofWideBomb,
  speedscopeDeep,
  speedscopeManyNodes,
  speedscopeNested,
} from '../scripts/fuzz/hostile.js';
import { extractZip } from '../src/github/artifact-zip.js';
import { Budget, DEFAULT_LIMITS } from '../src/profile/limits.js';
import { ProfileError } from '../src/profile/errors.js';
import { readProfile } from '../src/profile/read.js';
import { fetchSourceCaptures } from '../src/sources/fetch.js';
import { parseSourceSpec } from '../src/sources/spec.js';
import { cli } from './helpers/cli.js';
import { makeZip } from './helpers/zip.js';

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'pg-limits-'));
}

/** Writes `bytes` as NAME, and 3 copies each into b/ and c/. */
function sets(dir: string, name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(dir, name), bytes);
  for (const side of ['b', 'c']) {
    mkdirSync(join(dir, side), { recursive: true });
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, side, `${i}-${name}`), bytes);
  }
}

const REPORTS = ['--html', 'out.html', '--svg', 'out.svg', '--quiet'];

/** Runs top NAME and compare (with flame graphs) and expects both to refuse with `re`. */
async function expectRefused(
  dir: string,
  name: string,
  re: RegExp,
  extra: string[] = [],
): Promise<void> {
  const top = await cli(['top', name, ...extra], dir);
  expect(top.code, top.stdout + top.stderr).toBe(2);
  expect(top.stderr).toMatch(re);
  expect(top.stderr).toContain(name);
  expect(top.stderr).not.toMatch(/internal error|\n\s+at /);
  const cmp = await cli(['compare', '--baseline', 'b', '--canary', 'c', ...REPORTS, ...extra], dir);
  expect(cmp.code, cmp.stdout + cmp.stderr).toBe(2);
  expect(cmp.stderr).toMatch(re);
  expect(cmp.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('decode limits: exit 2 naming the file, the limit and its flag', () => {
  it('the 167-byte pprof.gz whose stacks are a million frames deep', async () => {
    const dir = workDir();
    const bomb = pprofInlineBomb({ lines: 1000, repeat: 1000, samples: 4 });
    expect(bomb.length).toBeLessThan(300);
    sets(dir, 'bomb.pb.gz', bomb);
    await expectRefused(
      dir,
      'bomb.pb.gz',
      /a stack has 1,000,001 frames, more than 8,192 \(the limit; raise it with --max-stack-depth, in the Action max-stack-depth/,
    );
    // raising the limit is what the message says it is: then the frame budget stops it
    const r = await cli(
      ['top', 'bomb.pb.gz', '--max-stack-depth', '2000000', '--max-frames', '3000000'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than 3,000,000 stack frames .*--max-frames/);
  });

  it('speedscope: 30,000 nested frames (evented) and a 30,000-frame sampled stack', async () => {
    const dir = workDir();
    sets(dir, 'nested.speedscope.json', speedscopeNested(30_000));
    await expectRefused(
      dir,
      'nested.speedscope.json',
      /a stack has 8,193 frames.*--max-stack-depth/,
    );
    sets(dir, 'deep.speedscope.json', speedscopeDeep({ depth: 30_000, samples: 2 }));
    await expectRefused(
      dir,
      'deep.speedscope.json',
      /a stack has 30,000 frames.*--max-stack-depth/,
    );
  });

  it('.cpuprofile: a chain of 9,000 sampled nodes', async () => {
    const dir = workDir();
    sets(dir, 'chain.cpuprofile', cpuprofileChain(9000));
    await expectRefused(dir, 'chain.cpuprofile', /a stack has 9,000 frames.*--max-stack-depth/);
  });

  it('JSON nested deeper than the stack limit allows, and JSON with too many values', async () => {
    const dir = workDir();
    sets(dir, 'nest.speedscope.json', jsonDeepNesting(20_000));
    await expectRefused(
      dir,
      'nest.speedscope.json',
      /JSON nested more than 16,448 levels deep.*--max-stack-depth/,
    );
    sets(dir, 'nodes.speedscope.json', speedscopeManyNodes(5000));
    await expectRefused(
      dir,
      'nodes.speedscope.json',
      /JSON document with more than 1,000 values.*--max-json-nodes/,
      ['--max-json-nodes', '1000'],
    );
  });

  it('folded stacks deeper than the limit, and more frames than the budget', async () => {
    const dir = workDir();
    sets(dir, 'deep.folded', `${new Array(9000).fill('f').join(';')} 1\n`);
    await expectRefused(dir, 'deep.folded', /a stack has 9,000 frames.*--max-stack-depth/);
    const many = Array.from(
      { length: 2000 },
      (_, i) => `main;${new Array(100).fill(`f${i}`).join(';')} 1`,
    );
    const dir2 = workDir();
    sets(dir2, 'many.folded', many.join('\n'));
    await expectRefused(dir2, 'many.folded', /more than 100,000 stack frames.*--max-frames/, [
      '--max-frames',
      '100000',
    ]);
  });

  it('the frames of every profile a run keeps add up (compare with flame graphs)', async () => {
    const dir = workDir();
    // 500 samples of 2,501 frames: 1.25 M frames a file, 7.5 M for 3 + 3
    sets(dir, 'inl.pb.gz', pprofInlineBomb({ lines: 50, repeat: 50, samples: 500 }));
    const top = await cli(['top', 'inl.pb.gz', '--max-frames', '5000000'], dir);
    expect(top.code, top.stderr).toBe(0);
    const cmp = await cli(
      ['compare', '--baseline', 'b', '--canary', 'c', ...REPORTS, '--max-frames', '5000000'],
      dir,
    );
    expect(cmp.code).toBe(2);
    expect(cmp.stderr).toMatch(
      /the profiles read so far need more than 5,000,000 stack frames.*--max-frames/,
    );
    // without reports only totals are kept: each file is decoded within the budget on its own
    const totals = await cli(
      ['compare', '--baseline', 'b', '--canary', 'c', '--max-frames', '5000000', '--quiet'],
      dir,
    );
    expect(totals.code, totals.stderr).not.toBe(2);
  });

  it('a flame graph with more nodes than the frame budget allows', async () => {
    const dir = workDir();
    sets(dir, 'wide.pb.gz', pprofWideBomb({ lines: 90, repeat: 1, roots: 400 }));
    const cmp = await cli(
      ['compare', '--baseline', 'b', '--canary', 'c', ...REPORTS, '--max-frames', '2000000'],
      dir,
    );
    expect(cmp.code).toBe(2);
    expect(cmp.stderr).toMatch(
      /\(flame graph\): the flame graph would have more than 20,000 nodes.*--max-frames/,
    );
  });

  it('inputs larger than --max-input-mb (file, inflated gzip; --max-inflated-mb is the old name)', async () => {
    const dir = workDir();
    const bytes = gzipSync(Buffer.from(`main;f 1\n`.repeat(200_000)));
    sets(dir, 'big.folded.gz', bytes);
    await expectRefused(
      dir,
      'big.folded.gz',
      /gzip data inflates to more than 1048576 bytes.*--max-input-mb/,
      ['--max-input-mb', '1'],
    );
    const old = await cli(['top', 'big.folded.gz', '--max-inflated-mb', '1'], dir);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/--max-input-mb/);
    writeFileSync(join(dir, 'plain.folded'), `main;f 1\n`.repeat(200_000));
    const plain = await cli(['top', 'plain.folded', '--max-input-mb', '1'], dir);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(
      /plain\.folded: the file is 1800000 bytes, more than 1048576.*--max-input-mb/,
    );
    expect(DEFAULT_LIMITS.maxInputBytes).toBe(128 * 1024 * 1024);
  });

  it('a decode that runs past its deadline stops with a timeout error', () => {
    const bytes = pprofInlineBomb({ lines: 90, repeat: 90, samples: 200 });
    const budget = new Budget({}, false, { at: Date.now() - 1, what: 'timeout=1 s' });
    let err: unknown;
    try {
      readProfile(bytes, 'late.pb.gz', { budget });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProfileError);
    expect((err as ProfileError).code).toBe('timeout');
    expect((err as ProfileError).message).toBe(
      'late.pb.gz: decoding did not finish within timeout=1 s',
    );
  });
});

/** A gRPC-web answer of Parca's Query holding `pprofGz`. */
function parcaReply(pprofGz: Uint8Array): Buffer {
  const varint = (n: number) => {
    const out: number[] = [];
    for (; n >= 128; n = Math.floor(n / 128)) out.push((n & 127) | 128);
    out.push(n);
    return out;
  };
  const msg = Buffer.concat([Buffer.from([0x32, ...varint(pprofGz.length)]), pprofGz]);
  const frame = (flag: number, payload: Buffer) => {
    const h = Buffer.alloc(5);
    h[0] = flag;
    h.writeUInt32BE(payload.length, 1);
    return Buffer.concat([h, payload]);
  };
  return Buffer.concat([frame(0, msg), frame(0x80, Buffer.from('grpc-status: 0\r\n'))]);
}

const PARCA_QUERY =
  'query=parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}&from=now-1h&slices=1&retries=0';

describe('fleet sources: the answer is decoded within the limits and the timeout', () => {
  it('a Parca answer holding an inlining bomb is refused, naming the limit', async () => {
    const reply = parcaReply(pprofInlineBomb({ lines: 4000, repeat: 20_000, samples: 20 }));
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
        res.end(reply);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const dir = workDir();
      const r = await cli(
        ['fetch', '--source', `parca://127.0.0.1:${port}?${PARCA_QUERY}`, '--out', 'o'],
        dir,
      );
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        /the parca server's answer is not a usable pprof profile: a stack has 80,000,001 frames, more than 8,192.*--max-stack-depth/,
      );
    } finally {
      server.close();
    }
  });

  it('the request timeout covers decoding the answer', async () => {
    // the answer arrives after 1.5 s of a 2 s timeout; decoding it takes longer than what is left
    const gz = pprofInlineBomb({ lines: 91, repeat: 90, samples: 7000 });
    const body = parcaReply(gz);
    const slowFetch = (async () => {
      await new Promise((r) => setTimeout(r, 1500));
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'content-type': 'application/grpc-web+proto' },
      });
    }) as unknown as typeof fetch;
    const spec = parseSourceSpec(`parca://127.0.0.1:1?${PARCA_QUERY}&timeout=2s`, {}, '--source');
    const err = await fetchSourceCaptures(spec, { env: {}, log: () => {}, fetch: slowFetch }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/decoding did not finish within timeout=2 s/);
  }, 30_000);
});

describe('baseline artifacts unpack within limits', () => {
  const unzip = (
    entries: { name: string; data: Uint8Array }[],
    maxBytes = 1 << 20,
    maxEntries = 100,
  ) => {
    const dir = workDir();
    writeFileSync(join(dir, 'a.zip'), makeZip(entries));
    mkdirSync(join(dir, 'out'));
    return () => extractZip(join(dir, 'a.zip'), join(dir, 'out'), { maxBytes, maxEntries });
  };
  const file = (name: string, size = 10) => ({ name, data: new Uint8Array(size).fill(65) });

  it('unpacks a flat set', () => {
    expect(unzip([file('manifest.json'), file('cpu-01.pb.gz')])()).toEqual([
      'manifest.json',
      'cpu-01.pb.gz',
    ]);
  });
  it('refuses paths, folders, hidden and repeated names', () => {
    for (const name of ['../evil', '/etc/passwd', 'a/b', 'a\\b', '.hidden', 'dir/']) {
      expect(unzip([file(name)]), name).toThrow(/plain file names|a folder/);
    }
    expect(unzip([file('x'), file('x')])).toThrow(/appears twice/);
  });
  it('refuses more entries, or more unpacked bytes, than allowed (declared or actual)', () => {
    expect(unzip([file('a'), file('b'), file('c')], 1 << 20, 2)).toThrow(/3 entries, more than 2/);
    // 1 MB zip -> 64 MiB of zeros: the declared size is over the limit
    expect(unzip([file('zeros', 64 << 20)], 16 << 20)).toThrow(
      /unpack to 67108864 bytes, more than 16777216/,
    );
    // a header that lies about the size: inflating stops at the declared size
    const zip = makeZip([file('zeros', 1 << 20)]);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, cd + 24);
    const dir = workDir();
    writeFileSync(join(dir, 'lie.zip'), zip);
    mkdirSync(join(dir, 'out'));
    expect(() =>
      extractZip(join(dir, 'lie.zip'), join(dir, 'out'), { maxBytes: 1 << 30, maxEntries: 9 }),
    ).toThrow(/does not inflate to its declared 1000 bytes/);
  });
});

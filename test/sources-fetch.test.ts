/**
 * End to end: fetchSourceCaptures / writeSourceCaptures / `profile-gate fetch` against local fake
 * Pyroscope and Parca servers (see test/helpers/fake-sources.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/captureset/manifest.js';
import { fetchCommand } from '../src/cli/fetch.js';
import type { CliIO } from '../src/cli/args.js';
import { UsageError } from '../src/errors.js';
import { readProfile } from '../src/profile/read.js';
import { fetchSourceCaptures, sliceFileName, writeSourceCaptures } from '../src/sources/fetch.js';
import { SourceError } from '../src/sources/http.js';
import { parseSourceSpec } from '../src/sources/spec.js';
import {
  connectError,
  connectOk,
  decodeParcaQueryRequest,
  decodeSelectMergeProfileRequest,
  emptyPprof,
  encodeParcaQueryResponse,
  grpcWebOk,
  grpcWebRequestMessage,
  pyroscopeProfile,
  startServer,
  syntheticCpu,
  type FakeServer,
} from './helpers/fake-sources.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const tmp = mkdtempSync(join(tmpdir(), 'pg-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NOW = new Date('2024-05-01T13:00:00.000Z');
const T0 = Date.UTC(2024, 4, 1, 12);
const PYRO_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const SEL = '{service_name="checkout",version="1.4.2"}';

function quietOpts(logs: string[] = []) {
  return { env: {}, log: (m: string) => logs.push(m), now: NOW, retryBaseMs: 5 };
}

describe('fetchSourceCaptures', () => {
  it('Pyroscope: K sequential slice queries covering [from, to) give K decodable captures', async () => {
    const real = pyroscopeProfile();
    server = await startServer((req, res) => {
      const d = decodeSelectMergeProfileRequest(req.body);
      // Alternate a real profile and synthetic ones whose values depend on the slice.
      const i = Math.round((d.start - T0) / 360_000);
      connectOk(res, i % 2 === 0 ? real.bytes : syntheticCpu(i + 1));
    });
    const spec = parseSourceSpec(
      `pyroscope+http://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-1h&to=now&slices=10`,
    );
    const logs: string[] = [];
    const r = await fetchSourceCaptures(spec, quietOpts(logs));

    expect(r.captures).toHaveLength(10);
    expect(server.requests).toHaveLength(10);
    const reqs = server.requests.map((q) => decodeSelectMergeProfileRequest(q.body));
    for (let i = 0; i < 10; i++) {
      // Slices are contiguous, whole ms, and sent as inclusive [start, next start - 1 ms].
      expect(reqs[i].start).toBe(T0 + i * 360_000);
      expect(reqs[i].end).toBe(T0 + (i + 1) * 360_000 - 1);
      expect(reqs[i].profileTypeId).toBe(PYRO_TYPE);
      expect(reqs[i].labelSelector).toBe(SEL);
      expect(reqs[i].fieldNumbers).not.toContain(5); // max_nodes
      const c = r.captures[i];
      expect(c.name).toBe(sliceFileName(i, 10));
      expect(c.start.getTime()).toBe(T0 + i * 360_000);
      expect(c.end.getTime()).toBe(T0 + (i + 1) * 360_000);
      expect(c.bytes[0]).toBe(0x1f); // stored gzipped
      const p = readProfile(c.bytes, c.name);
      expect(p.sampleTypes.map((t) => t.type)).toContain('cpu');
    }
    expect(r.captures[0].start.getTime()).toBe(NOW.getTime() - 3_600_000);
    expect(r.captures[9].end.getTime()).toBe(NOW.getTime());

    const m = r.manifest;
    expect(m.source).toEqual({
      kind: 'pyroscope',
      url: `http://${server.url}`,
      query: `${PYRO_TYPE}${SEL}`,
    });
    expect(m.profileType).toBe('cpu');
    expect(m.sampleType).toBe('cpu');
    expect(m.labels).toEqual({ service_name: 'checkout', version: '1.4.2' });
    expect(m.createdAt).toBe(NOW.toISOString());
    expect(m.captures.map((c) => c.file)).toEqual(r.captures.map((c) => c.name));
    for (let i = 0; i < 10; i++) {
      const e = m.captures[i];
      expect(e.durationSeconds).toBe(360);
      expect(e.bytes).toBe(r.captures[i].bytes.length);
      expect(e.sha256).toBe(createHash('sha256').update(r.captures[i].bytes).digest('hex'));
    }
    expect(logs[0]).toMatch(
      /10 slice\(s\) of 360 s over \[2024-05-01T12:00:00.000Z, 2024-05-01T13:00:00.000Z\)/,
    );
  });

  it('Parca over gRPC-web: slices as Timestamps, gzipped pprof kept as is', async () => {
    const gz = new Uint8Array(gzipSync(syntheticCpu(3, ['samples', 'count'])));
    server = await startServer((req, res) => grpcWebOk(res, encodeParcaQueryResponse(gz)));
    const q = 'parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}';
    const spec = parseSourceSpec(
      `parca://${server.url}?query=${q}&from=${T0}&to=${T0 + 10_007}&slices=3`,
    );
    const r = await fetchSourceCaptures(spec, quietOpts());
    expect(r.captures).toHaveLength(3);
    const reqs = server.requests.map((x) => decodeParcaQueryRequest(grpcWebRequestMessage(x.body)));
    expect(reqs.map((x) => [x.startMs - T0, x.endMs - T0])).toEqual([
      [0, 3334],
      [3335, 6670],
      [6671, 10_006],
    ]);
    expect(reqs.every((x) => x.query === q && x.mode === 2 && x.reportType === 1)).toBe(true);
    expect(Buffer.from(r.captures[0].bytes).equals(Buffer.from(gz))).toBe(true);
    expect(r.manifest.source.kind).toBe('parca');
    expect(r.manifest.sampleType).toBe('samples');
    expect(r.manifest.labels).toEqual({ job: 'api' });
    expect(r.manifest.captures.map((c) => c.durationSeconds)).toEqual([3.335, 3.336, 3.336]);
  });

  it('an empty slice fails with a message naming the slice and the query', async () => {
    server = await startServer((_req, res, n) =>
      connectOk(res, n === 3 ? emptyPprof() : syntheticCpu(1)),
    );
    const spec = parseSourceSpec(
      `pyroscope://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-1h&slices=4`,
    );
    const e = (await fetchSourceCaptures(spec, quietOpts()).then(
      () => new Error('expected a failure'),
      (x: unknown) => x,
    )) as Error;
    expect(e).toBeInstanceOf(SourceError);
    expect(e.message).toBe(
      `slice 3/4 [2024-05-01T12:30:00.000Z, 2024-05-01T12:45:00.000Z) of pyroscope query ` +
        `${PYRO_TYPE}${SEL} returned no samples. Check that the selector matches a service that was ` +
        `running and pushing profiles then (profile type and labels), or use a wider window ` +
        `(from=/to=) or fewer slices (slices=4 now).`,
    );
    expect(server.requests).toHaveLength(3); // stops at the first bad slice
  });

  it('a zero-byte answer (no data) is reported the same way', async () => {
    server = await startServer((_req, res) => connectOk(res, new Uint8Array(0)));
    const spec = parseSourceSpec(
      `pyroscope://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-1h&slices=2`,
    );
    await expect(fetchSourceCaptures(spec, quietOpts())).rejects.toThrow(
      /slice 1\/2 .* returned no samples/,
    );
  });

  it('an undecodable answer is reported as such', async () => {
    server = await startServer((_req, res) => connectOk(res, new Uint8Array([0x0a, 0x05, 1])));
    const spec = parseSourceSpec(
      `pyroscope://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-1h&slices=2`,
    );
    await expect(fetchSourceCaptures(spec, quietOpts())).rejects.toThrow(
      /slice 1\/2 .*: the pyroscope server's answer is not a usable pprof profile/,
    );
  });

  it('refuses a window that cannot be sliced before sending anything', async () => {
    const spec = parseSourceSpec(
      `pyroscope://127.0.0.1:1?type=${PYRO_TYPE}&query=${SEL}&from=now-5s&slices=10`,
    );
    await expect(fetchSourceCaptures(spec, quietOpts())).rejects.toThrow(UsageError);
  });
});

describe('writeSourceCaptures', () => {
  it('writes slice files and manifest.json in one step and refuses a non-empty folder', async () => {
    server = await startServer((_req, res) => connectOk(res, syntheticCpu(2)));
    const spec = parseSourceSpec(
      `pyroscope://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-1h&slices=3`,
    );
    const r = await fetchSourceCaptures(spec, quietOpts());
    const dir = join(tmp, 'set-a');
    writeSourceCaptures(dir, r);
    expect(readdirSync(dir).sort()).toEqual([
      'manifest.json',
      'slice-01.pb.gz',
      'slice-02.pb.gz',
      'slice-03.pb.gz',
    ]);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(m).toEqual(r.manifest);
    for (const c of m.captures) {
      const b = readFileSync(join(dir, c.file));
      expect(createHash('sha256').update(b).digest('hex')).toBe(c.sha256);
    }
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(() => writeSourceCaptures(dir, r)).toThrow(/already exists and is not empty/);

    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    writeSourceCaptures(empty, r);
    expect(readdirSync(empty)).toHaveLength(4);
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    expect(() => writeSourceCaptures(file, r)).toThrow(/not a directory/);
  });
});

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: tmp, env };
  return { cli, out, err };
}

describe('profile-gate fetch', () => {
  it('saves a set and reports progress without secrets', async () => {
    const token = 'cli-secret-token-777';
    server = await startServer((req, res) => {
      if (req.headers.authorization !== `Bearer ${token}`)
        connectError(res, 401, 'unauthenticated', 'no');
      else connectOk(res, syntheticCpu(1));
    });
    const { cli, out, err } = io({ PROFILE_GATE_SOURCE_TOKEN: token });
    const code = await fetchCommand(
      [
        '--source',
        `pyroscope://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-10m&slices=2`,
        '--out',
        'cli-set',
        '--slices',
        '3',
      ],
      cli,
    );
    expect(err.join('')).not.toContain(token);
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(out.join('')).toMatch(/wrote 3 capture\(s\) of pyroscope .* to cli-set/);
    expect(err.join('')).toMatch(/bearer token from \$PROFILE_GATE_SOURCE_TOKEN/);
    expect(readdirSync(join(tmp, 'cli-set'))).toHaveLength(4);
  });

  it('exits 2 with a masked message when the server fails', async () => {
    const pass = 'hunter2-but-longer';
    server = await startServer((req, res) =>
      connectError(
        res,
        401,
        'unauthenticated',
        `bad credentials ${String(req.headers.authorization)}`,
      ),
    );
    const { cli, err } = io({ PROFILE_GATE_SOURCE_BASIC: `me:${pass}` });
    const code = await fetchCommand(
      [
        '--source',
        `pyroscope://${server.url}?type=${PYRO_TYPE}&query=${SEL}&from=now-10m&slices=2`,
        '--out',
        'never',
      ],
      cli,
    );
    expect(code).toBe(2);
    const text = err.join('');
    expect(text).toMatch(
      /^profile-gate fetch: error: pyroscope SelectMergeProfile for slice 1\/2 .*HTTP 401, unauthenticated: bad credentials Basic \*\*\*/m,
    );
    expect(text).not.toContain(pass);
    expect(text).not.toContain(Buffer.from(`me:${pass}`).toString('base64'));
    expect(readdirSync(tmp)).not.toContain('never');
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [
      [],
      ['--out', 'x'],
      ['--source', 'pyroscope://h?query=a:b:c:d:e{}&from=now-1h'],
      ['--source', 'pyroscope://h?query=a:b:c:d:e{}&from=now-1h&token=abc', '--out', 'x'],
      ['--source', 'nope', '--out', 'x'],
    ]) {
      const { cli, err } = io();
      expect(await fetchCommand(argv, cli)).toBe(2);
      expect(err.join('')).toMatch(/^profile-gate fetch: error: /);
      expect(err.join('')).not.toContain('abc&');
    }
    const { cli, out } = io();
    expect(await fetchCommand(['--help'], cli)).toBe(0);
    expect(out.join('')).toMatch(/PROFILE_GATE_SOURCE_TOKEN/);
  });
});

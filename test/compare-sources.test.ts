/**
 * compare --baseline-source / --canary-source end to end against a local server that speaks
 * Pyroscope's SelectMergeProfile (Connect, binary proto) and serves real Go captures: the
 * baseline selector gets fixtures/captures/base-1, the canary selector fixtures/captures/cpu.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { fixture } from './helpers/corpus.js';
import {
  connectOk,
  decodeSelectMergeProfileRequest,
  startServer,
  type FakeServer,
} from './helpers/fake-sources.js';

const run = (name: string) =>
  readdirSync(fixture('captures', name))
    .filter((f) => f.endsWith('.pb.gz'))
    .sort()
    .map((f) => new Uint8Array(gunzipSync(readFileSync(join(fixture('captures', name), f)))));

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('compare with fleet sources', () => {
  it('reads baseline and canary windows as slices from Pyroscope and fails on the planted regression', async () => {
    const base = run('base-1');
    const can = run('cpu');
    const seen = { base: 0, can: 0 };
    server = await startServer((req, res) => {
      const d = decodeSelectMergeProfileRequest(req.body);
      expect(d.fieldNumbers).not.toContain(5); // never max_nodes
      if (d.labelSelector.includes('version="1.4.2"'))
        connectOk(res, base[seen.base++ % base.length]);
      else connectOk(res, can[seen.can++ % can.length]);
    });
    const spec = (v: string) =>
      `pyroscope+http://${server!.url}?type=process_cpu:cpu:nanoseconds:cpu:nanoseconds&query={service_name="checkout",version="${v}"}&from=2024-05-01T12:00:00Z&to=2024-05-01T13:00:00Z&slices=10`;
    const r = await cli(
      ['compare', '--baseline-source', spec('1.4.2'), '--canary-source', spec('1.5.0'), '-q'],
      undefined,
      { PROFILE_GATE_SOURCE_TOKEN: 'sekrit-token-value' },
    );
    expect(r.stderr).toBe('');
    expect(seen).toEqual({ base: 10, can: 10 });
    expect(server.requests[0].headers.authorization).toBe('Bearer sekrit-token-value');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/main\.computeDiscount self-CPU grew .* over the 5pp budget/);
    expect(r.stdout).not.toContain('sekrit-token-value');
  });

  it('rejects giving both a path and a source for one side', async () => {
    const r = await cli([
      'compare',
      '--baseline',
      'x',
      '--baseline-source',
      'pyroscope://h?query=a&from=now-1h',
      '--canary',
      'y',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either --baseline or --baseline-source, not both/);
  });
});

/**
 * The Parca client against local servers implementing parca.query.v1alpha1.QueryService/Query
 * over gRPC-web (framing + trailers) and the grpc-gateway REST mapping, decoding requests with
 * an independent protobuf reader (test/helpers/fake-sources.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readProfile } from '../src/profile/read.js';

import type { RequestContext } from '../src/sources/http.js';
import {
  grpcWebFrame,
  parcaQueryMerge,
  parseGrpcWebBody,
  PARCA_GRPC_WEB_PATH,
  PARCA_REST_PATH,
} from '../src/sources/parca.js';
import { parseSourceSpec, type SourceSpec } from '../src/sources/spec.js';
import {
  decodeParcaQueryRequest,
  encodeParcaFlamegraphResponse,
  encodeParcaQueryResponse,
  grpcWebError,
  grpcWebHeaderError,
  grpcWebOk,
  grpcWebRequestMessage,
  parcaProfileGz,
  startServer,
  type FakeServer,
  sourceFailure,
  testRequestContext,
} from './helpers/fake-sources.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const QUERY = 'parca_agent:samples:count:cpu:nanoseconds:delta{job="api",namespace="prod"}';

function spec(base: string, extra = ''): SourceSpec {
  return parseSourceSpec(`parca+http://${base}?query=${QUERY}&from=now-1h${extra}`);
}

function ctx(s: SourceSpec, env: Record<string, string> = {}, logs: string[] = []): RequestContext {
  return testRequestContext('parca Query (test)', s, env, logs);
}

// 2024-05-01T12:00:00.000Z .. 12:05:59.999Z: exercises nanos in the Timestamp.
const RANGE = { startMs: 1_714_564_800_000, endMs: 1_714_565_159_999 };

describe('Parca Query over gRPC-web', () => {
  it('sends MODE_MERGE + REPORT_TYPE_PPROF with Timestamps and returns the gzipped pprof', async () => {
    const prof = parcaProfileGz();
    server = await startServer((req, res) => {
      if (req.method !== 'POST' || req.url !== PARCA_GRPC_WEB_PATH) {
        res.writeHead(404).end('404 page not found');
        return;
      }
      expect(req.headers['content-type']).toBe('application/grpc-web+proto');
      expect(req.headers['x-grpc-web']).toBe('1');
      grpcWebOk(res, encodeParcaQueryResponse(prof.bytes, 12345));
    });
    const s = spec(server.url);
    const got = await parcaQueryMerge(s, RANGE, ctx(s));
    expect(Buffer.from(got).equals(Buffer.from(prof.bytes))).toBe(true);
    expect(got[0]).toBe(0x1f); // still gzipped, as Parca serves it
    expect(readProfile(got, 'slice').sampleTypes.map((t) => t.type)).toContain('samples');

    const d = decodeParcaQueryRequest(grpcWebRequestMessage(server.requests[0].body));
    expect(d.mode).toBe(2); // MODE_MERGE
    expect(d.reportType).toBe(1); // REPORT_TYPE_PPROF
    expect(d.query).toBe(QUERY);
    expect(d.startMs).toBe(RANGE.startMs);
    expect(d.endMs).toBe(RANGE.endMs);
    // mode, merge, report_type only: no filter_query (6) or node_trim_threshold (7).
    expect(d.fieldNumbers).toEqual([1, 3, 5]);
    expect(d.mergeFieldNumbers).toEqual([1, 2, 3]);
  });

  it('turns grpc-status in the trailers frame into a clear, non-retried error', async () => {
    server = await startServer((_req, res) =>
      grpcWebError(res, 3, 'failed to parse query: unexpected "}" 100%'),
    );
    const s = spec(server.url);
    const e = await sourceFailure(parcaQueryMerge(s, RANGE, ctx(s)));
    expect(e.message).toBe(
      'parca Query (test): gRPC INVALID_ARGUMENT: failed to parse query: unexpected "}" 100%',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('reads a trailers-only error from the HTTP headers, with an auth hint', async () => {
    server = await startServer((_req, res) => grpcWebHeaderError(res, 16, 'missing bearer token'));
    const s = spec(server.url);
    const e = await sourceFailure(parcaQueryMerge(s, RANGE, ctx(s)));
    expect(e.message).toMatch(/gRPC UNAUTHENTICATED: missing bearer token\. Check the credentials/);
  });

  it('retries UNAVAILABLE and HTTP 503, then succeeds', async () => {
    const prof = parcaProfileGz();
    server = await startServer((_req, res, n) => {
      if (n === 1) grpcWebError(res, 14, 'connection refused by storage');
      else if (n === 2)
        res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream connect error');
      else grpcWebOk(res, encodeParcaQueryResponse(prof.bytes));
    });
    const s = spec(server.url);
    const logs: string[] = [];
    const got = await parcaQueryMerge(s, RANGE, ctx(s, {}, logs));
    expect(got.length).toBe(prof.bytes.length);
    expect(server.requests).toHaveLength(3);
    expect(logs[0]).toMatch(/gRPC UNAVAILABLE: connection refused by storage; retrying/);
    expect(logs[1]).toMatch(/HTTP 503: "upstream connect error"; retrying/);
  });

  it('refuses a non-pprof report (old servers)', async () => {
    server = await startServer((_req, res) => grpcWebOk(res, encodeParcaFlamegraphResponse()));
    const s = spec(server.url);
    const e = await sourceFailure(parcaQueryMerge(s, RANGE, ctx(s)));
    expect(e.message).toMatch(/answered with a flamegraph report instead of pprof/);
  });

  it('sends the bearer token and masks it', async () => {
    const token = 'parca-secret-token-42';
    server = await startServer((req, res) =>
      grpcWebError(res, 7, `token ${String(req.headers.authorization)} lacks scope`),
    );
    const s = spec(server.url);
    const e = await sourceFailure(
      parcaQueryMerge(s, RANGE, ctx(s, { PROFILE_GATE_SOURCE_TOKEN: token })),
    );
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${token}`);
    expect(e.message).toMatch(/PERMISSION_DENIED: token Bearer \*\*\* lacks scope/);
    expect(e.message).not.toContain(token);
  });

  it('rejects malformed framing', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
      res.end(Buffer.from([0, 0, 0, 0, 9, 1, 2]));
    });
    const s = spec(server.url);
    const e = await sourceFailure(parcaQueryMerge(s, RANGE, ctx(s)));
    expect(e.message).toMatch(
      /malformed gRPC-web response: frame at byte 0 claims 9 bytes but only 2 follow/,
    );
  });

  it('frames and unframes messages', () => {
    const msg = new Uint8Array([8, 2]);
    const f = grpcWebFrame(msg);
    expect([...f]).toEqual([0, 0, 0, 0, 2, 8, 2]);
    const trailers = new TextEncoder().encode('grpc-status: 0\r\nGrpc-Message: ok%20fine\r\n');
    const body = new Uint8Array([...f, ...grpcWebFrame(trailers, 0x80)]);
    const p = parseGrpcWebBody(body);
    expect(p.messages.map((m) => [...m])).toEqual([[8, 2]]);
    expect(p.trailers).toEqual({ 'grpc-status': '0', 'grpc-message': 'ok%20fine' });
  });
});

describe('Parca Query over the REST gateway', () => {
  it('sends the merge query as URL parameters and decodes base64 pprof', async () => {
    const prof = parcaProfileGz();
    server = await startServer((req, res) => {
      const u = new URL(req.url, 'http://x');
      if (req.method !== 'GET' || u.pathname !== PARCA_REST_PATH) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 5, message: 'Not Found', details: [] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          pprof: Buffer.from(prof.bytes).toString('base64'),
          total: '480000000',
          filtered: '0',
        }),
      );
    });
    const s = spec(server.url, '&transport=rest&tenant=acme');
    const got = await parcaQueryMerge(s, RANGE, ctx(s));
    expect(Buffer.from(got).equals(Buffer.from(prof.bytes))).toBe(true);
    expect(gunzipSync(got).length).toBeGreaterThan(0);

    const r = server.requests[0];
    const u = new URL(r.url, 'http://x');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      mode: 'MODE_MERGE',
      reportType: 'REPORT_TYPE_PPROF',
      'merge.query': QUERY,
      'merge.start': '2024-05-01T12:00:00.000Z',
      'merge.end': '2024-05-01T12:05:59.999Z',
    });
    expect(r.headers['x-scope-orgid']).toBe('acme');
  });

  it('decodes grpc-gateway error JSON and retries a 429', async () => {
    server = await startServer((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ code: 8, message: 'too many queries', details: [] }));
        return;
      }
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 3, message: 'invalid matcher', details: [] }));
    });
    const s = spec(server.url, '&transport=rest');
    const logs: string[] = [];
    const e = await sourceFailure(parcaQueryMerge(s, RANGE, ctx(s, {}, logs)));
    expect(logs[0]).toMatch(
      /HTTP 429, gRPC RESOURCE_EXHAUSTED: too many queries; retrying in 0 ms/,
    );
    expect(e.message).toBe(
      'parca Query (test): HTTP 400, gRPC INVALID_ARGUMENT: invalid matcher (attempt 2)',
    );
  });

  it('returns empty bytes when the response carries no pprof', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ total: '0', filtered: '0' }));
    });
    const s = spec(server.url, '&transport=rest');
    expect((await parcaQueryMerge(s, RANGE, ctx(s))).length).toBe(0);
  });
});

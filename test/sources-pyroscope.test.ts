/**
 * The Pyroscope client against a local server implementing querier.v1.QuerierService/
 * SelectMergeProfile over Connect unary (application/proto), decoding requests with an
 * independent protobuf reader (test/helpers/fake-sources.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readProfile } from '../src/profile/read.js';

import type { RequestContext } from '../src/sources/http.js';
import {
  pyroscopeSelectMergeProfile,
  SELECT_MERGE_PROFILE_PATH,
} from '../src/sources/pyroscope.js';
import { parseSourceSpec, type SourceSpec } from '../src/sources/spec.js';
import {
  connectError,
  connectOk,
  decodeSelectMergeProfileRequest,
  pyroscopeProfile,
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

const TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const SELECTOR = '{service_name="checkout",version="1.4.2"}';

function spec(base: string, extra = ''): SourceSpec {
  return parseSourceSpec(
    `pyroscope+http://${base}?type=${TYPE}&query=${SELECTOR}&from=now-1h${extra}`,
  );
}

function ctx(s: SourceSpec, env: Record<string, string> = {}, logs: string[] = []): RequestContext {
  return testRequestContext('pyroscope SelectMergeProfile (test)', s, env, logs);
}

const RANGE = { startMs: 1_714_560_000_000, endMs: 1_714_560_359_999 };

describe('Pyroscope SelectMergeProfile (Connect, application/proto)', () => {
  it('sends exactly profile_typeID, label_selector, start, end and returns the pprof', async () => {
    const prof = pyroscopeProfile();
    server = await startServer((req, res) => {
      if (req.method !== 'POST' || req.url !== SELECT_MERGE_PROFILE_PATH) {
        res.writeHead(404).end('404 page not found');
        return;
      }
      if (req.headers['content-type'] !== 'application/proto') {
        connectError(res, 415, 'unknown', 'unsupported content type');
        return;
      }
      connectOk(res, prof.bytes);
    });
    const s = spec(server.url);
    const got = await pyroscopeSelectMergeProfile(s, RANGE, ctx(s));
    expect(Buffer.from(got).equals(Buffer.from(prof.bytes))).toBe(true);
    expect(readProfile(got, 'slice').sampleTypes.map((t) => t.type)).toContain('cpu');

    expect(server.requests).toHaveLength(1);
    const r = server.requests[0];
    expect(r.headers['connect-protocol-version']).toBe('1');
    const d = decodeSelectMergeProfileRequest(r.body);
    expect(d.profileTypeId).toBe(TYPE);
    expect(d.labelSelector).toBe(SELECTOR);
    expect(d.start).toBe(RANGE.startMs);
    expect(d.end).toBe(RANGE.endMs);
    // Only fields 1-4: in particular no max_nodes (5), which would truncate into "other".
    expect(d.fieldNumbers).toEqual([1, 2, 3, 4]);
    expect(d.fieldNumbers).not.toContain(5);
  });

  it('sends bearer and tenant headers and never prints the token', async () => {
    const token = 'pyro-T0KEN-abcdef123456';
    server = await startServer((req, res) => {
      if (
        req.headers.authorization !== `Bearer ${token}` ||
        req.headers['x-scope-orgid'] !== 'team-7'
      ) {
        connectError(res, 401, 'unauthenticated', 'no org id');
        return;
      }
      // A misbehaving proxy that echoes the credentials it saw.
      connectError(res, 403, 'permission_denied', `token ${token} may not read tenant team-7`);
    });
    const s = spec(server.url);
    const logs: string[] = [];
    const e = await sourceFailure(
      pyroscopeSelectMergeProfile(
        s,
        RANGE,
        ctx(s, { PROFILE_GATE_SOURCE_TOKEN: token, PROFILE_GATE_SOURCE_TENANT: 'team-7' }, logs),
      ),
    );
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${token}`);
    expect(server.requests[0].headers['x-scope-orgid']).toBe('team-7');
    expect(e.message).toMatch(
      /HTTP 403, permission_denied: token \*\*\* may not read tenant \*\*\*/,
    );
    expect(e.message).toMatch(/PROFILE_GATE_SOURCE_TOKEN/);
    expect(e.message).not.toContain(token);
    expect(logs.join('\n')).not.toContain(token);
    expect(server.requests).toHaveLength(1); // 403 is not retried
  });

  it('sends basic auth', async () => {
    server = await startServer((req, res) => connectOk(res, pyroscopeProfile().bytes));
    const s = spec(server.url);
    await pyroscopeSelectMergeProfile(
      s,
      RANGE,
      ctx(s, { PROFILE_GATE_SOURCE_BASIC: '12345:glc_secret' }),
    );
    expect(server.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('12345:glc_secret').toString('base64')}`,
    );
  });

  it('decodes a Connect error into a clear message and does not retry a 400', async () => {
    server = await startServer((_req, res) =>
      connectError(res, 400, 'invalid_argument', 'parse error at line 1, col 10: syntax error'),
    );
    const s = spec(server.url);
    const e = await sourceFailure(pyroscopeSelectMergeProfile(s, RANGE, ctx(s)));
    expect(e.message).toBe(
      'pyroscope SelectMergeProfile (test): HTTP 400, invalid_argument: parse error at line 1, col 10: syntax error',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('retries after a 503 and a 429 (honouring Retry-After) and then succeeds', async () => {
    const prof = pyroscopeProfile();
    server = await startServer((_req, res, n) => {
      if (n === 1) connectError(res, 503, 'unavailable', 'ingester ring not ready');
      else if (n === 2)
        connectError(res, 429, 'resource_exhausted', 'slow down', { 'retry-after': '0' });
      else connectOk(res, prof.bytes);
    });
    const s = spec(server.url);
    const logs: string[] = [];
    const got = await pyroscopeSelectMergeProfile(s, RANGE, ctx(s, {}, logs));
    expect(got.length).toBe(prof.bytes.length);
    expect(server.requests).toHaveLength(3);
    expect(logs[0]).toMatch(
      /HTTP 503, unavailable: ingester ring not ready; retrying in \d+ ms \(attempt 2 of 4\)/,
    );
    expect(logs[1]).toMatch(
      /HTTP 429, resource_exhausted: slow down; retrying in 0 ms \(attempt 3 of 4\)/,
    );
    // Every attempt sends the same request.
    const decoded = server.requests.map((r) => decodeSelectMergeProfileRequest(r.body));
    expect(new Set(decoded.map((d) => JSON.stringify(d))).size).toBe(1);
  });

  it('gives up after retries= attempts', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><title>502 Bad Gateway</title></html>');
    });
    const s = spec(server.url, '&retries=2');
    const e = await sourceFailure(pyroscopeSelectMergeProfile(s, RANGE, ctx(s)));
    expect(server.requests).toHaveLength(3);
    expect(e.message).toMatch(
      /HTTP 502, an HTML page \("502 Bad Gateway"\) \(a proxy or login page\?\) \(gave up after 3 attempts\)/,
    );
  });

  it('times out against a hanging server without retrying', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const s = spec(server.url, '&timeout=300ms');
    const t0 = Date.now();
    const e = await sourceFailure(pyroscopeSelectMergeProfile(s, RANGE, ctx(s)));
    const took = Date.now() - t0;
    expect(e.message).toMatch(
      /no complete response from http:\/\/127\.0\.0\.1:\d+ within 300 ms \(raise timeout=/,
    );
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('retries connection errors and reports them clearly', async () => {
    // A port that was just open and is now closed.
    const tmp = await startServer(() => undefined);
    const base = tmp.url;
    await tmp.close();
    const s = spec(base, '&retries=1');
    const logs: string[] = [];
    const e = await sourceFailure(pyroscopeSelectMergeProfile(s, RANGE, ctx(s, {}, logs)));
    expect(e.message).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) \(gave up after 2 attempts\)/,
    );
    expect(logs).toHaveLength(1);
  });

  it('explains a 404 (wrong server or path prefix)', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(404).end('404 page not found');
    });
    const s = spec(server.url + '/pyro');
    const e = await sourceFailure(pyroscopeSelectMergeProfile(s, RANGE, ctx(s)));
    expect(server.requests[0].url).toBe('/pyro' + SELECT_MERGE_PROFILE_PATH);
    expect(e.message).toMatch(/HTTP 404, "404 page not found"\. Is this a Pyroscope server/);
  });

  it('refuses a 200 that is not binary protobuf (e.g. a login page)', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Sign in</title></head></html>');
    });
    const s = spec(server.url);
    const e = await sourceFailure(pyroscopeSelectMergeProfile(s, RANGE, ctx(s)));
    expect(e.message).toMatch(
      /expected a binary protobuf \(application\/proto\) but got text\/html.*"Sign in"/,
    );
  });

  it('does not follow redirects (credentials stay on the configured host)', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(302, { location: 'https://sso.example.com/login?next=%2F' }).end();
    });
    const s = spec(server.url);
    const e = await sourceFailure(
      pyroscopeSelectMergeProfile(s, RANGE, ctx(s, { PROFILE_GATE_SOURCE_TENANT: 'tenant-x' })),
    );
    expect(e.message).toMatch(
      /HTTP 302 redirect to https:\/\/sso\.example\.com\/login\?next=%2F; redirects are not followed/,
    );
    expect(server.requests).toHaveLength(1);
  });
});

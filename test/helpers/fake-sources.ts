/**
 * Local stand-ins for Grafana Pyroscope and Parca query endpoints, for the fleet-source tests.
 *
 * The servers decode requests with the small protobuf reader below, written independently of
 * src/sources/proto.ts (no protobufjs), from the field numbers of the published .proto files:
 *   grafana/pyroscope api/querier/v1/querier.proto  SelectMergeProfileRequest
 *     1 profile_typeID, 2 label_selector, 3 start (ms), 4 end (ms), 5 max_nodes, 6 stack_trace_selector,
 *     7 profile_id_selector
 *   parca-dev/parca proto/parca/query/v1alpha1/query.proto  QueryRequest
 *     1 mode, 2 diff, 3 merge{1 query, 2 start, 3 end}, 4 single, 5 report_type, 6 filter_query,
 *     7 node_trim_threshold;  QueryResponse 5 flamegraph, 6 pprof, 7 top, 8 callgraph, 9 total
 *   google/protobuf/timestamp.proto  1 seconds, 2 nanos
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { corpusBytes, hasCorpus } from './corpus.js';
import { expect } from 'vitest';
import { sourceAuth } from '../../src/sources/auth.js';
import { SourceError, type RequestContext } from '../../src/sources/http.js';
import type { SourceSpec } from '../../src/sources/spec.js';
import { varint } from '../../scripts/fuzz/pprof-bytes.js';

// ---------------------------------------------------------------- independent protobuf reader

export interface WireField {
  field: number;
  wire: number;
  /** varint / fixed values */
  num?: bigint;
  /** length-delimited payload */
  bytes?: Uint8Array;
}

function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let v = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    v |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) return [v, pos];
    shift += 7n;
  }
  throw new Error('varint too long');
}

/** Splits a protobuf message into its fields (in wire order). */
export function wireFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    pos = p1;
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field === 0) throw new Error('field 0');
    if (wire === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      out.push({ field, wire, num: v });
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      if (end > buf.length) throw new Error('truncated bytes');
      out.push({ field, wire, bytes: buf.subarray(p2, end) });
      pos = end;
    } else if (wire === 1) {
      if (pos + 8 > buf.length) throw new Error('truncated fixed64');
      out.push({
        field,
        wire,
        num: new DataView(buf.buffer, buf.byteOffset + pos, 8).getBigUint64(0, true),
      });
      pos += 8;
    } else if (wire === 5) {
      if (pos + 4 > buf.length) throw new Error('truncated fixed32');
      out.push({
        field,
        wire,
        num: BigInt(new DataView(buf.buffer, buf.byteOffset + pos, 4).getUint32(0, true)),
      });
      pos += 4;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

export interface DecodedSelectMergeProfile {
  fieldNumbers: number[];
  profileTypeId: string;
  labelSelector: string;
  start: number;
  end: number;
}

export function decodeSelectMergeProfileRequest(buf: Uint8Array): DecodedSelectMergeProfile {
  const f = wireFields(buf);
  const one = (n: number, wire: number) => {
    const all = f.filter((x) => x.field === n);
    if (all.length > 1) throw new Error(`field ${n} repeated`);
    if (all[0] && all[0].wire !== wire) throw new Error(`field ${n} has wire type ${all[0].wire}`);
    return all[0];
  };
  return {
    fieldNumbers: f.map((x) => x.field),
    profileTypeId: text(one(1, 2)?.bytes),
    labelSelector: text(one(2, 2)?.bytes),
    start: Number(one(3, 0)?.num ?? 0n),
    end: Number(one(4, 0)?.num ?? 0n),
  };
}

export interface DecodedParcaQuery {
  fieldNumbers: number[];
  mergeFieldNumbers: number[];
  mode: number;
  reportType: number;
  query: string;
  /** ms since epoch from the Timestamps (nanos must be whole ms). */
  startMs: number;
  endMs: number;
}

function timestampMs(b: Uint8Array | undefined): number {
  const f = wireFields(b ?? new Uint8Array());
  const seconds = Number(f.find((x) => x.field === 1)?.num ?? 0n);
  const nanos = Number(f.find((x) => x.field === 2)?.num ?? 0n);
  if (nanos % 1_000_000 !== 0) throw new Error(`nanos ${nanos} are not whole milliseconds`);
  return seconds * 1000 + nanos / 1_000_000;
}

export function decodeParcaQueryRequest(buf: Uint8Array): DecodedParcaQuery {
  const f = wireFields(buf);
  const merge = f.find((x) => x.field === 3 && x.wire === 2)?.bytes;
  const mf = wireFields(merge ?? new Uint8Array());
  return {
    fieldNumbers: f.map((x) => x.field),
    mergeFieldNumbers: mf.map((x) => x.field),
    mode: Number(f.find((x) => x.field === 1)?.num ?? 0n),
    reportType: Number(f.find((x) => x.field === 5)?.num ?? 0n),
    query: text(mf.find((x) => x.field === 1)?.bytes),
    startMs: timestampMs(mf.find((x) => x.field === 2)?.bytes),
    endMs: timestampMs(mf.find((x) => x.field === 3)?.bytes),
  };
}

// ---------------------------------------------------------------- independent protobuf writer

class Msg {
  private parts: number[] = [];
  int(field: number, v: number | bigint): this {
    this.parts.push(...varint((field << 3) | 0), ...varint(v));
    return this;
  }
  bytes(field: number, b: Uint8Array | number[]): this {
    this.parts.push(...varint((field << 3) | 2), ...varint(b.length), ...b);
    return this;
  }
  str(field: number, s: string): this {
    return this.bytes(field, [...new TextEncoder().encode(s)]);
  }
  msg(field: number, m: Msg): this {
    return this.bytes(field, m.done());
  }
  done(): Uint8Array {
    return new Uint8Array(this.parts);
  }
}

/** Encodes parca.query.v1alpha1.QueryResponse{pprof: gz, total}. */
export function encodeParcaQueryResponse(pprofGz: Uint8Array, total = 0): Uint8Array {
  const m = new Msg().bytes(6, pprofGz);
  if (total) m.int(9, total);
  return m.done();
}

/** A QueryResponse carrying a (tiny) flamegraph report instead of pprof. */
export function encodeParcaFlamegraphResponse(): Uint8Array {
  return new Msg().msg(5, new Msg().int(2, 10)).done();
}

/** A small but complete pprof (uncompressed): leaf-first stacks of function names. */
export function makePprof(opts: {
  sampleType?: [string, string];
  samples: { stack: string[]; value: number }[];
  timeNanos?: number;
}): Uint8Array {
  const strings = [''];
  const s = (x: string) => {
    let i = strings.indexOf(x);
    if (i < 0) i = strings.push(x) - 1;
    return i;
  };
  const [type, unit] = opts.sampleType ?? ['cpu', 'nanoseconds'];
  const p = new Msg();
  p.msg(1, new Msg().int(1, s(type)).int(2, s(unit)));
  const fnIds = new Map<string, number>();
  for (const smp of opts.samples)
    for (const f of smp.stack) if (!fnIds.has(f)) fnIds.set(f, fnIds.size + 1);
  for (const smp of opts.samples) {
    const sm = new Msg();
    sm.bytes(
      1,
      smp.stack.flatMap((f) => varint(fnIds.get(f)!)),
    );
    sm.bytes(2, varint(smp.value));
    p.msg(2, sm);
  }
  for (const [name, id] of fnIds) {
    p.msg(4, new Msg().int(1, id).msg(4, new Msg().int(1, id).int(2, 10)));
    p.msg(5, new Msg().int(1, id).int(2, s(name)).int(4, s('main.go')));
  }
  if (opts.timeNanos) p.int(9, opts.timeNanos);
  p.msg(11, new Msg().int(1, s(type)).int(2, s(unit)));
  p.int(12, 10_000_000);
  for (const x of strings) p.str(6, x);
  return p.done();
}

/** A real Pyroscope-produced profile from the corpus (uncompressed), or a synthetic one. */
export function pyroscopeProfile(): { bytes: Uint8Array; real: boolean } {
  if (hasCorpus) {
    const gz = corpusBytes('pprof', 'grafana_pyroscope_pkg_og_convert_pprof_testdata_cpu.pb.gz');
    return { bytes: new Uint8Array(gunzipSync(gz)), real: true };
  }
  return { bytes: syntheticCpu(1), real: false };
}

/** A real Parca profile from the corpus (gzipped, as Parca serves it), or a synthetic one. */
export function parcaProfileGz(): { bytes: Uint8Array; real: boolean } {
  if (hasCorpus) {
    return {
      bytes: corpusBytes('pprof', 'parca-dev_parca_pkg_query_testdata_profile1.pb.gz'),
      real: true,
    };
  }
  return {
    bytes: new Uint8Array(gzipSync(syntheticCpu(1, ['samples', 'count']))),
    real: false,
  };
}

export function syntheticCpu(
  scale: number,
  type: [string, string] = ['cpu', 'nanoseconds'],
): Uint8Array {
  return makePprof({
    sampleType: type,
    samples: [
      { stack: ['main.hot', 'main.handler', 'main.main'], value: 30 * scale },
      { stack: ['main.cold', 'main.handler', 'main.main'], value: 10 },
    ],
  });
}

/** An empty google.v1.Profile: sample type and string table, no samples. */
export function emptyPprof(): Uint8Array {
  return makePprof({ samples: [] });
}

// ---------------------------------------------------------------- servers

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

export type Handler = (
  req: RecordedRequest,
  res: ServerResponse,
  n: number,
) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: new Uint8Array(Buffer.concat(chunks)),
      };
      requests.push(rec);
      Promise.resolve(handler(rec, res, requests.length)).catch((e: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake server bug: ${e.message}`);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Connect unary success: the binary message, as application/proto. */
export function connectOk(res: ServerResponse, body: Uint8Array): void {
  res.writeHead(200, { 'content-type': 'application/proto', 'content-length': body.length });
  res.end(body);
}

/** Connect unary error: JSON {code, message} with the HTTP status the Connect spec maps it to. */
export function connectError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify({ code, message });
  res.writeHead(status, { 'content-type': 'application/json', ...extra });
  res.end(body);
}

function frame(flag: number, payload: Uint8Array): Buffer {
  const h = Buffer.alloc(5);
  h[0] = flag;
  h.writeUInt32BE(payload.length, 1);
  return Buffer.concat([h, Buffer.from(payload)]);
}

/** Reads the single data frame of a gRPC-web request body. */
export function grpcWebRequestMessage(body: Uint8Array): Uint8Array {
  if (body.length < 5 || body[0] !== 0) throw new Error('not an uncompressed gRPC-web data frame');
  const len = Buffer.from(body).readUInt32BE(1);
  if (body.length !== 5 + len)
    throw new Error(`frame length ${len} but body has ${body.length - 5} bytes`);
  return body.subarray(5);
}

/** gRPC-web success: one data frame plus a trailers frame. */
export function grpcWebOk(res: ServerResponse, message: Uint8Array): void {
  const trailers = Buffer.from('grpc-status: 0\r\ngrpc-message: \r\n');
  res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
  res.end(Buffer.concat([frame(0, message), frame(0x80, trailers)]));
}

/** gRPC-web error in the trailers frame (HTTP 200), message percent-encoded as gRPC requires. */
export function grpcWebError(res: ServerResponse, code: number, message: string): void {
  const trailers = Buffer.from(
    `grpc-status: ${code}\r\ngrpc-message: ${encodeURIComponent(message)}\r\n`,
  );
  res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
  res.end(frame(0x80, trailers));
}

/** gRPC-web trailers-only error: status in the HTTP headers, empty body. */
export function grpcWebHeaderError(res: ServerResponse, code: number, message: string): void {
  res.writeHead(200, {
    'content-type': 'application/grpc-web+proto',
    'grpc-status': String(code),
    'grpc-message': encodeURIComponent(message),
  });
  res.end();
}

// ---------------------------------------------------------------- client side

/** The RequestContext the source clients get, with fast retries and the spec's auth. */
export function testRequestContext(
  what: string,
  s: SourceSpec,
  env: Record<string, string> = {},
  logs: string[] = [],
): RequestContext {
  const auth = sourceAuth(s, env);
  return {
    what,
    headers: auth.headers,
    mask: auth.mask,
    timeoutMs: s.timeoutMs,
    retries: s.retries,
    retryBaseMs: 5,
    log: (m) => logs.push(m),
    fetch: globalThis.fetch,
    maxResponseBytes: 64 << 20,
  };
}

/** The SourceError that `p` rejects with (fails the test if it resolves or throws else). */
export async function sourceFailure(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error('expected a SourceError');
}

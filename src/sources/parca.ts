/**
 * Parca client: parca.query.v1alpha1.QueryService/Query in merge mode with report type pprof,
 * over one of two transports that work on plain HTTP/1.1 (Node's fetch cannot speak native
 * gRPC, which needs HTTP/2):
 *
 * - grpc-web (default, what the Parca UI uses):
 *   POST {base}/api/parca.query.v1alpha1.QueryService/Query,
 *   Content-Type application/grpc-web+proto. Body and response are frames of
 *   [flag byte][uint32 big-endian length][payload]; flag 0x00 = message, 0x80 = trailers
 *   ("grpc-status: 0\r\ngrpc-message: ...\r\n"). A trailers-only answer carries grpc-status
 *   in the HTTP headers instead.
 * - rest (grpc-gateway): GET {base}/api/profiles/query?mode=MODE_MERGE&reportType=REPORT_TYPE_PPROF
 *   &merge.query=...&merge.start=RFC3339&merge.end=RFC3339, answered by JSON whose `pprof` is
 *   base64; errors are JSON {code, message} with an HTTP error status.
 *
 * Either way QueryResponse.pprof is gzipped pprof. node_trim_threshold is never sent.
 */
import { decodeParcaQueryResponse } from './proto.js';
import { encodeParcaQueryRequest } from './proto.js';
import {
  AttemptError,
  describeBody,
  retryAfterMs,
  retryableStatus,
  sendWithRetries,
  statusHint,
  withHint,
  type HttpResponse,
  type RequestContext,
} from './http.js';
import type { MsRange } from './pyroscope.js';
import type { SourceSpec } from './spec.js';

export const PARCA_GRPC_WEB_PATH = '/api/parca.query.v1alpha1.QueryService/Query';
export const PARCA_REST_PATH = '/api/profiles/query';

export const GRPC_CODES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

const GRPC_TRANSIENT = new Set([8, 14]); // RESOURCE_EXHAUSTED, UNAVAILABLE

/** Returns the pprof bytes (gzipped, as Parca serves them; possibly empty) for one time range. */
export async function parcaQueryMerge(
  spec: SourceSpec,
  range: MsRange,
  ctx: RequestContext,
): Promise<Uint8Array> {
  return spec.transport === 'rest' ? parcaRest(spec, range, ctx) : parcaGrpcWeb(spec, range, ctx);
}

/** Wraps a message in one gRPC-web data frame. */
export function grpcWebFrame(message: Uint8Array, flag = 0): Uint8Array {
  const out = new Uint8Array(5 + message.length);
  out[0] = flag;
  new DataView(out.buffer).setUint32(1, message.length, false);
  out.set(message, 5);
  return out;
}

export interface GrpcWebBody {
  messages: Uint8Array[];
  trailers?: Record<string, string>;
}

/** Splits a gRPC-web response body into data messages and the trailers frame. */
export function parseGrpcWebBody(body: Uint8Array): GrpcWebBody {
  const out: GrpcWebBody = { messages: [] };
  const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let pos = 0;
  while (pos < body.length) {
    if (body.length - pos < 5) throw new Error(`truncated frame header at byte ${pos}`);
    const flag = body[pos];
    const len = dv.getUint32(pos + 1, false);
    const start = pos + 5;
    if (start + len > body.length) {
      throw new Error(
        `frame at byte ${pos} claims ${len} bytes but only ${body.length - start} follow`,
      );
    }
    const payload = body.subarray(start, start + len);
    if (flag & 0x80) {
      out.trailers = parseTrailers(new TextDecoder().decode(payload));
    } else if (flag & 0x01) {
      throw new Error('compressed gRPC-web message (no grpc-accept-encoding was offered)');
    } else if (flag !== 0) {
      throw new Error(`unknown frame flag 0x${flag.toString(16)} (not a gRPC-web body?)`);
    } else {
      out.messages.push(payload);
    }
    pos = start + len;
  }
  return out;
}

function parseTrailers(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const c = line.indexOf(':');
    if (c <= 0) continue;
    out[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return out;
}

function decodeGrpcMessage(m: string | undefined | null): string {
  if (!m) return '';
  try {
    return decodeURIComponent(m);
  } catch {
    return m;
  }
}

function grpcFailure(code: number, message: string, httpStatus: number): AttemptError {
  const name = GRPC_CODES[code] ?? `code ${code}`;
  let hint = '';
  if (code === 16 || code === 7) hint = statusHint(401, 'parca');
  else if (code === 12) hint = statusHint(404, 'parca');
  else if (code === 5)
    hint =
      ' Nothing matched: check the query (profile type and labels), or use a wider window or fewer slices.';
  const http = httpStatus !== 200 ? `HTTP ${httpStatus}, ` : '';
  return new AttemptError(
    withHint(`${http}gRPC ${name}: ${message || '(no message)'}`, hint),
    GRPC_TRANSIENT.has(code) || retryableStatus(httpStatus),
  );
}

async function parcaGrpcWeb(
  spec: SourceSpec,
  range: MsRange,
  ctx: RequestContext,
): Promise<Uint8Array> {
  const msg = encodeParcaQueryRequest({
    query: spec.query,
    startMs: range.startMs,
    endMs: range.endMs,
  });
  return sendWithRetries(
    ctx,
    {
      method: 'POST',
      url: spec.baseUrl + PARCA_GRPC_WEB_PATH,
      headers: {
        'content-type': 'application/grpc-web+proto',
        accept: 'application/grpc-web+proto',
        'x-grpc-web': '1',
        'grpc-timeout': `${ctx.timeoutMs}m`,
      },
      body: grpcWebFrame(msg),
    },
    (res) => handleGrpcWeb(res),
  );
}

function handleGrpcWeb(res: HttpResponse): Uint8Array {
  const ct = res.headers.get('content-type');
  const headerStatus = res.headers.get('grpc-status');
  if (headerStatus !== null && headerStatus.trim() !== '0') {
    throw grpcFailure(
      Number(headerStatus),
      decodeGrpcMessage(res.headers.get('grpc-message')),
      res.status,
    );
  }
  if (res.status !== 200 || !/^application\/grpc-web/i.test(ct ?? '')) {
    const what =
      res.status === 200 ? `unexpected content type ${ct ?? '(none)'}` : `HTTP ${res.status}`;
    throw new AttemptError(
      withHint(`${what}: ${describeBody(res.body, ct)}`, statusHint(res.status, 'parca')),
      retryableStatus(res.status),
      retryAfterMs(res.headers),
    );
  }
  let parsed: GrpcWebBody;
  try {
    parsed = parseGrpcWebBody(res.body);
  } catch (e) {
    throw new AttemptError(`malformed gRPC-web response: ${(e as Error).message}`, false);
  }
  const status = parsed.trailers?.['grpc-status'] ?? headerStatus ?? undefined;
  if (status === undefined) {
    throw new AttemptError(
      'gRPC-web response without grpc-status (cut off, or not a gRPC-web server?)',
      true,
    );
  }
  if (status !== '0') {
    throw grpcFailure(
      Number(status),
      decodeGrpcMessage(parsed.trailers?.['grpc-message']),
      res.status,
    );
  }
  if (parsed.messages.length !== 1) {
    throw new AttemptError(
      `expected one QueryResponse message, got ${parsed.messages.length}`,
      false,
    );
  }
  return pprofOf(parsed.messages[0]);
}

function pprofOf(message: Uint8Array): Uint8Array {
  let r;
  try {
    r = decodeParcaQueryResponse(message);
  } catch (e) {
    throw new AttemptError(`cannot decode QueryResponse: ${(e as Error).message}`, false);
  }
  if (r.report && r.report !== 'pprof') {
    throw new AttemptError(
      `the server answered with a ${r.report} report instead of pprof (a Parca too old for REPORT_TYPE_PPROF?)`,
      false,
    );
  }
  return r.pprof ?? new Uint8Array(0);
}

async function parcaRest(
  spec: SourceSpec,
  range: MsRange,
  ctx: RequestContext,
): Promise<Uint8Array> {
  const q = new URLSearchParams({
    mode: 'MODE_MERGE',
    reportType: 'REPORT_TYPE_PPROF',
    'merge.query': spec.query,
    'merge.start': new Date(range.startMs).toISOString(),
    'merge.end': new Date(range.endMs).toISOString(),
  });
  return sendWithRetries(
    ctx,
    {
      method: 'GET',
      url: `${spec.baseUrl}${PARCA_REST_PATH}?${q.toString()}`,
      headers: { accept: 'application/json' },
    },
    (res) => handleRest(res),
  );
}

function handleRest(res: HttpResponse): Uint8Array {
  const ct = res.headers.get('content-type');
  let json: Record<string, unknown> | undefined;
  if (/json/i.test(ct ?? '') || /^\s*\{/.test(new TextDecoder().decode(res.body.subarray(0, 16)))) {
    try {
      const j = JSON.parse(new TextDecoder().decode(res.body)) as unknown;
      if (typeof j === 'object' && j !== null && !Array.isArray(j))
        json = j as Record<string, unknown>;
    } catch {
      json = undefined;
    }
  }
  if (res.status !== 200) {
    if (json && typeof json.code === 'number') {
      const f = grpcFailure(json.code, String(json.message ?? ''), res.status);
      throw new AttemptError(f.message, f.retryable, retryAfterMs(res.headers));
    }
    throw new AttemptError(
      withHint(
        `HTTP ${res.status}: ${describeBody(res.body, ct)}`,
        statusHint(res.status, 'parca'),
      ),
      retryableStatus(res.status),
      retryAfterMs(res.headers),
    );
  }
  if (!json) {
    throw new AttemptError(
      `expected a JSON QueryResponse, got ${ct ?? 'no content type'}: ${describeBody(res.body, ct)}`,
      false,
    );
  }
  for (const other of ['flamegraph', 'top', 'callgraph']) {
    if (json[other] !== undefined && json[other] !== null && json.pprof === undefined) {
      throw new AttemptError(
        `the server answered with a ${other} report instead of pprof (a Parca too old for REPORT_TYPE_PPROF?)`,
        false,
      );
    }
  }
  const p = json.pprof;
  if (p === undefined || p === null || p === '') return new Uint8Array(0);
  if (typeof p !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(p)) {
    throw new AttemptError('the JSON field "pprof" is not base64', false);
  }
  return new Uint8Array(
    Buffer.from(p, p.includes('-') || p.includes('_') ? 'base64url' : 'base64'),
  );
}

/**
 * Grafana Pyroscope client: one Connect unary call to
 * POST {base}/querier.v1.QuerierService/SelectMergeProfile with a binary
 * SelectMergeProfileRequest (Content-Type application/proto), answered by a binary,
 * uncompressed google.v1.Profile (pprof) unless HTTP Content-Encoding applies, which fetch
 * undoes. Errors come back as Connect error JSON {code, message} with an HTTP 4xx/5xx status.
 * max_nodes is never sent, so the profile is not truncated into an "other" frame.
 */
import { encodeSelectMergeProfileRequest } from './proto.js';
import {
  AttemptError,
  describeBody,
  retryAfterMs,
  retryableStatus,
  sendWithRetries,
  statusHint,
  withHint,
  type RequestContext,
} from './http.js';
import type { SourceSpec } from './spec.js';

export const SELECT_MERGE_PROFILE_PATH = '/querier.v1.QuerierService/SelectMergeProfile';

/** Connect codes that mean "try again later" whatever HTTP status carried them. */
const TRANSIENT_CONNECT_CODES = new Set(['unavailable', 'resource_exhausted']);

export interface MsRange {
  /** ms since epoch, inclusive. */
  startMs: number;
  /** ms since epoch, inclusive (Pyroscope and Parca both accept a profile stamped exactly at end). */
  endMs: number;
}

/** Returns the pprof bytes (uncompressed protobuf, possibly empty) for one time range. */
export async function pyroscopeSelectMergeProfile(
  spec: SourceSpec,
  range: MsRange,
  ctx: RequestContext,
): Promise<Uint8Array> {
  const body = encodeSelectMergeProfileRequest({
    profileTypeId: spec.profileType,
    labelSelector: spec.selector,
    startMs: range.startMs,
    endMs: range.endMs,
  });
  return sendWithRetries(
    ctx,
    {
      method: 'POST',
      url: spec.baseUrl + SELECT_MERGE_PROFILE_PATH,
      headers: {
        'content-type': 'application/proto',
        accept: 'application/proto',
        'connect-protocol-version': '1',
        'connect-timeout-ms': String(ctx.timeoutMs),
      },
      body,
    },
    (res) => {
      const ct = res.headers.get('content-type');
      if (res.status === 200) {
        if (ct && !/^application\/(proto|x-protobuf|octet-stream)/i.test(ct)) {
          throw new AttemptError(
            `expected a binary protobuf (application/proto) but got ${ct}: ${describeBody(res.body, ct)}`,
            false,
          );
        }
        return res.body;
      }
      const err = parseConnectError(res.body, ct);
      const transient =
        retryableStatus(res.status) ||
        (err?.code !== undefined && TRANSIENT_CONNECT_CODES.has(err.code));
      const what = err
        ? `${err.code ?? 'error'}: ${err.message ?? '(no message)'}`
        : describeBody(res.body, ct);
      throw new AttemptError(
        withHint(`HTTP ${res.status}, ${what}`, statusHint(res.status, 'pyroscope')),
        transient,
        retryAfterMs(res.headers),
      );
    },
  );
}

export interface ConnectError {
  code?: string;
  message?: string;
}

/** Decodes a Connect error body ({"code": "...", "message": "..."}); undefined if it is not one. */
export function parseConnectError(
  body: Uint8Array,
  contentType: string | null,
): ConnectError | undefined {
  if (body.length === 0 || body.length > 1 << 20) return undefined;
  const text = new TextDecoder().decode(body);
  if (!/json/i.test(contentType ?? '') && !text.trimStart().startsWith('{')) return undefined;
  try {
    const j = JSON.parse(text) as unknown;
    if (typeof j !== 'object' || j === null) return undefined;
    const o = j as Record<string, unknown>;
    const code = typeof o.code === 'string' ? o.code : undefined;
    const message = typeof o.message === 'string' ? o.message : undefined;
    if (code === undefined && message === undefined) return undefined;
    return { code, message };
  } catch {
    return undefined;
  }
}

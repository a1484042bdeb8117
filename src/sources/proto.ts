/**
 * Hand-written protobuf encoders/decoders for exactly the messages the fleet sources exchange.
 * No generated code: a few fields each, with numbers taken from the published .proto files:
 *
 * Grafana Pyroscope, api/querier/v1/querier.proto (package querier.v1):
 *   message SelectMergeProfileRequest {
 *     string profile_typeID = 1;  string label_selector = 2;
 *     int64 start = 3;  // ms since epoch
 *     int64 end = 4;    // ms since epoch
 *     optional int64 max_nodes = 5;                               // NEVER sent (truncates into "other")
 *     optional types.v1.StackTraceSelector stack_trace_selector = 6;  // not sent
 *     repeated string profile_id_selector = 7;                    // not sent
 *   }
 *   rpc SelectMergeProfile(SelectMergeProfileRequest) returns (google.v1.Profile)
 * The response, google.v1.Profile (api/google/v1/profile.proto), has the perftools pprof field
 * numbers, so it is handed unchanged to readProfile (src/profile/pprof/read.ts) and not decoded
 * here.
 *
 * Parca, proto/parca/query/v1alpha1/query.proto (package parca.query.v1alpha1):
 *   message QueryRequest {
 *     Mode mode = 1;                     // MODE_MERGE = 2
 *     oneof options { DiffProfile diff = 2; MergeProfile merge = 3; SingleProfile single = 4; }
 *     ReportType report_type = 5;        // REPORT_TYPE_PPROF = 1
 *     optional string filter_query = 6;  // not sent
 *     optional float node_trim_threshold = 7;  // NEVER sent (trims nodes)
 *   }
 *   message MergeProfile { string query = 1; google.protobuf.Timestamp start = 2; google.protobuf.Timestamp end = 3; }
 *   message QueryResponse {
 *     oneof report { Flamegraph flamegraph = 5; bytes pprof = 6; Top top = 7; Callgraph callgraph = 8; }
 *     int64 total = 9;  int64 filtered = 10;
 *   }
 * google/protobuf/timestamp.proto: message Timestamp { int64 seconds = 1; int32 nanos = 2; }
 */
import protobuf from 'protobufjs/minimal.js';

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const key = (field: number, wire: number) => ((field << 3) | wire) >>> 0;

export interface SelectMergeProfileRequest {
  profileTypeId: string;
  labelSelector: string;
  /** ms since epoch, inclusive. */
  startMs: number;
  /** ms since epoch. */
  endMs: number;
}

/** Encodes querier.v1.SelectMergeProfileRequest. max_nodes (5) is never written. */
export function encodeSelectMergeProfileRequest(r: SelectMergeProfileRequest): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32(key(1, WIRE_LEN)).string(r.profileTypeId);
  w.uint32(key(2, WIRE_LEN)).string(r.labelSelector);
  w.uint32(key(3, WIRE_VARINT)).int64(r.startMs);
  w.uint32(key(4, WIRE_VARINT)).int64(r.endMs);
  return w.finish();
}

export const PARCA_MODE_MERGE = 2;
export const PARCA_REPORT_TYPE_PPROF = 1;

export interface ParcaMergeQuery {
  query: string;
  startMs: number;
  endMs: number;
}

function writeTimestamp(w: protobuf.Writer, field: number, ms: number): void {
  const seconds = Math.floor(ms / 1000);
  const nanos = (ms - seconds * 1000) * 1_000_000;
  w.uint32(key(field, WIRE_LEN)).fork();
  if (seconds !== 0) w.uint32(key(1, WIRE_VARINT)).int64(seconds);
  if (nanos !== 0) w.uint32(key(2, WIRE_VARINT)).int32(nanos);
  w.ldelim();
}

/**
 * Encodes parca.query.v1alpha1.QueryRequest{mode: MODE_MERGE, merge: {query, start, end},
 * report_type: REPORT_TYPE_PPROF}. filter_query and node_trim_threshold are never written.
 */
export function encodeParcaQueryRequest(q: ParcaMergeQuery): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32(key(1, WIRE_VARINT)).int32(PARCA_MODE_MERGE);
  w.uint32(key(3, WIRE_LEN)).fork();
  w.uint32(key(1, WIRE_LEN)).string(q.query);
  writeTimestamp(w, 2, q.startMs);
  writeTimestamp(w, 3, q.endMs);
  w.ldelim();
  w.uint32(key(5, WIRE_VARINT)).int32(PARCA_REPORT_TYPE_PPROF);
  return w.finish();
}

export interface ParcaQueryResponse {
  /** QueryResponse.pprof (field 6): gzipped pprof bytes, when the report is a pprof. */
  pprof?: Uint8Array;
  /** Which `report` oneof member was present (pprof, flamegraph, top, callgraph) if any. */
  report?: 'pprof' | 'flamegraph' | 'top' | 'callgraph';
  total?: number;
}

const REPORT_FIELDS: Record<number, ParcaQueryResponse['report']> = {
  5: 'flamegraph',
  6: 'pprof',
  7: 'top',
  8: 'callgraph',
};

/** Decodes parca.query.v1alpha1.QueryResponse, keeping only what the gate needs. */
export function decodeParcaQueryResponse(buf: Uint8Array): ParcaQueryResponse {
  const r = protobuf.Reader.create(buf);
  const out: ParcaQueryResponse = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) throw new Error('field number 0');
    if (REPORT_FIELDS[field] && wire === WIRE_LEN) {
      out.report = REPORT_FIELDS[field];
      if (field === 6) out.pprof = new Uint8Array(r.bytes());
      else r.skipType(wire);
    } else if (field === 9 && wire === WIRE_VARINT) {
      out.total = Number(r.int64().toString());
    } else {
      r.skipType(wire);
    }
  }
  return out;
}

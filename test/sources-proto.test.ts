/**
 * Cross-checks src/sources/proto.ts against protobufjs reflection built from excerpts of the
 * published .proto files (same field numbers and types, comments and unrelated members dropped):
 *   grafana/pyroscope   api/querier/v1/querier.proto          SelectMergeProfileRequest
 *   parca-dev/parca     proto/parca/query/v1alpha1/query.proto QueryRequest, MergeProfile, QueryResponse
 *   protocolbuffers     google/protobuf/timestamp.proto        Timestamp
 */
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import {
  decodeParcaQueryResponse,
  encodeParcaQueryRequest,
  encodeSelectMergeProfileRequest,
} from '../src/sources/proto.js';

const PROTO = `
syntax = "proto3";
package querier.v1;
message SelectMergeProfileRequest {
  string profile_typeID = 1;
  string label_selector = 2;
  int64 start = 3;
  int64 end = 4;
  optional int64 max_nodes = 5;
  repeated string profile_id_selector = 7;
}
`;

const PARCA = `
syntax = "proto3";
package parca.query.v1alpha1;
message Timestamp { int64 seconds = 1; int32 nanos = 2; }
message MergeProfile {
  string query = 1;
  Timestamp start = 2;
  Timestamp end = 3;
}
message SingleProfile { Timestamp time = 1; string query = 2; }
message QueryRequest {
  enum Mode { MODE_SINGLE_UNSPECIFIED = 0; MODE_DIFF = 1; MODE_MERGE = 2; }
  Mode mode = 1;
  oneof options { MergeProfile merge = 3; SingleProfile single = 4; }
  enum ReportType {
    REPORT_TYPE_FLAMEGRAPH_UNSPECIFIED = 0; REPORT_TYPE_PPROF = 1; REPORT_TYPE_TOP = 2;
    REPORT_TYPE_CALLGRAPH = 3; REPORT_TYPE_FLAMEGRAPH_TABLE = 4; REPORT_TYPE_FLAMEGRAPH_ARROW = 5;
  }
  ReportType report_type = 5;
  optional string filter_query = 6;
  optional float node_trim_threshold = 7;
}
message Flamegraph { int64 total = 2; string unit = 3; int32 height = 4; }
message QueryResponse {
  oneof report { Flamegraph flamegraph = 5; bytes pprof = 6; }
  int64 total = 9;
  int64 filtered = 10;
}
`;

const num = (v: unknown) => Number(String(v));

describe('hand-written protobuf vs. reflection from the published .proto', () => {
  it('SelectMergeProfileRequest', () => {
    const T = protobuf
      .parse(PROTO, { keepCase: true })
      .root.lookupType('querier.v1.SelectMergeProfileRequest');
    const bytes = encodeSelectMergeProfileRequest({
      profileTypeId: 'memory:alloc_space:bytes:space:bytes',
      labelSelector: '{service_name="checkout"}',
      startMs: 1_714_560_000_000,
      endMs: 1_714_563_599_999,
    });
    const m = T.toObject(T.decode(bytes), { longs: String }) as Record<string, unknown>;
    expect(m).toEqual({
      profile_typeID: 'memory:alloc_space:bytes:space:bytes',
      label_selector: '{service_name="checkout"}',
      start: '1714560000000',
      end: '1714563599999',
    });
    expect('max_nodes' in m).toBe(false);
  });

  it('QueryRequest in merge mode with Timestamps', () => {
    const root = protobuf.parse(PARCA, { keepCase: true }).root;
    const T = root.lookupType('parca.query.v1alpha1.QueryRequest');
    const bytes = encodeParcaQueryRequest({
      query: 'parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}',
      startMs: 1_714_564_800_000,
      endMs: 1_714_565_159_999,
    });
    const m = T.toObject(T.decode(bytes), { longs: String, enums: String }) as Record<string, any>;
    expect(m.mode).toBe('MODE_MERGE');
    expect(m.report_type).toBe('REPORT_TYPE_PPROF');
    expect(m.merge.query).toBe('parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}');
    expect(num(m.merge.start.seconds)).toBe(1_714_564_800);
    expect(m.merge.start.nanos ?? 0).toBe(0);
    expect(num(m.merge.end.seconds)).toBe(1_714_565_159);
    expect(m.merge.end.nanos).toBe(999_000_000);
    expect('filter_query' in m || 'node_trim_threshold' in m || 'single' in m).toBe(false);
  });

  it('QueryResponse: pprof and total, or another report', () => {
    const root = protobuf.parse(PARCA, { keepCase: true }).root;
    const T = root.lookupType('parca.query.v1alpha1.QueryResponse');
    const pprof = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    const enc = T.encode(T.fromObject({ pprof, total: 480000000, filtered: 5 })).finish();
    const r = decodeParcaQueryResponse(enc);
    expect(r.report).toBe('pprof');
    expect([...(r.pprof ?? [])]).toEqual([...pprof]);
    expect(r.total).toBe(480000000);

    const fg = T.encode(T.fromObject({ flamegraph: { total: 3, unit: 'count' } })).finish();
    expect(decodeParcaQueryResponse(fg)).toEqual({ report: 'flamegraph' });
  });
});

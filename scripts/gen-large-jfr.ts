/**
 * A large JFR recording for the benchmark, made from a real one: the events of the first chunk
 * of a committed JDK recording (fixtures/profiles/java-profile.jfr.gz: settings=profile, so
 * method, allocation, monitor and park samples among the JDK's GC, class-loading and other
 * events) repeated until the chunk reaches the size asked for, followed by the original
 * checkpoints (re-chained) and metadata. Every event refers to constant-pool entries that
 * exist, so the result is a valid single-chunk recording the JDK reads too; it is what a long
 * recording of the same program looks like, minus its pools' growth.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Input, JFR_HEADER_SIZE, readChunkHeader } from '../src/profile/jfr/chunk.js';

const SOURCE = 'fixtures/profiles/java-profile.jfr.gz';

interface Piece {
  at: number;
  bytes: Uint8Array;
  type: number;
}

/** A varint of exactly `len` bytes (JFR allows padding; the ninth byte holds 8 bits). */
function padded(v: bigint, len: number): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  for (let i = 0; i < len; i++) {
    if (i === 8) out.push(Number(x & 0xffn));
    else out.push(Number(x & 0x7fn) | (i < len - 1 ? 0x80 : 0));
    x >>= i === 8 ? 8n : 7n;
  }
  return out;
}

export function makeLargeJfr(minBytes: number, source = SOURCE): Uint8Array {
  let src = new Uint8Array(readFileSync(source));
  if (src[0] === 0x1f) src = new Uint8Array(gunzipSync(src));
  const h = readChunkHeader(src, 0, 1);
  const inp = new Input(src, h.end, h.compressed);
  const events: Piece[] = [];
  const checkpoints: Piece[] = [];
  let metadata: Piece | undefined;
  for (let pos = h.start + JFR_HEADER_SIZE; pos < h.end;) {
    inp.pos = pos;
    const size = inp.int();
    const type = inp.long();
    const p = { at: pos, bytes: src.subarray(pos, pos + size), type };
    if (type === 0) metadata = p;
    else if (type === 1) checkpoints.push(p);
    else events.push(p);
    pos += size;
  }
  if (!metadata) throw new Error(`${source}: no metadata event`);
  let eventBytes = 0;
  for (const e of events) eventBytes += e.bytes.length;
  const copies = Math.max(1, Math.ceil(minBytes / eventBytes));

  // Checkpoints re-encoded with a 4-byte size and a 9-byte delta, so their sizes are known
  // before their places are.
  const cps = checkpoints.map((c) => {
    inp.pos = c.at;
    inp.end = c.at + c.bytes.length;
    inp.int(); // size
    const headStart = inp.pos;
    inp.long(); // type
    inp.long(); // start time
    inp.long(); // duration
    const head = src.subarray(headStart, inp.pos);
    const delta = inp.slong();
    const rest = src.subarray(inp.pos, c.at + c.bytes.length);
    return {
      old: c.at,
      target: c.at + delta,
      delta,
      head,
      rest,
      size: 4 + head.length + 9 + rest.length,
    };
  });
  const eventsStart = JFR_HEADER_SIZE;
  let at = eventsStart + copies * eventBytes;
  const newPos = new Map<number, number>();
  for (const c of cps) {
    newPos.set(c.old, at);
    at += c.size;
  }
  const metaAt = at;
  const total = at + metadata.bytes.length;
  const out = new Uint8Array(total);
  out.set(src.subarray(0, JFR_HEADER_SIZE), 0);
  let p = eventsStart;
  for (let k = 0; k < copies; k++) {
    for (const e of events) {
      out.set(e.bytes, p);
      p += e.bytes.length;
    }
  }
  for (const c of cps) {
    const delta = c.delta === 0 ? 0n : BigInt(newPos.get(c.target)! - newPos.get(c.old)!);
    out.set(padded(BigInt(c.size), 4), p);
    out.set(c.head, p + 4);
    out.set(padded(delta, 9), p + 4 + c.head.length);
    out.set(c.rest, p + 4 + c.head.length + 9);
    p += c.size;
  }
  out.set(metadata.bytes, p);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(8, BigInt(total));
  dv.setBigUint64(16, BigInt(newPos.get(h.constantPool)!));
  dv.setBigUint64(24, BigInt(metaAt));
  return out;
}

// AssemblyScript (not TypeScript): the pprof totals fast path's sample pass, compiled to
// WebAssembly by `npm run build:wasm` into src/profile/pprof/wasm/samples-wasm.ts (committed;
// CI rebuilds it and fails on a difference). src/profile/pprof/wasm/sample-pass.ts lays out
// the memory and calls it; src/profile/pprof/totals-sink.ts (TotalsSink.sample) holds the same
// counting in TypeScript for every sample this does not take.
//
// All arguments named like arrays are byte offsets into the imported memory:
//   buf        the uncompressed profile
//   idFn       i32 per location id: its function when the location has one line (>= 0),
//              -2 - location index when it has several, -1 when there is no such location
//   locStart   u32 per location index (+1): where its lines start in locNorm
//   locNorm    u32 per location line: its (normalized) function
//   stamp      i32 per function: the last sample that charged it
//   cum, self  f64 per function and sample type: [f * nTypes + t]
//   total, vals  f64 per sample type
//   state      i32 slots named in src/profile/pprof/wasm/state-layout.ts: sample counter
//              (the stamps), samples counted, samples without location, index of the next
//              sample, and, when it stopped at a sample it does not take: that sample's
//              [start, end) relative to buf, and 1
//
// sumRun walks a run of consecutive Sample fields, buf[from, to) (found by the reader's
// first pass), and stops after a sample it does not take. A sample is taken when it is one
// packed field of location ids with varints of up to four bytes, all in idFn, one packed field of exactly
// nTypes values with varints of up to five bytes, and labels made of varint fields 1-4.
// A sample it does not take leaves no trace: what it charged is taken back (exactly: the
// values are integers, so (a + v) - v == a below 2^53).

import {
  STATE_COUNTED,
  STATE_EMPTY,
  STATE_NEXT,
  STATE_STAMP,
  STATE_STOP_END,
  STATE_STOP_START,
  STATE_STOPPED,
} from '../src/profile/pprof/wasm/state-layout';

function b8(p: usize): u32 {
  return <u32>load<u8>(p);
}

function chargeAll(f: u32, st: i32, stamp: usize, cum: usize, vals: usize, nTypes: i32): void {
  const sp = stamp + ((<usize>f) << 2);
  if (load<i32>(sp) == st) return;
  store<i32>(sp, st);
  const cp = cum + ((<usize>f * <usize>nTypes) << 3);
  for (let t = 0; t < nTypes; t++) {
    const q = cp + ((<usize>t) << 3);
    store<f64>(q, load<f64>(q) + load<f64>(vals + ((<usize>t) << 3)));
  }
}

function unchargeAll(f: u32, st: i32, stamp: usize, cum: usize, vals: usize, nTypes: i32): void {
  const sp = stamp + ((<usize>f) << 2);
  if (load<i32>(sp) != st) return;
  store<i32>(sp, -1);
  const cp = cum + ((<usize>f * <usize>nTypes) << 3);
  for (let t = 0; t < nTypes; t++) {
    const q = cp + ((<usize>t) << 3);
    store<f64>(q, load<f64>(q) - load<f64>(vals + ((<usize>t) << 3)));
  }
}

/** Takes back the charges of sample stamp `st` made by the ids in [from, upto). */
function takeBack(
  from: usize,
  upto: usize,
  st: i32,
  idFn: usize,
  locStart: usize,
  locNorm: usize,
  stamp: usize,
  cum: usize,
  vals: usize,
  nTypes: i32,
): void {
  let pos = from;
  while (pos < upto) {
    let v: u32 = 0;
    for (let shift: u32 = 0; shift < 28; shift += 7) {
      const b = b8(pos++);
      v |= (b & 127) << shift;
      if (b < 128) break;
    }
    const f = load<i32>(idFn + ((<usize>v) << 2));
    if (f >= 0) {
      unchargeAll(<u32>f, st, stamp, cum, vals, nTypes);
    } else {
      const li = <usize>(-2 - f);
      const e = load<u32>(locStart + ((li + 1) << 2));
      for (let k = load<u32>(locStart + (li << 2)); k < e; k++) {
        unchargeAll(load<u32>(locNorm + ((<usize>k) << 2)), st, stamp, cum, vals, nTypes);
      }
    }
  }
}

export function sumRun(
  buf: usize,
  from: u32,
  to: u32,
  idFn: usize,
  denseLen: u32,
  locStart: usize,
  locNorm: usize,
  stamp: usize,
  cum: usize,
  self: usize,
  total: usize,
  vals: usize,
  nTypes: i32,
  state: usize,
): i32 {
  let c = load<i32>(state, STATE_STAMP << 2);
  let counted = load<i32>(state, STATE_COUNTED << 2);
  let empty = load<i32>(state, STATE_EMPTY << 2);
  let index = load<i32>(state, STATE_NEXT << 2);
  const two = nTypes == 2;
  const runEnd = buf + <usize>to;
  let next = buf + <usize>from;
  let start: usize = 0;
  let end: usize = 0;
  let stopped = false;
  while (next < runEnd) {
    // the Sample field: its tag (0x12, checked by the scan that found the run), its length
    let pos = next + 1;
    let b0 = b8(pos++);
    let n: u32 = b0 & 127;
    for (let shift: u32 = 7; b0 >= 128 && shift < 35; shift += 7) {
      b0 = b8(pos++);
      n |= (b0 & 127) << shift;
    }
    start = pos;
    end = pos + <usize>n;
    next = end;
    index++;
    const st = c;
    let locA: usize = 0;
    let locE: usize = 0;
    let hasLoc = false;
    let nVal = 0;
    let v0: f64 = 0;
    let v1: f64 = 0;
    let ok = true;
    // the sample's fields: values parsed, the span of the ids remembered, labels checked
    while (pos < end) {
      const tag = b8(pos++);
      if (pos >= end) {
        ok = false;
        break;
      }
      let len = b8(pos++);
      if (len >= 128) {
        if (pos >= end) {
          ok = false;
          break;
        }
        const b2 = b8(pos++);
        if (b2 >= 128) {
          ok = false;
          break;
        }
        len = (len & 127) | (b2 << 7);
      }
      const e = pos + <usize>len;
      if (e > end) {
        ok = false;
        break;
      }
      if (tag == 0x0a) {
        if (hasLoc) {
          ok = false;
          break;
        }
        hasLoc = true;
        locA = pos;
        locE = e;
        pos = e;
        continue;
      } else if (tag == 0x12) {
        while (pos < e) {
          let b = b8(pos++);
          let lo = b & 127;
          let v: f64 = 0;
          if (b >= 128) {
            b = b8(pos++);
            lo |= (b & 127) << 7;
            if (b >= 128) {
              b = b8(pos++);
              lo |= (b & 127) << 14;
              if (b >= 128) {
                b = b8(pos++);
                lo |= (b & 127) << 21;
                if (b >= 128) {
                  b = b8(pos++);
                  if (b >= 128) {
                    ok = false;
                    break;
                  }
                  v = <f64>b * 268435456.0;
                }
              }
            }
          }
          v += <f64>lo;
          if (two) {
            if (nVal == 0) v0 = v;
            else v1 = v;
          } else if (nVal < nTypes) {
            store<f64>(vals + ((<usize>nVal) << 3), v);
          }
          nVal++;
        }
        if (!ok) break;
      } else if (tag == 0x1a) {
        // a label: fields 1-4, all varints
        while (pos < e) {
          const t = b8(pos++);
          if (t != 0x08 && t != 0x10 && t != 0x18 && t != 0x20) {
            ok = false;
            break;
          }
          const q = pos;
          while (pos < e && b8(pos) >= 128) pos++;
          pos++;
          if (pos - q > 10) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
      } else {
        ok = false;
        break;
      }
      if (pos != e) {
        ok = false;
        break;
      }
    }
    if (!ok || nVal != nTypes) {
      stopped = true;
      break;
    }
    c++;
    if (locA == locE) {
      empty++; // no location at all
      continue;
    }
    if (two) {
      store<f64>(vals, v0); // for takeBack
      store<f64>(vals, v1, 8);
    }
    // walk the ids once, charging each function the first time the sample meets it
    let leaf: i32 = -1;
    let failed = false;
    let failAt: usize = 0;
    pos = locA;
    if (two) {
      // the common case, kept apart so that its loop stays small
      while (pos < locE) {
        const at = pos;
        let b = b8(pos++);
        let v = b & 127;
        if (b >= 128) {
          b = b8(pos++);
          v |= (b & 127) << 7;
          if (b >= 128) {
            b = b8(pos++);
            v |= (b & 127) << 14;
            if (b >= 128) {
              b = b8(pos++);
              v |= (b & 127) << 21;
              if (b >= 128) {
                failed = true;
                failAt = at;
                break;
              }
            }
          }
        }
        let f = v < denseLen ? load<i32>(idFn + ((<usize>v) << 2)) : -1;
        let k: u32 = 0;
        let e: u32 = 0;
        if (f < -1) {
          // several lines: charge them all, leaf first
          const li = <usize>(-2 - f);
          k = load<u32>(locStart + (li << 2));
          e = load<u32>(locStart + ((li + 1) << 2));
          f = load<i32>(locNorm + ((<usize>k) << 2));
        } else if (f == -1) {
          failed = true;
          failAt = at;
          break;
        }
        if (leaf < 0) leaf = f;
        while (true) {
          const sp = stamp + ((<usize>f) << 2);
          if (load<i32>(sp) != st) {
            store<i32>(sp, st);
            const cp = cum + ((<usize>f) << 4);
            store<f64>(cp, load<f64>(cp) + v0);
            store<f64>(cp, load<f64>(cp, 8) + v1, 8);
          }
          if (++k >= e) break;
          f = load<i32>(locNorm + ((<usize>k) << 2));
        }
      }
    } else {
      while (pos < locE) {
        const at = pos;
        let v: u32 = 0;
        let n = 0;
        let b: u32 = 128;
        for (; n < 4 && b >= 128; n++) {
          b = b8(pos++);
          v |= (b & 127) << (7 * n);
        }
        if (b >= 128) {
          failed = true;
          failAt = at;
          break;
        }
        const f = v < denseLen ? load<i32>(idFn + ((<usize>v) << 2)) : -1;
        if (f >= 0) {
          if (leaf < 0) leaf = f;
          chargeAll(<u32>f, st, stamp, cum, vals, nTypes);
        } else if (f == -1) {
          failed = true;
          failAt = at;
          break;
        } else {
          const li = <usize>(-2 - f);
          const e = load<u32>(locStart + ((li + 1) << 2));
          let k = load<u32>(locStart + (li << 2));
          if (leaf < 0) leaf = load<i32>(locNorm + ((<usize>k) << 2));
          for (; k < e; k++) {
            chargeAll(load<u32>(locNorm + ((<usize>k) << 2)), st, stamp, cum, vals, nTypes);
          }
        }
      }
    }
    if (!failed && pos != locE) {
      failed = true; // the last id crossed the end of the field (it was charged)
      failAt = pos;
    }
    if (failed) {
      takeBack(locA, failAt, st, idFn, locStart, locNorm, stamp, cum, vals, nTypes);
      c--;
      stopped = true;
      break;
    }
    counted++;
    const sp = self + ((<usize>leaf * <usize>nTypes) << 3);
    if (two) {
      store<f64>(sp, load<f64>(sp) + v0);
      store<f64>(sp, load<f64>(sp, 8) + v1, 8);
      store<f64>(total, load<f64>(total) + v0);
      store<f64>(total, load<f64>(total, 8) + v1, 8);
      continue;
    }
    for (let t = 0; t < nTypes; t++) {
      const x = load<f64>(vals + ((<usize>t) << 3));
      const q = sp + ((<usize>t) << 3);
      store<f64>(q, load<f64>(q) + x);
      const tq = total + ((<usize>t) << 3);
      store<f64>(tq, load<f64>(tq) + x);
    }
  }
  store<i32>(state, c, STATE_STAMP << 2);
  store<i32>(state, counted, STATE_COUNTED << 2);
  store<i32>(state, empty, STATE_EMPTY << 2);
  if (stopped) {
    // the caller decodes this sample, then calls again from its end
    store<i32>(state, index - 1, STATE_NEXT << 2);
    store<u32>(state, <u32>(start - buf), STATE_STOP_START << 2);
    store<u32>(state, <u32>(end - buf), STATE_STOP_END << 2);
    store<i32>(state, 1, STATE_STOPPED << 2);
    return <u32>(end - buf);
  }
  store<i32>(state, index, STATE_NEXT << 2);
  store<i32>(state, 0, STATE_STOPPED << 2);
  return to;
}

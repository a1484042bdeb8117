/**
 * speedscope JSON (https://www.speedscope.app/file-format-schema.json), sampled and evented.
 *
 * - Frames are keyed by name + file (`name (file)`), never by index, so duplicates merge and
 *   two functions with the same name in different files stay apart. The line is left out of
 *   the key: py-spy writes one frame per line, and a comparison is per function.
 * - Sampled: each sample is root -> leaf frame indices with one weight.
 * - Evented: an open-frame stack; the time between two consecutive events is charged to the
 *   stack open during it (self to the top frame, cum once to each distinct open frame, which
 *   aggregate() does from the stack). Time while nothing is open is not attributed.
 * - Profiles with the same unit are summed; each unit is its own sample type (a sample of one
 *   profile is 0 in the others' columns). The default type is the one of `activeProfileIndex`
 *   (or of the first profile).
 */
import { ProfileError, readerGuard } from './errors.js';
import { activeBudget } from './limits.js';
import { ProfileBuilder, type Profile, type ValueType } from './model.js';

const TIME_UNITS: Record<string, number> = {
  nanoseconds: 1,
  microseconds: 1e3,
  milliseconds: 1e6,
  seconds: 1e9,
};

function unitType(unit: string): ValueType | undefined {
  if (unit in TIME_UNITS) return { type: 'time', unit };
  if (unit === 'bytes') return { type: 'space', unit: 'bytes' };
  if (unit === 'none') return { type: 'samples', unit: 'count' };
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIndex(v: unknown, n: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;
}

export function readSpeedscope(json: unknown, file: string): Profile {
  return readerGuard(
    'speedscope',
    file,
    (m) => `malformed speedscope file (${m})`,
    () => decode(json, file),
  );
}

/** A prefix tree of open-frame stacks, so an evented profile costs O(events), not O(events x depth). */
class StackTrie {
  parent: number[] = [-1];
  frame: number[] = [-1];
  value: number[] = [0];
  private readonly children = new Map<string, number>();
  child(node: number, frame: number): number {
    const key = `${node}:${frame}`;
    let id = this.children.get(key);
    if (id === undefined) {
      id = this.parent.length;
      this.parent.push(node);
      this.frame.push(frame);
      this.value.push(0);
      this.children.set(key, id);
    }
    return id;
  }
}

function decode(json: unknown, file: string): Profile {
  const fail = (detail: string): never => {
    throw new ProfileError('speedscope', file, detail);
  };
  if (!isObject(json)) fail('a speedscope file must be a JSON object');
  const root = json as Record<string, unknown>;
  const shared = root['shared'];
  if (!isObject(shared) || !Array.isArray(shared['frames'])) fail('missing shared.frames');
  const rawFrames = (shared as Record<string, unknown>)['frames'] as unknown[];
  const profiles = root['profiles'];
  if (!Array.isArray(profiles)) fail('missing "profiles" (an array of profiles)');
  const list = profiles as unknown[];
  if (list.length === 0) fail('"profiles" is empty');

  const keys = rawFrames.map((f, i) => {
    if (!isObject(f) || typeof f['name'] !== 'string') {
      return fail(`shared.frames[${i}] has no "name" string`);
    }
    const fileName = f['file'];
    if (fileName !== undefined && fileName !== null && typeof fileName !== 'string') {
      return fail(`shared.frames[${i}].file is not a string`);
    }
    return fileName ? `${f['name']} (${fileName})` : f['name'];
  });
  const nFrames = keys.length;

  // One value column per unit.
  const sampleTypes: ValueType[] = [];
  const columnOfUnit = new Map<string, number>();
  const profileColumn: number[] = [];
  list.forEach((p, pi) => {
    if (!isObject(p)) return fail(`profiles[${pi}] is not an object`);
    const unit = p['unit'];
    const t = typeof unit === 'string' ? unitType(unit) : undefined;
    if (!t) {
      return fail(
        `profiles[${pi}] has unit ${JSON.stringify(unit)}; expected none, nanoseconds, microseconds, milliseconds, seconds or bytes`,
      );
    }
    let col = columnOfUnit.get(unit as string);
    if (col === undefined) {
      col = sampleTypes.length;
      sampleTypes.push(t);
      columnOfUnit.set(unit as string, col);
    }
    profileColumn.push(col);
  });

  const builder = new ProfileBuilder(sampleTypes);
  const budget = activeBudget();
  const fid = new Int32Array(nFrames).fill(-1);
  const frameId = (i: number): number => {
    if (fid[i] < 0) fid[i] = builder.fn(keys[i]);
    return fid[i];
  };
  const values = new Float64Array(sampleTypes.length);
  const stack: number[] = [];
  let emptyStacks = 0;
  let magnitude = 0;

  list.forEach((raw, pi) => {
    const p = raw as Record<string, unknown>;
    const what = `profiles[${pi}]${typeof p['name'] === 'string' ? ` ("${p['name']}")` : ''}`;
    const col = profileColumn[pi];
    if (p['type'] === 'sampled') {
      const samples = p['samples'];
      const weights = p['weights'];
      if (!Array.isArray(samples)) return fail(`${what}: "samples" is not an array`);
      if (!Array.isArray(weights)) return fail(`${what}: "weights" is not an array`);
      if (weights.length !== samples.length) {
        return fail(
          `${what}: weights.length (${weights.length}) != samples.length (${samples.length})`,
        );
      }
      for (let i = 0; i < samples.length; i++) {
        const s = samples[i] as unknown;
        const w = weights[i] as unknown;
        if (!Array.isArray(s))
          return fail(`${what}: samples[${i}] is not an array of frame indices`);
        if (typeof w !== 'number' || !Number.isFinite(w)) {
          return fail(`${what}: weights[${i}] is not a finite number`);
        }
        if (w < 0) return fail(`${what}: weights[${i}] is negative (${w})`);
        stack.length = 0;
        for (let k = s.length - 1; k >= 0; k--) {
          const f = s[k] as unknown;
          if (!isIndex(f, nFrames)) {
            return fail(
              `${what}: samples[${i}][${k}] = ${JSON.stringify(f)} is not a frame index (there are ${nFrames} frames)`,
            );
          }
          stack.push(frameId(f));
        }
        if (w === 0) continue;
        if (stack.length === 0) {
          emptyStacks++;
          continue;
        }
        values.fill(0);
        values[col] = w;
        magnitude += w;
        builder.add(stack, values);
      }
    } else if (p['type'] === 'evented') {
      const events = p['events'];
      if (!Array.isArray(events)) return fail(`${what}: "events" is not an array`);
      const trie = new StackTrie();
      const open: number[] = []; // frame indices, root first
      const nodes: number[] = [0]; // trie node of each open depth
      let last = 0;
      for (let i = 0; i < events.length; i++) {
        const e = events[i] as unknown;
        if (!isObject(e)) return fail(`${what}: events[${i}] is not an object`);
        const at = e['at'];
        const frame = e['frame'];
        const type = e['type'];
        if (typeof at !== 'number' || !Number.isFinite(at)) {
          return fail(`${what}: events[${i}].at is not a finite number`);
        }
        if (!isIndex(frame, nFrames)) {
          return fail(
            `${what}: events[${i}].frame = ${JSON.stringify(frame)} is not a frame index (there are ${nFrames} frames)`,
          );
        }
        if (i > 0) {
          if (at < last) {
            return fail(
              `${what}: events[${i}].at (${at}) is before the previous event's (${last}): events must be in time order`,
            );
          }
          const delta = at - last;
          if (delta > 0 && open.length > 0) trie.value[nodes[nodes.length - 1]] += delta;
        }
        last = at;
        if (type === 'O') {
          // refuse a nesting deeper than the stack limit here, before any stack is built
          budget.depth(open.length + 1);
          open.push(frame);
          nodes.push(trie.child(nodes[nodes.length - 1], frame));
        } else if (type === 'C') {
          if (open.length === 0) {
            return fail(
              `${what}: events[${i}] closes frame ${frame} ("${keys[frame]}") but no frame is open`,
            );
          }
          const top = open[open.length - 1];
          if (top !== frame) {
            return fail(
              `${what}: events[${i}] closes frame ${frame} ("${keys[frame]}") but the innermost open frame is ${top} ("${keys[top]}")`,
            );
          }
          open.pop();
          nodes.pop();
        } else {
          return fail(`${what}: events[${i}].type is ${JSON.stringify(type)}, expected "O" or "C"`);
        }
      }
      if (open.length > 0) {
        const f = open[open.length - 1];
        return fail(
          `${what}: ${open.length} frame${open.length === 1 ? ' is' : 's are'} still open after the last event (innermost: ${f} "${keys[f]}")`,
        );
      }
      for (let n = 1; n < trie.parent.length; n++) {
        const v = trie.value[n];
        if (v === 0) continue;
        stack.length = 0;
        for (let m = n; m > 0; m = trie.parent[m]) stack.push(frameId(trie.frame[m]));
        values.fill(0);
        values[col] = v;
        magnitude += v;
        builder.add(stack, values);
      }
    } else {
      return fail(`${what}: type is ${JSON.stringify(p['type'])}, expected "sampled" or "evented"`);
    }
  });
  if (!Number.isFinite(magnitude)) fail('the weights add up to more than a double can hold');

  const active = root['activeProfileIndex'];
  const defaultProfile = isIndex(active, list.length) ? active : 0;
  const defaultSampleType = profileColumn[defaultProfile];
  const unit = (list[defaultProfile] as Record<string, unknown>)['unit'] as string;
  let durationNanos = 0;
  if (unit in TIME_UNITS) {
    let start = Infinity;
    let end = -Infinity;
    list.forEach((raw, pi) => {
      const p = raw as Record<string, unknown>;
      if (profileColumn[pi] !== defaultSampleType) return;
      const s = p['startValue'];
      const e = p['endValue'];
      if (
        typeof s === 'number' &&
        typeof e === 'number' &&
        Number.isFinite(s) &&
        Number.isFinite(e)
      ) {
        start = Math.min(start, s);
        end = Math.max(end, e);
      }
    });
    const d = (end - start) * TIME_UNITS[unit];
    if (Number.isFinite(d) && d > 0) durationNanos = Math.round(d);
  }

  const warnings: string[] = [];
  if (emptyStacks > 0) {
    warnings.push(
      `dropped ${emptyStacks} sample${emptyStacks === 1 ? '' : 's'} with an empty stack`,
    );
  }
  if (list.length > 1) {
    warnings.push(
      `${list.length} profiles in one file: profiles with the same unit were summed` +
        (sampleTypes.length > 1
          ? `; ${sampleTypes.length} units give ${sampleTypes.length} sample types`
          : ''),
    );
  }
  const name = root['name'];
  return builder.build({
    format: 'speedscope',
    defaultSampleType,
    period: 0,
    durationNanos,
    timeNanos: 0,
    comments: typeof name === 'string' && name !== '' ? [name] : [],
    warnings,
  });
}

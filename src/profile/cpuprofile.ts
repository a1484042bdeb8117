/**
 * Chrome DevTools / Node.js `.cpuprofile` (the Profiler.Profile of the DevTools protocol):
 * `{nodes, startTime, endTime, samples, timeDeltas}` (times in microseconds), and the legacy
 * V8 shape `{head, startTime, endTime, samples, timestamps}` (a node tree, start/end in
 * seconds, absolute sample timestamps in microseconds).
 *
 * - Stack of a sample: the sampled node then its ancestors, without `(root)`.
 * - Two sample types: `samples/count` and `wall/microseconds` (default). Each sample is
 *   charged the interval to the next sample; the last one `endTime - t_last`; negative
 *   intervals are clamped to 0.
 * - `samples` is preferred; per-node `hitCount` is used only when `samples` is absent.
 * - `(idle)` samples are dropped (their count and time are noted in `comments`: an idle
 *   JavaScript thread is normal).
 * - Frame names: `fn (url)` (`file://` stripped), `(anonymous) (url:LINE:COL)` 1-based for
 *   anonymous functions, just `fn` when the url is empty (natives, builtins, pseudo nodes like
 *   `(program)` and `(garbage collector)`).
 * - Chrome trace-event files (`[...]` / `{traceEvents}` with ProfileChunk events) are rejected.
 */
import { ProfileError, readerGuard } from './errors.js';
import { activeBudget } from './limits.js';
import { CHROME_TRACE, unsupportedDetail } from './formats.js';
import { ProfileBuilder, type Profile } from './model.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface Node {
  id: number;
  frame: CallFrame;
  hitCount: number;
  children: number[];
  parent?: number;
}

/** The function key of a call frame (see the header comment). */
export function cpuprofileFrameName(cf: CallFrame): string {
  const fn = cf.functionName;
  const url = cf.url.startsWith('file://') ? cf.url.slice('file://'.length) : cf.url;
  if (fn === '') {
    if (cf.lineNumber < 0) return url ? `(anonymous) (${url})` : '(anonymous)';
    const col = cf.columnNumber >= 0 ? `:${cf.columnNumber + 1}` : '';
    return `(anonymous) (${url}:${cf.lineNumber + 1}${col})`;
  }
  return url ? `${fn} (${url})` : fn;
}

export function readCpuprofile(json: unknown, file: string): Profile {
  return readerGuard(
    'cpuprofile',
    file,
    (m) => `malformed .cpuprofile (${m})`,
    () => decode(json, file),
  );
}

function callFrameOf(o: Record<string, unknown>): CallFrame {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const n = (v: unknown) => (isFiniteNumber(v) ? v : -1);
  return {
    functionName: s(o['functionName']),
    url: s(o['url']),
    lineNumber: n(o['lineNumber']),
    columnNumber: n(o['columnNumber']),
  };
}

/** Throws the ProfileError of a malformed .cpuprofile. */
type Fail = (detail: string) => never;

function decode(json: unknown, file: string): Profile {
  const fail: Fail = (detail) => {
    throw new ProfileError('cpuprofile', file, detail);
  };
  const profile = profileObject(json, fail);
  const legacy = isObject(profile['head']);
  const warnings: string[] = [];
  const nodes = legacy ? flattenHead(profile['head'], fail) : readNodes(profile['nodes'], fail);
  if (nodes.length === 0) return fail('the profile has no nodes');
  const index = indexNodes(nodes, fail);
  const parent = linkParents(nodes, index, fail);
  checkNoCycle(nodes, parent, fail);
  // refuse a tree deeper than the stack limit before any stack is built
  // ((root) is not a frame of the stacks: one level less)
  activeBudget().depth(maxDepth(parent) - 1);

  const builder = new ProfileBuilder([
    { type: 'samples', unit: 'count' },
    { type: 'wall', unit: 'microseconds' },
  ]);
  const samples = profile['samples'];
  const charges = Array.isArray(samples)
    ? chargeSamples(profile, samples, legacy, index, nodes.length, warnings, fail)
    : chargeHitCounts(profile, nodes, legacy, warnings, fail);
  const added = addStacks(builder, nodes, parent, charges);
  if (!Number.isFinite(added.magnitude)) {
    fail('the sample values add up to more than a double can hold');
  }
  // (idle) is the JavaScript thread waiting: normal in a service, so a comment, not a warning
  const comments = added.idleCount > 0 ? [idleNote(added)] : [];
  warnings.push(...droppedWarnings(added));
  let duration = charges.durationMicros * 1000;
  if (!Number.isFinite(duration) || duration < 0) {
    warnings.push(
      `ignored the capture duration: endTime - startTime is ${charges.durationMicros} µs`,
    );
    duration = 0;
  }
  return builder.build({
    format: 'cpuprofile',
    defaultSampleType: 1,
    period: 0,
    durationNanos: Math.round(duration),
    timeNanos: 0,
    comments,
    warnings,
  });
}

/** The profile's top-level object; trace-event files are told apart and rejected. */
function profileObject(json: unknown, fail: Fail): Record<string, unknown> {
  if (Array.isArray(json) || (isObject(json) && Array.isArray(json['traceEvents']))) {
    fail(unsupportedDetail(CHROME_TRACE));
  }
  if (!isObject(json)) return fail('a .cpuprofile must be a JSON object');
  return json;
}

/** The nodes of the legacy shape's `head` tree, parents before children. */
function flattenHead(head: unknown, fail: Fail): Node[] {
  const nodes: Node[] = [];
  const todo: [unknown, number | undefined][] = [[head, undefined]];
  while (todo.length > 0) {
    const [raw, parent] = todo.pop()!;
    if (!isObject(raw)) return fail('a node of the "head" tree is not an object');
    const id = raw['id'];
    if (typeof id !== 'number' || !Number.isInteger(id)) {
      return fail(`a node of the "head" tree has no integer id`);
    }
    const children = raw['children'] ?? [];
    if (!Array.isArray(children)) return fail(`node ${id}: "children" is not an array`);
    nodes.push({
      id,
      frame: callFrameOf(isObject(raw['callFrame']) ? raw['callFrame'] : raw),
      hitCount: isFiniteNumber(raw['hitCount']) ? raw['hitCount'] : 0,
      children: [],
      parent,
    });
    for (let i = children.length - 1; i >= 0; i--) todo.push([children[i], id]);
    if (nodes.length > 10_000_000) return fail('too many nodes');
  }
  return nodes;
}

/** The `nodes` array of the DevTools shape. */
function readNodes(rawNodes: unknown, fail: Fail): Node[] {
  if (!Array.isArray(rawNodes)) return fail('missing "nodes" (an array of profile nodes)');
  const nodes: Node[] = [];
  rawNodes.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) return fail(`nodes[${i}] is not an object`);
    const id = raw['id'];
    if (typeof id !== 'number' || !Number.isInteger(id))
      return fail(`nodes[${i}] has no integer id`);
    if (!isObject(raw['callFrame'])) return fail(`node ${id} has no callFrame`);
    const children = raw['children'] ?? [];
    if (!Array.isArray(children)) return fail(`node ${id}: "children" is not an array`);
    const kids: number[] = [];
    for (const c of children as unknown[]) {
      if (typeof c !== 'number' || !Number.isInteger(c)) {
        return fail(`node ${id}: children contains ${JSON.stringify(c)}, not a node id`);
      }
      kids.push(c);
    }
    const parent = raw['parent'];
    nodes.push({
      id,
      frame: callFrameOf(raw['callFrame']),
      hitCount: isFiniteNumber(raw['hitCount']) ? raw['hitCount'] : 0,
      children: kids,
      parent: typeof parent === 'number' && Number.isInteger(parent) ? parent : undefined,
    });
  });
  return nodes;
}

/** Node id -> index in `nodes`; ids must be unique. */
function indexNodes(nodes: Node[], fail: Fail): Map<number, number> {
  const index = new Map<number, number>();
  nodes.forEach((n, i) => {
    if (index.has(n.id)) fail(`node id ${n.id} appears twice`);
    index.set(n.id, i);
  });
  return index;
}

/** Parent index of every node (-1 for none), from `children` and `parent`: they must agree. */
function linkParents(nodes: Node[], index: Map<number, number>, fail: Fail): Int32Array {
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    if (n.parent !== undefined) {
      const p = index.get(n.parent);
      if (p === undefined) fail(`node ${n.id} has parent ${n.parent}, which does not exist`);
      parent[i] = p!;
    }
  });
  nodes.forEach((n, i) => {
    for (const c of n.children) {
      const ci = index.get(c);
      if (ci === undefined) return fail(`node ${n.id} has child ${c}, which does not exist`);
      if (parent[ci] >= 0 && parent[ci] !== i) {
        return fail(`node ${c} has two parents (${nodes[parent[ci]].id} and ${n.id})`);
      }
      parent[ci] = i;
    }
  });
  return parent;
}

/** Every node must reach a parentless node. */
function checkNoCycle(nodes: Node[], parent: Int32Array, fail: Fail): void {
  const state = new Uint8Array(nodes.length); // 0 unknown, 1 on the current walk, 2 fine
  for (let i = 0; i < nodes.length; i++) {
    let k = i;
    const walk: number[] = [];
    while (k >= 0 && state[k] === 0) {
      state[k] = 1;
      walk.push(k);
      k = parent[k];
    }
    if (k >= 0 && state[k] === 1) fail(`the node tree has a cycle through node ${nodes[k].id}`);
    for (const w of walk) state[w] = 2;
  }
}

/** The depth of the deepest node (a root is 1), in one pass: each depth is computed once. */
function maxDepth(parent: Int32Array): number {
  const depth = new Int32Array(parent.length);
  const walk: number[] = [];
  let max = 0;
  for (let i = 0; i < parent.length; i++) {
    let k = i;
    while (k >= 0 && depth[k] === 0) {
      walk.push(k);
      k = parent[k];
    }
    let d = k >= 0 ? depth[k] : 0;
    while (walk.length > 0) depth[walk.pop()!] = ++d;
    if (d > max) max = d;
  }
  return max;
}

/** Per-node totals of the samples that ended in it, and the capture's duration. */
interface Charges {
  count: Float64Array;
  wall: Float64Array;
  durationMicros: number;
}

/** When the samples were taken: `at` per sample (undefined: not known), and the end. */
interface SampleTimes {
  at: Float64Array | undefined;
  end: number;
  durationMicros: number;
}

/** Charges from `samples`: each sample the interval to the next (the last: to the end). */
function chargeSamples(
  profile: Record<string, unknown>,
  samples: unknown[],
  legacy: boolean,
  index: Map<number, number>,
  nNodes: number,
  warnings: string[],
  fail: Fail,
): Charges {
  const n = samples.length;
  const sampleNode = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = samples[i];
    const ni = typeof id === 'number' ? index.get(id) : undefined;
    if (ni === undefined) return fail(`samples[${i}] = ${JSON.stringify(id)} is not a node id`);
    sampleNode[i] = ni;
  }
  const { at, end, durationMicros } = legacy
    ? timestampTimes(profile, n, fail)
    : deltaTimes(profile, n, warnings, fail);
  const count = new Float64Array(nNodes);
  const wall = new Float64Array(nNodes);
  const even = n > 0 ? Math.max(0, durationMicros) / n : 0;
  for (let i = 0; i < n; i++) {
    let w: number;
    if (!at) w = even;
    else w = (i + 1 < n ? at[i + 1] : end) - at[i];
    if (!(w > 0)) w = 0;
    count[sampleNode[i]] += 1;
    wall[sampleNode[i]] += w;
  }
  return { count, wall, durationMicros };
}

/** Sample times of the legacy shape: absolute `timestamps` in microseconds. */
function timestampTimes(profile: Record<string, unknown>, n: number, fail: Fail): SampleTimes {
  const ts = profile['timestamps'];
  if (!Array.isArray(ts)) return fail('legacy profile without "timestamps"');
  // Normally one timestamp per sample; some converters put the start time first.
  const skip = ts.length === n + 1 ? 1 : 0;
  if (ts.length !== n && skip === 0) {
    return fail(`timestamps.length (${ts.length}) does not match samples.length (${n})`);
  }
  for (let i = 0; i < ts.length; i++) {
    if (!isFiniteNumber(ts[i])) return fail(`timestamps[${i}] is not a finite number`);
  }
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = ts[i + skip] as number;
  // Legacy start/end are in seconds (often whole seconds): too coarse for the duration,
  // so the duration is the span of the timestamps.
  const durationMicros =
    ts.length > 0 ? Math.max(0, (ts[ts.length - 1] as number) - (ts[0] as number)) : 0;
  let end = n > 0 ? at[n - 1] : 0;
  const endTime = profile['endTime'];
  if (isFiniteNumber(endTime)) {
    const t0 = n > 0 ? at[0] : 0;
    const asSeconds = Math.abs(endTime * 1e6 - t0) < Math.abs(endTime - t0);
    end = asSeconds ? endTime * 1e6 : endTime;
  }
  return { at, end, durationMicros };
}

/** Sample times of the DevTools shape: `timeDeltas` from startTime (microseconds). */
function deltaTimes(
  profile: Record<string, unknown>,
  n: number,
  warnings: string[],
  fail: Fail,
): SampleTimes {
  const startTime = profile['startTime'];
  const endTime = profile['endTime'];
  if (!isFiniteNumber(startTime) || !isFiniteNumber(endTime)) {
    return fail('"startTime" and "endTime" must be numbers (microseconds)');
  }
  const durationMicros = endTime - startTime;
  const deltas = profile['timeDeltas'];
  if (!Array.isArray(deltas)) {
    if (n > 0) {
      warnings.push('no "timeDeltas": wall time spread evenly over the samples');
    }
    return { at: undefined, end: endTime, durationMicros };
  }
  if (deltas.length !== n) {
    return fail(`timeDeltas.length (${deltas.length}) does not match samples.length (${n})`);
  }
  const at = new Float64Array(n);
  let t = startTime;
  for (let i = 0; i < n; i++) {
    const d = deltas[i] as unknown;
    if (!isFiniteNumber(d)) return fail(`timeDeltas[${i}] is not a finite number`);
    t += d;
    at[i] = t;
  }
  return { at, end: endTime, durationMicros };
}

/** Charges from per-node `hitCount` (no `samples`): wall time spread evenly over the hits. */
function chargeHitCounts(
  profile: Record<string, unknown>,
  nodes: Node[],
  legacy: boolean,
  warnings: string[],
  fail: Fail,
): Charges {
  const startTime = profile['startTime'];
  const endTime = profile['endTime'];
  if (!legacy && (!isFiniteNumber(startTime) || !isFiniteNumber(endTime))) {
    return fail('"startTime" and "endTime" must be numbers (microseconds)');
  }
  let hits = 0;
  nodes.forEach((nd) => {
    if (nd.hitCount < 0) fail(`node ${nd.id} has a negative hitCount`);
    hits += nd.hitCount;
  });
  const durationMicros = legacy ? 0 : (endTime as number) - (startTime as number);
  const per = hits > 0 ? Math.max(0, durationMicros) / hits : 0;
  const count = new Float64Array(nodes.length);
  const wall = new Float64Array(nodes.length);
  nodes.forEach((nd, i) => {
    count[i] = nd.hitCount;
    wall[i] = nd.hitCount * per;
  });
  if (hits > 0)
    warnings.push('no "samples": counts come from hitCount, wall time spread evenly over them');
  return { count, wall, durationMicros };
}

/** What addStacks left out, and the sum of what it added (to check it is finite). */
interface Added {
  idleCount: number;
  idleWall: number;
  rootCount: number;
  magnitude: number;
}

/**
 * Adds the stack of every node with charges to the builder: the node then its ancestors,
 * without `(root)`; `(idle)` nodes and stacks of only `(root)` are left out.
 */
function addStacks(
  builder: ProfileBuilder,
  nodes: Node[],
  parent: Int32Array,
  { count, wall }: Charges,
): Added {
  const names = nodes.map((n) => cpuprofileFrameName(n.frame));
  const isRoot = names.map((name, i) => name === '(root)' && nodes[i].frame.url === '');
  const isIdle = names.map((name) => name === '(idle)');
  let idleCount = 0;
  let idleWall = 0;
  let rootCount = 0;
  let magnitude = 0;
  const stack: number[] = [];
  const fid = new Int32Array(nodes.length).fill(-1);
  const values = new Float64Array(2);
  for (let i = 0; i < nodes.length; i++) {
    if (count[i] === 0 && wall[i] === 0) continue;
    if (isIdle[i]) {
      idleCount += count[i];
      idleWall += wall[i];
      continue;
    }
    stack.length = 0;
    for (let k = i; k >= 0; k = parent[k]) {
      if (isRoot[k]) continue;
      if (fid[k] < 0) fid[k] = builder.fn(names[k]);
      stack.push(fid[k]);
    }
    if (stack.length === 0) {
      rootCount += count[i];
      continue;
    }
    values[0] = count[i];
    values[1] = wall[i];
    magnitude += count[i] + wall[i];
    builder.add(stack, values);
  }
  return { idleCount, idleWall, rootCount, magnitude };
}

/** What addStacks left out as (idle). */
function idleNote({ idleCount, idleWall }: Added): string {
  return `dropped ${idleCount} (idle) sample${idleCount === 1 ? '' : 's'} (${Math.round(idleWall)} µs of wall time)`;
}

/** The warnings for the samples addStacks left out with no stack. */
function droppedWarnings({ rootCount }: Added): string[] {
  const warnings: string[] = [];
  if (rootCount > 0) {
    warnings.push(
      `dropped ${rootCount} sample${rootCount === 1 ? '' : 's'} taken at (root), with no stack`,
    );
  }
  return warnings;
}

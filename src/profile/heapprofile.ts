/**
 * Chrome DevTools / Node.js `.heapprofile`: the sampling heap profile of the DevTools protocol
 * (`HeapProfiler.stopSampling`, DevTools > Memory > Allocation sampling > Save):
 *
 *     { head: { callFrame, selfSize, id, children: [...] }, samples: [{ size, nodeId, ordinal }] }
 *
 * - `head` is the call tree; each node's `selfSize` is the bytes allocated in that function
 *   (sampled and scaled up by V8), excluding its callees.
 * - Sample types: `alloc_space/bytes` (selfSize, the default) and, when the profile lists its
 *   `samples`, `samples/count` (the sampled allocations per node). Samples of nodes missing from
 *   the tree (V8 writes some now and then) are dropped with a warning.
 * - What `alloc_space` covers depends on how it was recorded: with
 *   `includeObjectsCollectedByMajorGC`/`MinorGC` (as `capture --profiler node --type allocs`
 *   records) every sampled allocation; without them only what was still alive at the stop.
 * - Frame names as in .cpuprofile (`fn (url)`, `(anonymous) (url:LINE:COL)`); `(root)` is not a
 *   frame.
 */
import { cpuprofileFrameName } from './cpuprofile.js';
import { ProfileError, readerGuard } from './errors.js';
import { ProfileBuilder, type Profile } from './model.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when `json` has the shape of a sampling heap profile. */
export function looksLikeHeapProfile(json: unknown): boolean {
  if (!isObject(json) || !isObject(json['head'])) return false;
  const head = json['head'];
  return 'selfSize' in head && isObject(head['callFrame']) && !('timestamps' in json);
}

export function readHeapProfile(json: unknown, file: string): Profile {
  return readerGuard(
    'heapprofile',
    file,
    (m) => `malformed .heapprofile (${m})`,
    () => decode(json, file),
  );
}

interface Node {
  name: number;
  parent: number;
  selfSize: number;
  depth: number;
}

const MAX_NODES = 10_000_000;
/** Frames over all stacks (each node's stack is its depth): bounds the work on deep trees. */
const MAX_FRAMES = 100_000_000;

function decode(json: unknown, file: string): Profile {
  const fail = (detail: string): never => {
    throw new ProfileError('heapprofile', file, detail);
  };
  if (!isObject(json) || !isObject(json['head'])) return fail('no "head" node');
  const builder = new ProfileBuilder([]);
  const nodes: Node[] = [];
  const byId = new Map<number, number>();
  // Iterative walk of the tree: [raw node, parent index].
  const todo: [unknown, number][] = [[json['head'], -1]];
  while (todo.length > 0) {
    const [raw, parent] = todo.pop()!;
    if (!isObject(raw)) return fail('a node of the "head" tree is not an object');
    const id = raw['id'];
    if (typeof id !== 'number' || !Number.isInteger(id)) return fail('a node has no integer id');
    if (byId.has(id)) return fail(`node id ${id} appears twice`);
    const cf = raw['callFrame'];
    if (!isObject(cf)) return fail(`node ${id} has no callFrame`);
    const selfSize = raw['selfSize'] ?? 0;
    if (typeof selfSize !== 'number' || !Number.isFinite(selfSize) || selfSize < 0) {
      return fail(`node ${id}: selfSize ${JSON.stringify(selfSize)} is not a size in bytes`);
    }
    const frame = {
      functionName: typeof cf['functionName'] === 'string' ? cf['functionName'] : '',
      url: typeof cf['url'] === 'string' ? cf['url'] : '',
      lineNumber: typeof cf['lineNumber'] === 'number' ? cf['lineNumber'] : -1,
      columnNumber: typeof cf['columnNumber'] === 'number' ? cf['columnNumber'] : -1,
    };
    const isRoot = parent < 0 && frame.functionName === '(root)' && frame.url === '';
    byId.set(id, nodes.length);
    nodes.push({
      name: isRoot ? -1 : builder.fn(cpuprofileFrameName(frame)),
      parent,
      selfSize,
      depth: parent < 0 ? 1 : nodes[parent].depth + 1,
    });
    if (nodes.length > MAX_NODES) return fail('too many nodes');
    const children = raw['children'] ?? [];
    if (!Array.isArray(children)) return fail(`node ${id}: "children" is not an array`);
    const self = nodes.length - 1;
    for (let i = children.length - 1; i >= 0; i--) todo.push([children[i], self]);
  }

  const rawSamples = json['samples'];
  let counts: Float64Array | undefined;
  let orphans = 0;
  if (rawSamples !== undefined) {
    if (!Array.isArray(rawSamples)) return fail('"samples" is not an array');
    counts = new Float64Array(nodes.length);
    rawSamples.forEach((s: unknown, i: number) => {
      if (!isObject(s) || typeof s['nodeId'] !== 'number') {
        return fail(`samples[${i}] has no nodeId`);
      }
      const k = byId.get(s['nodeId']);
      // V8 now and then lists samples of nodes it left out of the tree (seen with the objects
      // the GC collected included): their bytes are not in any selfSize either.
      if (k === undefined) orphans++;
      else counts![k]++;
    });
  }

  const types = [{ type: 'alloc_space', unit: 'bytes' }];
  if (counts) types.push({ type: 'samples', unit: 'count' });
  const out = new ProfileBuilder(types);
  const warnings: string[] = [];
  const values = new Float64Array(types.length);
  const stack: number[] = [];
  let rootBytes = 0;
  let total = 0;
  let frames = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const c = counts ? counts[i] : 0;
    if (n.selfSize === 0 && c === 0) continue;
    frames += n.depth;
    if (frames > MAX_FRAMES) fail(`the call tree is too deep (more than ${MAX_FRAMES} frames)`);
    stack.length = 0;
    for (let k = i; k >= 0; k = nodes[k].parent) {
      if (nodes[k].name >= 0) stack.push(out.fn(builder.functions[nodes[k].name]));
    }
    if (stack.length === 0) {
      rootBytes += n.selfSize;
      continue;
    }
    values[0] = n.selfSize;
    if (counts) values[1] = c;
    total += n.selfSize + c;
    out.add(stack, values);
  }
  if (!Number.isFinite(total)) fail('the sizes add up to more than a double can hold');
  if (rootBytes > 0) warnings.push(`dropped ${rootBytes} bytes charged to (root), with no stack`);
  if (orphans > 0) {
    warnings.push(
      `dropped ${orphans} sample${orphans === 1 ? '' : 's'} of nodes that are not in the tree`,
    );
  }
  return out.build({
    format: 'heapprofile',
    defaultSampleType: 0,
    period: 0,
    durationNanos: 0,
    timeNanos: 0,
    comments: [],
    warnings,
  });
}

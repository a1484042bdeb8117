/** Attaches the profiler a run asks for to one process. */
import { attachJfr } from './jfr.js';
import { attachNode } from './node.js';
import { attachPerf } from './perf.js';
import type { AttachedProfiler, AttachOptions } from './profiler.js';

export function attachProfiler(o: AttachOptions): Promise<AttachedProfiler> {
  switch (o.name) {
    case 'node':
      return attachNode(o);
    case 'jfr':
      return attachJfr(o);
    case 'perf':
      return attachPerf(o);
  }
}

/** One readable sentence per tested function: what changed, how sure we are, and the budget. */
import type { ValueType } from '../profile/model.js';
import { formatValue } from '../util/format.js';
import type { FunctionDelta, Metric } from './types.js';

const TYPE_LABELS: Record<string, string> = {
  cpu: 'CPU',
  samples: 'samples',
  sample: 'samples',
  wall: 'wall time',
  time: 'time',
  alloc_space: 'alloc-space',
  alloc_objects: 'alloc-objects',
  inuse_space: 'inuse-space',
  inuse_objects: 'inuse-objects',
  space: 'space',
  objects: 'objects',
  delay: 'delay',
  contentions: 'contentions',
  goroutine: 'goroutines',
};

export function typeLabel(type: ValueType): string {
  return TYPE_LABELS[type.type] ?? type.type;
}

export function metricLabel(metric: Metric, type: ValueType): string {
  const t = typeLabel(type);
  if (metric === 'per-unit') return `${t} per request`;
  return `${metric}-${t}`;
}

/** `+6.2pp`, `-0.3pp` */
export function signed(x: number, digits = 1, suffix = 'pp'): string {
  if (!Number.isFinite(x)) return x > 0 ? '+inf' : '-inf';
  const r = Number(x.toFixed(digits));
  return `${r >= 0 ? '+' : ''}${r.toFixed(digits)}${suffix}`;
}

export function share(x: number, digits = 1): string {
  return `${x.toFixed(digits)}%`;
}

export function ciText(fd: FunctionDelta, suffix = 'pp'): string {
  if (!Number.isFinite(fd.ciLowPp) || !Number.isFinite(fd.ciHighPp)) return 'CI unknown';
  return `${signed(fd.ciLowPp, 1, '')}..${signed(fd.ciHighPp, 1, suffix)}`;
}

export function describeDelta(
  fd: FunctionDelta,
  type: ValueType,
  confidence: number,
  unitName: string,
): string {
  const conf = `${Math.round(confidence * 1000) / 10}% CI`;
  if (fd.metric === 'per-unit') {
    const t = typeLabel(type);
    const verb = fd.deltaPp >= 0 ? 'grew' : 'shrank';
    const core = `${t} per ${unitName} ${verb} ${signed(fd.deltaPp, 1, '%')} (${formatValue(fd.baselineShare, type.unit)} -> ${formatValue(fd.canaryShare, type.unit)} per ${unitName}, ${conf} ${ciText(fd, '%')})`;
    return withStatus(core, fd, '%');
  }
  const label = metricLabel(fd.metric, type);
  const verb = fd.deltaPp >= 0 ? 'grew' : 'shrank';
  const from = fd.inBaseline ? share(fd.baselineShare) : `${share(fd.baselineShare)}, new`;
  const to = fd.inCanary ? share(fd.canaryShare) : `${share(fd.canaryShare)}, vanished`;
  const core = `${fd.function} ${label} ${verb} ${signed(fd.deltaPp).replace(/^[+-]/, '')} (${from} -> ${to}, ${conf} ${ciText(fd)})`;
  return withStatus(core, fd, 'pp');
}

function withStatus(core: string, fd: FunctionDelta, unit: string): string {
  const b = fd.budget;
  const budgetText =
    b.pp !== undefined
      ? `the ${trim(b.pp)}${unit} budget${b.source.startsWith('config') ? ` (${b.source})` : ''}`
      : 'the budget';
  switch (fd.status) {
    case 'regression':
      if (b.ratio !== undefined && !(fd.deltaPp > (b.pp ?? Infinity))) {
        return `${core}, ${fd.ratio === null ? 'new' : `${fd.ratio.toFixed(2)}x`}, over the ${trim(b.ratio)}x ratio budget`;
      }
      return `${core}, over ${budgetText}`;
    case 'grew':
      if (fd.movedFrom)
        return `${core}, looks moved from ${fd.movedFrom} (renamed or refactored), not counted`;
      return `${core}, within ${budgetText}`;
    case 'improvement':
      return core;
    case 'ignored':
      return `${core.replace(/, [\d.]+% CI CI unknown/, '')}, ignored by config`;
    default:
      if (fd.movedTo) return `${core}, looks moved to ${fd.movedTo} (renamed or refactored)`;
      if (fd.diluted) {
        return `${core}, only diluted by the growth elsewhere (${signed(fd.diluted.deltaPp)} of the rest, not significant)`;
      }
      return `${core}, not significant (~)`;
  }
}

function trim(x: number): string {
  return String(Number(x.toFixed(3)));
}

/**
 * `.profile-gate.yml`: budgets, per-function / per-package budgets and ignore lists.
 *
 *   budgets:
 *     self-pp: 5          # allowed growth of a function's self share, percentage points
 *     cum-pp: 10          # allowed growth of a function's cumulative share
 *     ratio: 2            # allowed canary/baseline self-share ratio (functions >= min-share)
 *     per-unit-pct: 10    # allowed growth of cost per unit of work (e.g. CPU per request)
 *   min-share: 1          # percent; smaller functions are not tested
 *   confidence: 0.95
 *   ignore:
 *     - runtime.gcBgMarkWorker
 *     - "runtime/internal/*"
 *   functions:
 *     - match: "encoding/json.*"   # glob: * any characters, ? one character
 *       self-pp: 2
 *     - match: main.validateSKU
 *       cum-pp: 5
 *
 * The first matching `functions` rule wins. Pure: text in, config out.
 */
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import type { FunctionRule, GateConfig } from './types.js';

export const CONFIG_FILE_NAMES = ['.profile-gate.yml', '.profile-gate.yaml'];

const TOP_KEYS = new Set(['budgets', 'min-share', 'confidence', 'ignore', 'functions']);
const BUDGET_KEYS = new Set(['self-pp', 'cum-pp', 'ratio', 'per-unit-pct']);
const RULE_KEYS = new Set(['match', 'ignore', 'self-pp', 'cum-pp', 'ratio']);

function num(v: unknown, where: string, file: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new UsageError(`${file}: ${where} must be a number >= ${min}, got ${JSON.stringify(v)}`);
  }
  return v;
}

function unknownKeys(
  obj: Record<string, unknown>,
  allowed: Set<string>,
  where: string,
  file: string,
) {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k)) {
      throw new UsageError(
        `${file}: unknown key "${k}" in ${where} (allowed: ${[...allowed].join(', ')})`,
      );
    }
  }
}

export function parseConfig(text: string, file: string): GateConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const cfg: GateConfig = { file, ignore: [], functions: [] };
  if (doc === null || doc === undefined) return cfg;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UsageError(`${file}: expected a mapping at the top level`);
  }
  const d = doc as Record<string, unknown>;
  unknownKeys(d, TOP_KEYS, 'the top level', file);
  if (d.budgets !== undefined) {
    if (typeof d.budgets !== 'object' || d.budgets === null || Array.isArray(d.budgets)) {
      throw new UsageError(`${file}: budgets must be a mapping`);
    }
    const b = d.budgets as Record<string, unknown>;
    unknownKeys(b, BUDGET_KEYS, 'budgets', file);
    if (b['self-pp'] !== undefined) cfg.budgetPp = num(b['self-pp'], 'budgets.self-pp', file);
    if (b['cum-pp'] !== undefined) cfg.budgetCumPp = num(b['cum-pp'], 'budgets.cum-pp', file);
    if (b.ratio !== undefined) cfg.budgetRatio = num(b.ratio, 'budgets.ratio', file);
    if (b['per-unit-pct'] !== undefined)
      cfg.budgetPerUnitPct = num(b['per-unit-pct'], 'budgets.per-unit-pct', file);
  }
  if (d['min-share'] !== undefined) cfg.minShare = num(d['min-share'], 'min-share', file);
  if (d.confidence !== undefined) {
    const c = num(d.confidence, 'confidence', file);
    if (!(c > 0.5 && c < 1)) throw new UsageError(`${file}: confidence must be between 0.5 and 1`);
    cfg.confidence = c;
  }
  if (d.ignore !== undefined) {
    if (!Array.isArray(d.ignore) || d.ignore.some((x) => typeof x !== 'string')) {
      throw new UsageError(`${file}: ignore must be a list of function names or globs`);
    }
    cfg.ignore = d.ignore as string[];
  }
  if (d.functions !== undefined) {
    if (!Array.isArray(d.functions)) throw new UsageError(`${file}: functions must be a list`);
    d.functions.forEach((r: unknown, i: number) => {
      const where = `functions[${i}]`;
      if (typeof r !== 'object' || r === null || Array.isArray(r)) {
        throw new UsageError(`${file}: ${where} must be a mapping with a "match" key`);
      }
      const o = r as Record<string, unknown>;
      unknownKeys(o, RULE_KEYS, where, file);
      if (typeof o.match !== 'string' || o.match === '') {
        throw new UsageError(`${file}: ${where}.match must be a function name or glob`);
      }
      const rule: FunctionRule = { match: o.match };
      if (o.ignore !== undefined) {
        if (typeof o.ignore !== 'boolean')
          throw new UsageError(`${file}: ${where}.ignore must be true or false`);
        rule.ignore = o.ignore;
      }
      if (o['self-pp'] !== undefined) rule.budgetPp = num(o['self-pp'], `${where}.self-pp`, file);
      if (o['cum-pp'] !== undefined) rule.budgetCumPp = num(o['cum-pp'], `${where}.cum-pp`, file);
      if (o.ratio !== undefined) rule.budgetRatio = num(o.ratio, `${where}.ratio`, file);
      cfg.functions.push(rule);
    });
  }
  return cfg;
}

const globCache = new Map<string, RegExp>();

/** Glob match on a whole function name: `*` any characters, `?` one character. */
export function globMatch(pattern: string, name: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      '^' +
        pattern
          .split('')
          .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
          .join('') +
        '$',
    );
    globCache.set(pattern, re);
  }
  return re.test(name);
}

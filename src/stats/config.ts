/**
 * `.profile-gate.yml`: settings (the same names as the CLI options and Action inputs, see
 * settings.ts), per-function / per-package budgets and ignore lists.
 *
 *   budget-pp: 5           # allowed growth of a function's self share, percentage points
 *   budget-cum-pp: 10      # allowed growth of a function's cumulative share
 *   budget-ratio: 2        # allowed canary/baseline self-share ratio (functions >= min-share)
 *   budget-per-unit-pct: 10  # allowed growth of cost per unit of work (e.g. CPU per request)
 *   min-share: 1           # percent; smaller functions are not tested
 *   confidence: 0.95
 *   ignore:
 *     - runtime.gcBgMarkWorker
 *     - "runtime/internal/*"
 *   functions:
 *     - match: "encoding/json.*"   # glob: * any characters, ? one character
 *       budget-pp: 2
 *     - match: main.validateSKU
 *       budget-cum-pp: 5
 *
 * The first matching `functions` rule wins. The older spellings (`budgets: {self-pp, cum-pp,
 * ratio, per-unit-pct}`, and `self-pp` / `cum-pp` / `ratio` in rules) are still read, with a
 * deprecation note. Pure: text in, config out.
 */
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import { RULE_ALIASES, RULE_SETTINGS, SETTINGS, settingByKey, settingValue } from './settings.js';
import type { CompareSettings, FunctionRule, GateConfig } from './types.js';

export const CONFIG_FILE_NAMES = ['.profile-gate.yml', '.profile-gate.yaml'];

const LIST_KEYS = ['ignore', 'functions'];

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKey(k: string, allowed: string[], where: string, file: string): never {
  throw new UsageError(`${file}: unknown key "${k}" in ${where} (allowed: ${allowed.join(', ')})`);
}

export function parseConfig(text: string, file: string): GateConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const cfg: GateConfig = { file, settings: {}, ignore: [], functions: [], deprecated: [] };
  if (doc === null || doc === undefined) return cfg;
  if (!isMapping(doc)) throw new UsageError(`${file}: expected a mapping at the top level`);

  const set = (key: keyof CompareSettings, raw: unknown, where: string) => {
    (cfg.settings as Record<string, unknown>)[key] = settingValue(
      settingByKey(key),
      raw,
      `${file}: ${where}`,
    );
  };
  const topKeys = [...SETTINGS.map((s) => s.name), ...LIST_KEYS];
  for (const [k, v] of Object.entries(doc)) {
    const spec = SETTINGS.find((s) => s.name === k);
    if (spec) set(spec.key, v, k);
    else if (k === 'budgets') readOldBudgets(v, file, cfg, set);
    else if (!LIST_KEYS.includes(k)) unknownKey(k, topKeys, 'the top level', file);
  }
  if (doc.ignore !== undefined) {
    if (!Array.isArray(doc.ignore) || doc.ignore.some((x) => typeof x !== 'string')) {
      throw new UsageError(`${file}: ignore must be a list of function names or globs`);
    }
    cfg.ignore = doc.ignore as string[];
  }
  if (doc.functions !== undefined) {
    if (!Array.isArray(doc.functions)) throw new UsageError(`${file}: functions must be a list`);
    doc.functions.forEach((r: unknown, i: number) => cfg.functions.push(readRule(r, i, file, cfg)));
  }
  return cfg;
}

/** The pre-1.0 `budgets:` block: self-pp, cum-pp, ratio, per-unit-pct. */
function readOldBudgets(
  v: unknown,
  file: string,
  cfg: GateConfig,
  set: (key: keyof CompareSettings, raw: unknown, where: string) => void,
): void {
  if (!isMapping(v)) throw new UsageError(`${file}: budgets must be a mapping`);
  const byAlias = new Map<string, keyof CompareSettings>();
  for (const s of SETTINGS) {
    for (const a of s.aliases?.config ?? []) byAlias.set(a.replace(/^budgets\./, ''), s.key);
  }
  for (const [k, raw] of Object.entries(v)) {
    const key = byAlias.get(k);
    if (!key) unknownKey(k, [...byAlias.keys()], 'budgets', file);
    set(key, raw, `budgets.${k}`);
    cfg.deprecated.push(
      `${file}: budgets.${k} is an old spelling; write ${settingByKey(key).name}: at the top level`,
    );
  }
}

function readRule(r: unknown, i: number, file: string, cfg: GateConfig): FunctionRule {
  const where = `functions[${i}]`;
  if (!isMapping(r)) {
    throw new UsageError(`${file}: ${where} must be a mapping with a "match" key`);
  }
  const budgetKeys = RULE_SETTINGS.map((k) => settingByKey(k).name);
  const allowed = ['match', 'ignore', ...budgetKeys];
  if (typeof r.match !== 'string' || r.match === '') {
    throw new UsageError(`${file}: ${where}.match must be a function name or glob`);
  }
  const rule: FunctionRule = { match: r.match };
  for (const [k, v] of Object.entries(r)) {
    if (k === 'match') continue;
    if (k === 'ignore') {
      if (typeof v !== 'boolean')
        throw new UsageError(`${file}: ${where}.ignore must be true or false`);
      rule.ignore = v;
      continue;
    }
    const name = RULE_ALIASES[k] ?? k;
    if (!budgetKeys.includes(name)) unknownKey(k, allowed, where, file);
    if (name !== k) {
      cfg.deprecated.push(`${file}: ${where}.${k} is an old spelling; write ${name}`);
    }
    const spec = SETTINGS.find((s) => s.name === name)!;
    const value = settingValue(spec, v, `${file}: ${where}.${k}`) as number;
    rule[spec.key as 'budgetPp' | 'budgetCumPp' | 'budgetRatio'] = value;
  }
  return rule;
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

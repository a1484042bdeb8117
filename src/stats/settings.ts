/**
 * The comparison settings, described once. This table generates the CLI options, the Action
 * inputs (action.yml is checked against it by a test) and the keys of `.profile-gate.yml`, and
 * holds their defaults and validation. Each setting has one spelling everywhere (its `name`);
 * older spellings are still accepted as aliases and draw a deprecation note.
 *
 * Precedence: explicit (CLI flags / Action inputs) > config file > defaults.
 */
import { UsageError } from '../errors.js';
import type { CompareSettings, GateConfig } from './types.js';

export type SettingKind = 'number' | 'integer' | 'string' | 'choice';

export interface SettingSpec {
  key: keyof CompareSettings;
  /** The one spelling: CLI `--name`, Action input `name`, config key `name`. */
  name: string;
  kind: SettingKind;
  description: string;
  default: CompareSettings[keyof CompareSettings];
  /** Allowed range (numbers); `exclusive*` makes a bound strict. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  /** Extra wording for the range in messages. */
  rangeNote?: string;
  /** The accepted values of a `choice`. */
  choices?: readonly string[];
  /** Maps an accepted spelling onto the value (confidence 95 -> 0.95). */
  normalize?: (v: number) => number;
  /** Older spellings still accepted: CLI options, Action inputs, config keys (dotted paths). */
  aliases?: { cli?: string[]; action?: string[]; config?: string[] };
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'type',
    name: 'sample-type',
    kind: 'string',
    description:
      "sample type compared (cpu, alloc_space, delay, ...); default: the manifest's, else the profile's default",
    default: undefined,
    aliases: { cli: ['type'] },
  },
  {
    key: 'budgetPp',
    name: 'budget-pp',
    kind: 'number',
    description: "allowed growth of a function's self share, percentage points",
    default: 5,
    min: 0,
    aliases: { config: ['budgets.self-pp'] },
  },
  {
    key: 'budgetCumPp',
    name: 'budget-cum-pp',
    kind: 'number',
    description: "allowed growth of a function's cumulative share, percentage points",
    default: 10,
    min: 0,
    aliases: { config: ['budgets.cum-pp'] },
  },
  {
    key: 'budgetRatio',
    name: 'budget-ratio',
    kind: 'number',
    description:
      'allowed canary/baseline self-share ratio for functions at or above min-share (0 = off)',
    default: 0,
    min: 0,
    aliases: { config: ['budgets.ratio'] },
  },
  {
    key: 'minShare',
    name: 'min-share',
    kind: 'number',
    description: 'functions whose larger share is below this percentage are not tested',
    default: 1,
    min: 0,
    max: 100,
    exclusiveMax: true,
  },
  {
    key: 'confidence',
    name: 'confidence',
    kind: 'number',
    description: 'family-wise confidence of the simultaneous intervals, e.g. 0.95 (or 95)',
    default: 0.95,
    min: 0.5,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
    rangeNote: 'or a percentage such as 95',
    normalize: (v) => (v > 50 && v < 100 ? v / 100 : v),
  },
  {
    key: 'bootstrap',
    name: 'bootstrap',
    kind: 'integer',
    description: 'bootstrap resamples',
    default: 10000,
    min: 100,
    max: 1_000_000,
  },
  {
    key: 'seed',
    name: 'seed',
    kind: 'integer',
    description: 'random seed of the bootstrap (the same seed gives the same result)',
    default: 1,
    min: 0,
  },
  {
    key: 'budgetPerUnitPct',
    name: 'budget-per-unit-pct',
    kind: 'number',
    description: 'allowed growth of the cost per request, percent (0 = off)',
    default: 10,
    min: 0,
    aliases: { action: ['budget-per-unit'], config: ['budgets.per-unit-pct'] },
  },
  {
    key: 'normalizeNames',
    name: 'normalize-names',
    kind: 'string',
    description: 'function-name normalization: on, off, all, or a list of rules',
    default: 'on',
  },
  {
    key: 'onUnderpowered',
    name: 'on-underpowered',
    kind: 'choice',
    choices: ['warn', 'fail'],
    description:
      'when a tested row could not see a change of its budget: warn (list it), or fail (verdict inconclusive)',
    default: 'warn',
  },
  {
    key: 'onHardwareMismatch',
    name: 'on-hardware-mismatch',
    kind: 'choice',
    choices: ['skip-per-unit', 'warn', 'fail'],
    description:
      'when the two sets ran on different hardware: skip-per-unit (cost per request does not decide), warn, or fail',
    default: 'skip-per-unit',
  },
  {
    key: 'calibration',
    name: 'calibration',
    kind: 'string',
    description:
      'calibration file with the run-to-run drift model (made by calibrate --out); relative to the config file when set there',
    default: undefined,
  },
];

/** The settings a per-function rule in the config file may override. */
export const RULE_SETTINGS: readonly (keyof CompareSettings)[] = [
  'budgetPp',
  'budgetCumPp',
  'budgetRatio',
];

/** Rule-key spellings accepted before the settings had one spelling. */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  'self-pp': 'budget-pp',
  'cum-pp': 'budget-cum-pp',
  ratio: 'budget-ratio',
};

export const DEFAULT_SETTINGS: CompareSettings = Object.fromEntries(
  SETTINGS.map((s) => [s.key, s.default]),
) as unknown as CompareSettings;

export function settingByKey(key: keyof CompareSettings): SettingSpec {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`no setting ${String(key)}`);
  return s;
}

function rangeText(s: SettingSpec): string {
  const kind = s.kind === 'integer' ? 'a whole number' : 'a number';
  const lo = s.min === undefined ? '' : `${s.exclusiveMin ? '>' : '>='} ${s.min}`;
  const hi = s.max === undefined ? '' : `${s.exclusiveMax ? '<' : '<='} ${s.max}`;
  const range = [lo, hi].filter(Boolean).join(' and ');
  return `${kind}${range ? ` ${range}` : ''}${s.rangeNote ? `, ${s.rangeNote}` : ''}`;
}

export type Checked = { value: CompareSettings[keyof CompareSettings] } | { problem: string };

/**
 * Checks a value from any source (YAML number, parsed flag, input text) against the spec; the
 * problem names `where` (the flag, input or config key as the user wrote it).
 */
export function checkSetting(s: SettingSpec, raw: unknown, where: string): Checked {
  if (s.kind === 'string' || s.kind === 'choice') {
    if (typeof raw !== 'string' || raw.trim() === '')
      return { problem: `${where}: expected text, got ${JSON.stringify(raw)}` };
    const v = raw.trim();
    if (s.choices && !s.choices.includes(v)) {
      return { problem: `${where}: "${v}" is not one of ${s.choices.join(', ')}` };
    }
    return { value: v };
  }
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    return { problem: `${where}: ${JSON.stringify(raw)} is not a number` };
  }
  const v = s.normalize ? s.normalize(n) : n;
  if (s.kind === 'integer' && !Number.isInteger(v)) {
    return { problem: `${where}: ${JSON.stringify(raw)} is not a whole number` };
  }
  const bad =
    (s.min !== undefined && (s.exclusiveMin ? v <= s.min : v < s.min)) ||
    (s.max !== undefined && (s.exclusiveMax ? v >= s.max : v > s.max));
  if (bad)
    return { problem: `${where}: ${String(raw)} is out of range (expected ${rangeText(s)})` };
  return { value: v };
}

/** Like checkSetting, throwing a UsageError on a problem. */
export function settingValue(s: SettingSpec, raw: unknown, where: string) {
  const c = checkSetting(s, raw, where);
  if ('problem' in c) throw new UsageError(c.problem);
  return c.value;
}

/** Checks that hold between settings, after precedence. */
export function validateSettings(s: CompareSettings): void {
  for (const spec of SETTINGS) {
    const v = s[spec.key];
    if (v === undefined && spec.default === undefined) continue;
    const c = checkSetting(spec, v, spec.name);
    if ('problem' in c) throw new UsageError(c.problem);
  }
  if (s.budgetRatio > 0 && s.budgetRatio <= 1)
    throw new UsageError(
      `budget-ratio must be above 1 (or 0 to switch it off), got ${s.budgetRatio}`,
    );
}

/** Settings precedence: explicit (flags / inputs) > config file > defaults. */
export function resolveSettings(
  explicit: Partial<CompareSettings>,
  cfg?: GateConfig,
): CompareSettings {
  const out: Record<string, unknown> = {};
  for (const spec of SETTINGS) {
    out[spec.key] = explicit[spec.key] ?? cfg?.settings[spec.key] ?? spec.default;
  }
  const s = { ...(out as unknown as CompareSettings), config: cfg };
  validateSettings(s);
  return s;
}

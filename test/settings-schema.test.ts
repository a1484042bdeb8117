/**
 * One settings table (src/stats/settings.ts) behind the CLI options, the Action inputs and the
 * config keys: action.yml declares every setting by its one name, and every old spelling as a
 * deprecated input; the CLI accepts each name; the three read the same values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPARE_SPEC } from '../src/cli/compare.js';
import { settingsFromArgs } from '../src/cli/settings.js';
import { parseArgs } from '../src/cli/args.js';
import { readInputs } from '../src/github/inputs.js';
import { parseConfig } from '../src/stats/config.js';
import { SETTINGS } from '../src/stats/settings.js';
import { fixture, repoRoot } from './helpers/corpus.js';

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; deprecationMessage?: string }>;
};

describe('settings: one table, three spellings generated from it', () => {
  it('action.yml declares every setting by its name, old names as deprecated', () => {
    for (const s of SETTINGS) {
      expect(action.inputs[s.name], s.name).toBeDefined();
      expect(action.inputs[s.name].deprecationMessage).toBeUndefined();
      for (const a of s.aliases?.action ?? []) {
        expect(action.inputs[a]?.deprecationMessage, a).toMatch(new RegExp(s.name));
      }
    }
  });
  it('the CLI has an option per setting (and per old spelling)', () => {
    for (const s of SETTINGS) {
      expect(COMPARE_SPEC[s.name], s.name).toBeDefined();
      for (const a of s.aliases?.cli ?? []) expect(COMPARE_SPEC[a], a).toBeDefined();
    }
  });
  it('flags, inputs and config keys of the same name give the same settings', () => {
    const values: Record<string, string> = {
      'sample-type': 'alloc_space',
      'budget-pp': '2.5',
      'budget-cum-pp': '4',
      'budget-ratio': '3',
      'min-share': '0.5',
      confidence: '90',
      bootstrap: '2000',
      seed: '7',
      'budget-per-unit-pct': '12',
      'normalize-names': 'off',
      'on-underpowered': 'fail',
      'on-hardware-mismatch': 'warn',
      calibration: 'perf/calibration.json',
    };
    expect(Object.keys(values).sort()).toEqual(SETTINGS.map((s) => s.name).sort());
    const fromCli = settingsFromArgs(
      parseArgs(
        Object.entries(values).flatMap(([k, v]) => [`--${k}`, v]),
        COMPARE_SPEC,
      ),
    );
    const env: Record<string, string> = {
      GITHUB_WORKSPACE: repoRoot,
      RUNNER_TEMP: '/tmp',
      'INPUT_CANARY-PATH': fixture('captures', 'cpu'),
      'INPUT_GITHUB-TOKEN': 't',
    };
    for (const [k, v] of Object.entries(values)) env[`INPUT_${k.toUpperCase()}`] = v;
    const fromAction = readInputs(env).settings;
    const yaml = Object.entries(values)
      .map(([k, v]) => `${k}: ${/^[\d.]+$/.test(v) ? v : JSON.stringify(v)}`)
      .join('\n');
    const fromConfig = parseConfig(yaml, 'c.yml').settings;
    const want = {
      type: 'alloc_space',
      budgetPp: 2.5,
      budgetCumPp: 4,
      budgetRatio: 3,
      minShare: 0.5,
      confidence: 0.9,
      bootstrap: 2000,
      seed: 7,
      budgetPerUnitPct: 12,
      normalizeNames: 'off',
      onUnderpowered: 'fail',
      onHardwareMismatch: 'warn',
      calibration: 'perf/calibration.json',
    };
    expect(fromCli).toEqual(want);
    expect(fromAction).toEqual(want);
    expect(fromConfig).toEqual(want);
  });
  it('old spellings still work, with a note', () => {
    const i = readInputs({
      GITHUB_WORKSPACE: repoRoot,
      RUNNER_TEMP: '/tmp',
      'INPUT_CANARY-PATH': fixture('captures', 'cpu'),
      'INPUT_GITHUB-TOKEN': 't',
      'INPUT_BUDGET-PER-UNIT': '15',
    });
    expect(i.settings.budgetPerUnitPct).toBe(15);
    expect(i.deprecated).toEqual(['input budget-per-unit is deprecated: use budget-per-unit-pct']);
    expect(settingsFromArgs(parseArgs(['--type', 'delay'], COMPARE_SPEC)).type).toBe('delay');
  });
  it('every source reports the same range problem in the same words', () => {
    expect(() => settingsFromArgs(parseArgs(['--budget-pp', '-1'], COMPARE_SPEC))).toThrow(
      '--budget-pp: -1 is out of range (expected a number >= 0)',
    );
    expect(() => parseConfig('budget-pp: -1\n', 'c.yml')).toThrow(
      'c.yml: budget-pp: -1 is out of range (expected a number >= 0)',
    );
    expect(() =>
      readInputs({
        GITHUB_WORKSPACE: repoRoot,
        'INPUT_CANARY-PATH': fixture('captures', 'cpu'),
        'INPUT_GITHUB-TOKEN': 't',
        'INPUT_BUDGET-PP': '-1',
      }),
    ).toThrow('budget-pp: -1 is out of range (expected a number >= 0)');
  });
});

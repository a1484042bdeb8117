/** The comparison settings as CLI options, generated from the one settings table. */
import { SETTINGS, settingValue } from '../stats/settings.js';
import type { CompareSettings } from '../stats/types.js';
import type { OptionSpec, ParsedArgs } from './args.js';

function describe(description: string, dflt: unknown): string {
  return dflt === undefined ? description : `${description} (default ${String(dflt)})`;
}

/** `--budget-pp N` and the rest; old spellings (`--type`) as aliases. */
export function settingOptions(): Record<string, OptionSpec> {
  const out: Record<string, OptionSpec> = {};
  for (const s of SETTINGS) {
    const kind = s.kind === 'string' || s.kind === 'choice' ? 'string' : 'number';
    out[s.name] = { kind, description: describe(s.description, s.default) };
    for (const a of s.aliases?.cli ?? []) {
      out[a] = { kind, description: `same as --${s.name}` };
    }
  }
  return out;
}

/** The settings given on the command line (checked; the rest come from the config file). */
export function settingsFromArgs(a: ParsedArgs): Partial<CompareSettings> {
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    for (const flag of [s.name, ...(s.aliases?.cli ?? [])]) {
      const raw = s.kind === 'string' || s.kind === 'choice' ? a.strings[flag] : a.numbers[flag];
      if (raw !== undefined) out[s.key] = settingValue(s, raw, `--${flag}`);
    }
  }
  return out as Partial<CompareSettings>;
}

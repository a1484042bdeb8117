/**
 * Structure-aware fuzz targets for the hostile inputs of issue 16 (scripts/fuzz/hostile.ts):
 * inlined chains repeated into deep stacks, every sample its own deep branch, deep and nested
 * JSON, chains of .cpuprofile nodes, many unsymbolized addresses, hostile names. readAndCheck
 * (targets.ts) runs each: a consistent profile or a ProfileError, never a stack trace, never
 * slow (the decode limits bound the work), and names that the output-safety layer makes safe.
 */
import fc from 'fast-check';
import { safeName, safeText, MAX_NAME_CHARS } from '../../src/util/safe-text.js';
import { mdCode, mdText } from '../../src/util/safe-markdown.js';
import type { Profile } from '../../src/profile/model.js';
import {
  cpuprofileChain,
  foldedWithNames,
  HOSTILE_NAMES,
  jsonDeepNesting,
  pprofInlineBomb,
  pprofManyAddresses,
  pprofWideBomb,
  pprofWithNames,
  speedscopeDeep,
  speedscopeNested,
  workflowCommandLines,
} from './hostile.js';

const size = (max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 64 }), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max }), weight: 1 },
  );

/** Inlined chains repeated: shallow to far past the depth limit, few samples. */
export const inlinedChains: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .record({ lines: size(3000), repeat: size(3000), samples: fc.integer({ min: 1, max: 20 }) })
    .map(pprofInlineBomb),
  fc
    .record({ lines: size(200), repeat: size(40), roots: fc.integer({ min: 1, max: 200 }) })
    .map(pprofWideBomb),
);

/** Deep JSON: nested evented frames, deep sampled stacks, node chains, bare nesting. */
export const deepJson: fc.Arbitrary<Uint8Array> = fc.oneof(
  size(1500).map(speedscopeNested),
  fc.integer({ min: 8193, max: 12_000 }).map(speedscopeNested),
  fc.record({ depth: size(12_000), samples: fc.integer({ min: 1, max: 3 }) }).map(speedscopeDeep),
  size(1000).map(cpuprofileChain),
  fc.integer({ min: 8193, max: 9000 }).map(cpuprofileChain),
  fc.integer({ min: 1, max: 40_000 }).map(jsonDeepNesting),
);

/** Stripped binaries: many addresses collapsing to one module name. */
export const manyAddresses: fc.Arbitrary<Uint8Array> = size(5000).map(pprofManyAddresses);

const hostileChar = fc.constantFrom(
  ':',
  ':',
  '#',
  '[',
  ']',
  '`',
  '|',
  '<',
  '>',
  '!',
  '@',
  '\\',
  '*',
  '_',
  '-',
  ' ',
  '\t',
  '\r',
  '\n',
  '\u001b',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\u00a0',
  'a',
  'x',
  '1',
);
const hostileName = fc.oneof(
  fc.constantFrom(...HOSTILE_NAMES.filter((n) => n.length < 1000)),
  fc.string({ unit: hostileChar, minLength: 1, maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom(...HOSTILE_NAMES.slice(0, 13)),
      fc.string({ unit: hostileChar, maxLength: 8 }),
    )
    .map(([a, b]) => b + a),
);

/** Profiles (pprof and folded) whose function names try to inject commands and markup. */
export const hostileNames: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.array(hostileName, { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([names, folded]) => (folded ? foldedWithNames(names) : pprofWithNames(names)));

/**
 * What the output-safety layer must make of every function name of a profile: one line
 * without control characters or workflow commands, at most about MAX_NAME_CHARS long, and in
 * markdown a code span or escaped text on one line.
 */
export function checkOutputSafety(p: Profile): void {
  for (const name of p.functions) {
    const s = safeName(name);
    if ([...s].some((c) => isControl(c.codePointAt(0)!))) {
      throw new Error(`safeName left a control character in ${JSON.stringify(s.slice(0, 80))}`);
    }
    if (s.length > MAX_NAME_CHARS + 40) throw new Error(`safeName left ${s.length} characters`);
    for (const text of [s, safeText(name), `  ${s}`, `x ${s}`]) {
      const cmds = workflowCommandLines(text);
      if (cmds.length) throw new Error(`workflow command in output: ${JSON.stringify(cmds[0])}`);
    }
    for (const md of [mdCode(name, { table: true }), mdText(name)]) {
      if (/[\r\n]/.test(md))
        throw new Error(`markdown of a name spans lines: ${JSON.stringify(md)}`);
    }
  }
}

/** C0 (tab included), DEL, C1, line and paragraph separators. */
function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
}

export const HOSTILE_TARGETS = [
  {
    name: 'hostile: inlined chains (depth and frame limits)',
    arbitrary: inlinedChains,
    weight: 0.1,
  },
  { name: 'hostile: deep JSON (depth and node limits)', arbitrary: deepJson, weight: 0.05 },
  { name: 'hostile: many addresses', arbitrary: manyAddresses, weight: 0.02 },
  { name: 'hostile: names (output safety)', arbitrary: hostileNames, weight: 0.5 },
];

/**
 * Issue 16, untrusted names: function names that try to inject workflow commands (after the
 * runner's own splitting on \r\n, \r, \n and trimming; `##[` anywhere), markdown and HTML
 * (headings, raw HTML, comments, tables, mentions, references, autolinks), terminal escapes
 * (ANSI, OSC 8) and a 600,000-character name go through `top` and `compare` (text, JSON,
 * markdown, HTML, SVG) of the bundled CLI, run as a process:
 *
 * - no line of stdout or stderr is a workflow command, by our implementation of the runner's
 *   rules and by ../shared/tools/workflow-commands.mjs when it exists;
 * - no control character or escape sequence reaches the terminal; the long name is shortened;
 * - the markdown, rendered by cmark-gfm, has the structure of the same report with harmless
 *   names of the same lengths;
 * - JSON keeps every name whole.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { harmlessTwins, HOSTILE_NAMES, pprofWithNames } from '../scripts/fuzz/hostile.js';
import {
  cliProcess,
  hasCmark,
  hasSharedTool,
  markdownStructure,
  markdownText,
  sharedToolCommandLines,
  terminalControls,
  workflowCommandLines,
  type ProcessResult,
} from './helpers/hostile.js';

const LONG = HOSTILE_NAMES.find((n) => n.length > 100_000)!;

/**
 * Baseline and canary sets of 3 captures with these names: in the baseline they are small next
 * to main.idle, in the canary each has grown to ~2.3%, so each is a regression (and reaches
 * the markdown's sentences and table).
 */
function makeSets(dir: string, names: readonly string[]): void {
  for (const [side, base, idle] of [
    ['b', 1, 2000],
    ['c', 20, 20],
  ] as const) {
    mkdirSync(join(dir, side), { recursive: true });
    for (let i = 0; i < 3; i++) {
      const weights = [...names.map((_, k) => base + ((i + k) % 3)), idle + i];
      writeFileSync(
        join(dir, side, `${i + 1}.pb.gz`),
        pprofWithNames([...names, 'main.idle'], { weights }),
      );
    }
  }
}

/** Asserts a process's output holds no workflow command and nothing a terminal acts on. */
function expectSafeOutput(r: ProcessResult, what: string): void {
  expect(workflowCommandLines(r.stdout), `${what}: stdout`).toEqual([]);
  expect(workflowCommandLines(r.stderr), `${what}: stderr`).toEqual([]);
  expect(terminalControls(r.stdout + r.stderr), `${what}: control characters`).toEqual([]);
  const shared = sharedToolCommandLines([r.stdout, r.stderr]);
  if (shared === undefined) {
    console.warn(`[skip] ${what}: ../shared/tools/workflow-commands.mjs is absent`);
  } else expect(shared, `${what}: ../shared/tools/workflow-commands.mjs`).toEqual([]);
}

const COMPARE = [
  'compare',
  '--baseline',
  'b',
  '--canary',
  'c',
  '--budget-pp',
  '0.5',
  '--seed',
  '1',
];

interface Run {
  dir: string;
  top: ProcessResult;
  compare: ProcessResult;
  json: ProcessResult;
  mdOut: ProcessResult;
  markdown: string;
}

function runAll(names: readonly string[]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'pg-hostile-'));
  makeSets(dir, names);
  const top = cliProcess(['top', 'c/1.pb.gz', '--limit', '0'], dir);
  const compare = cliProcess(
    [
      ...COMPARE,
      '--html',
      'out.html',
      '--svg',
      'out.svg',
      '--markdown',
      'out.md',
      '--json',
      'out.json',
    ],
    dir,
    { GITHUB_ACTIONS: 'true', CI: 'true' },
  );
  const json = cliProcess([...COMPARE, '--json', '-'], dir);
  const mdOut = cliProcess([...COMPARE, '--markdown', '-'], dir);
  return { dir, top, compare, json, mdOut, markdown: readFileSync(join(dir, 'out.md'), 'utf8') };
}

describe('hostile function names through the bundled CLI (issue 16)', () => {
  let hostile: Run;
  let harmless: Run;
  beforeAll(() => {
    hostile = runAll(HOSTILE_NAMES);
    harmless = runAll(harmlessTwins(HOSTILE_NAMES));
  }, 240_000);

  it('the probes are hostile: raw, they hold workflow commands by both implementations of the rules', () => {
    const raw = HOSTILE_NAMES.join('\n');
    const ours = workflowCommandLines(raw);
    expect(ours.length).toBeGreaterThanOrEqual(10);
    expect(ours).toContain('::set-output name=verdict::pass');
    expect(ours).toContain('w ##[error]v1 command');
    const shared = sharedToolCommandLines([raw]);
    if (shared) expect(shared.length).toBe(ours.length);
    else console.warn('[skip] ../shared/tools/workflow-commands.mjs is absent');
    if (hasSharedTool) expect(shared).toBeDefined();
  });

  it('top: exit 0, no workflow command, no terminal control, the long name shortened', () => {
    const r = hostile.top;
    expect(r.code, r.stderr).toBe(0);
    expectSafeOutput(r, 'top');
    expect(r.stdout).toMatch(/…\[\d+ chars cut\]…/);
    expect(r.stdout.length).toBeLessThan(60_000);
    // the names are there, defused (a zero-width space between the colons)
    expect(r.stdout).toContain(':\u200b:set-output name=verdict::pass');
    expect(r.stdout).toContain('#\u200b#[error]v1 command');
  });

  it('compare (text on stdout, progress on stderr, reports to files): the same, exit 1', () => {
    const r = hostile.compare;
    expect(r.code, r.stderr).toBe(1);
    expectSafeOutput(r, 'compare');
    expect(r.stdout).toMatch(/^profile-gate: FAIL: \d+ regressions/);
    expect(r.stdout.length).toBeLessThan(80_000);
    expect(r.stdout).toMatch(/…\[\d+ chars cut\]…/);
  });

  it('compare --json -: every name whole in the JSON, nothing on stdout the runner would run', () => {
    const r = hostile.json;
    expect(r.code, r.stderr).toBe(1);
    expectSafeOutput(r, 'compare --json -');
    const j = JSON.parse(r.stdout) as { functions: { function: string }[] };
    const names = new Set(j.functions.map((f) => f.function));
    expect(names.has(LONG)).toBe(true);
    expect(names.has('::set-output name=verdict::pass')).toBe(true);
    expect(names.has('w ##[error]v1 command')).toBe(true);
    const file = JSON.parse(readFileSync(join(hostile.dir, 'out.json'), 'utf8')) as typeof j;
    expect(file.functions.map((f) => f.function)).toEqual(j.functions.map((f) => f.function));
  });

  it('compare --markdown -: no workflow command on stdout either', () => {
    expect(hostile.mdOut.code).toBe(1);
    expectSafeOutput(hostile.mdOut, 'compare --markdown -');
  });

  it.skipIf(!hasCmark)(
    'the markdown report renders (cmark-gfm) with the structure of the harmless-name report',
    () => {
      const a = markdownStructure(hostile.markdown);
      const b = markdownStructure(harmless.markdown);
      expect(a.length).toBeGreaterThan(500);
      expect(a).toBe(b);
      // and the injected heading, HTML and mentions are text
      expect(a.match(/<heading /g)?.length).toBe(1);
      expect(a).not.toMatch(/<html_inline|<link |<image /);
      // outside code spans: no @mention, no #reference, no autolink shape GitHub would act on
      const text = markdownText(hostile.markdown).join('\n');
      expect(text).not.toMatch(/@[A-Za-z0-9]|#\d|https?:\/\/|www\./);
      expect(hostile.markdown.length).toBeLessThan(80_000);
    },
  );

  it('a lone \\r, a raw heading or an HTML comment in a name changes the structure when not escaped (the check can fail)', () => {
    if (!hasCmark) return console.warn('[skip] cmark-gfm not found');
    const row = (s: string) => `## title\n\n- ${s}\n- after\n`;
    expect(markdownStructure(row('x\n## ✅ profile-gate: PASS'))).not.toBe(
      markdownStructure(row('x   aaaaaaaaaaaaaaaaaaaaaaaaaaa')),
    );
    expect(markdownStructure(row('x\r## ✅ profile-gate: PASS'))).not.toBe(
      markdownStructure(row('x   aaaaaaaaaaaaaaaaaaaaaaaaaaa')),
    );
    const para = (s: string) => `## title\n\n${s}\n\n- rows\n- after\n`;
    expect(markdownStructure(para('<!-- hidden'))).not.toBe(markdownStructure(para('aaaaaaaaaaa')));
    expect(markdownStructure(row('<div><img src=x></div>'))).not.toBe(
      markdownStructure(row('aaaaaaaaaaaaaaaaaaaaaa')),
    );
  });

  it('a hostile sample-type name (the Action once logged ::error from one) is made safe too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-hostile-type-'));
    const type: [string, string] = ['::error title=pwned::x', '##[warning]unit'];
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, 'c'));
    for (let i = 1; i <= 3; i++) {
      writeFileSync(join(dir, 'b', `${i}.pb.gz`), pprofWithNames(['main.a'], { sampleType: type }));
      writeFileSync(join(dir, 'c', `${i}.pb.gz`), pprofWithNames(['main.a'], { sampleType: type }));
    }
    const top = cliProcess(['top', 'b/1.pb.gz'], dir);
    expect(top.code, top.stderr).toBe(0);
    expect(top.stdout).toContain('Type: :\u200b:error title=pwned::x (#\u200b#[warning]unit)');
    expectSafeOutput(top, 'top (sample type)');
    const cmp = cliProcess(['compare', '--baseline', 'b', '--canary', 'c', '--markdown', '-'], dir);
    expectSafeOutput(cmp, 'compare (sample type)');
    const text = cliProcess(['compare', '--baseline', 'b', '--canary', 'c'], dir);
    expectSafeOutput(text, 'compare text (sample type)');
    expect(text.stderr).toContain('canary captures (::error title=pwned::x)');
  });

  it('HTML and SVG flame graphs carry the names as data, never as markup', () => {
    for (const f of ['out.html', 'out.svg']) {
      const text = readFileSync(join(hostile.dir, f), 'utf8');
      expect(text, f).not.toContain('<img src=https://attacker.example');
      expect(text, f).not.toContain('<div><img');
      expect(text, f).not.toMatch(/<!-- hidden/);
      expect(terminalControls(text.replace(/[\r]/g, '')), f).toEqual([]);
    }
  });
});

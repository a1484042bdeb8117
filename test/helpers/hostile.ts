/**
 * Checks for the hostile-input tests (issue 16): the runner's workflow-command rules (our own
 * implementation, and ../shared/tools/workflow-commands.mjs when it exists), the structure of a
 * markdown document as GitHub's renderer (cmark-gfm) parses it, and the bundled CLI run as a
 * real process (so that its stdout and stderr are the ones a terminal or the runner sees).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pprofWithNames, workflowCommandLines } from '../../scripts/fuzz/hostile.js';
import { repoRoot } from './corpus.js';

export { workflowCommandLines };

export const SHARED_TOOL = join(repoRoot, '..', 'shared', 'tools', 'workflow-commands.mjs');
export const hasSharedTool = existsSync(SHARED_TOOL);
if (!hasSharedTool) {
  console.warn(
    `[skip] ${SHARED_TOOL} not found: workflow commands are checked by the tests' own implementation of the runner's rules only`,
  );
}

/**
 * The lines of `texts` that ../shared/tools/workflow-commands.mjs says the runner would execute
 * (undefined when the tool is absent).
 */
export function sharedToolCommandLines(texts: string[]): string[] | undefined {
  if (!hasSharedTool) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pg-wfc-'));
  const files = texts.map((t, i) => {
    const f = join(dir, `out-${i}.txt`);
    writeFileSync(f, t);
    return f;
  });
  const out = execFileSync(process.execPath, [SHARED_TOOL, ...files], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => /^\S+:\d+: \[/.test(l))
    .map((l) => l.replace(/^\S+:\d+: /, ''));
}

export const hasCmark = spawnSync('cmark-gfm', ['--version']).status === 0;
if (!hasCmark) {
  console.warn('[skip] cmark-gfm not found: markdown structure checks are skipped');
}

/**
 * The structure of a markdown document as cmark-gfm (GitHub's renderer, with its extensions)
 * parses it: the XML tree with all text removed and runs of text nodes merged. Two documents
 * with the same structure differ only in their text.
 */
export function markdownStructure(md: string): string {
  const xml = execFileSync(
    'cmark-gfm',
    [
      '-t',
      'xml',
      ...['table', 'autolink', 'strikethrough', 'tagfilter', 'tasklist', 'footnotes'].flatMap(
        (e) => ['-e', e],
      ),
    ],
    { input: md, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  return xml
    .replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '')
    .replace(/>[^<]*</g, '><')
    .replace(/(<text xml:space="preserve"><\/text>)+/g, '<text/>')
    .replace(/(<text xml:space="preserve"\/>)+/g, '<text/>')
    .replace(/(<text\/>)+/g, '<text/>')
    .trim();
}

/** The text of the text nodes (not code spans) of a markdown document as cmark-gfm parses it. */
export function markdownText(md: string, node: 'text' | 'code' = 'text'): string[] {
  const xml = execFileSync('cmark-gfm', ['-t', 'xml', '-e', 'table', '-e', 'autolink'], {
    input: md,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const re = new RegExp(`<${node} xml:space="preserve">([^<]*)</${node}>`, 'g');
  return [...xml.matchAll(re)].map((m) =>
    m[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dist/cli.js as a process in `cwd`. */
export function cliProcess(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): ProcessResult {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Characters a terminal acts on: C0 controls but tab and line feed, DEL, C1 (CSI, OSC). */
export function terminalControls(text: string): string[] {
  return [...text].filter((c) => {
    const n = c.codePointAt(0)!;
    return (n < 0x20 && n !== 0x09 && n !== 0x0a) || (n >= 0x7f && n <= 0x9f);
  });
}

/**
 * Baseline and canary folders of 3 captures each in which `names` grow from a tiny share
 * (next to main.idle) to a large one: every name is a regression.
 */
export function nameSets(names: readonly string[]): { baseline: string; canary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pg-names-'));
  for (const [side, base, idle] of [
    ['baseline', 1, 2000],
    ['canary', 20, 20],
  ] as const) {
    mkdirSync(join(dir, side));
    for (let i = 0; i < 3; i++) {
      const weights = [...names.map((_, k) => base + ((i + k) % 3)), idle + i];
      writeFileSync(
        join(dir, side, `${i + 1}.pb.gz`),
        pprofWithNames([...names, 'main.idle'], { weights }),
      );
    }
  }
  return { baseline: join(dir, 'baseline'), canary: join(dir, 'canary') };
}

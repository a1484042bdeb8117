/**
 * The output-safety layer (src/util/safe-text.ts, safe-markdown.ts, secrets.ts, url.ts) on its
 * own: every hostile name made safe for a terminal and the runner, markdown that keeps its
 * structure (cmark-gfm), names shortened, secrets masked in their encoded forms too, URLs
 * without credentials.
 */
import { describe, expect, it } from 'vitest';
import { harmlessTwins, HOSTILE_NAMES } from '../scripts/fuzz/hostile.js';
import { mdBlock, mdCode, mdSentence, mdText } from '../src/util/safe-markdown.js';
import {
  MAX_NAME_CHARS,
  safeJsonText,
  safeLine,
  safeName,
  safeSentence,
  safeText,
  shortenName,
  streamGuard,
} from '../src/util/safe-text.js';
import { makeMasker, maskSecrets, registerSecret, secretVariants } from '../src/util/secrets.js';
import { redactUrl, urlSecrets } from '../src/util/url.js';
import {
  hasCmark,
  markdownStructure,
  markdownText,
  sharedToolCommandLines,
  terminalControls,
  workflowCommandLines,
} from './helpers/hostile.js';

describe('safe text: no workflow command, no terminal control', () => {
  it('every hostile name, alone, indented and after text, by both implementations of the rules', () => {
    const outs: string[] = [];
    for (const n of HOSTILE_NAMES) {
      for (const t of [
        safeText(n),
        safeLine(n),
        safeName(n),
        `  ${safeName(n)}`,
        `x ${safeText(n)}`,
      ]) {
        expect(workflowCommandLines(t), JSON.stringify(n.slice(0, 60))).toEqual([]);
        expect(terminalControls(t)).toEqual([]);
        outs.push(t);
      }
    }
    const shared = sharedToolCommandLines([outs.join('\n')]);
    if (shared) expect(shared).toEqual([]);
    else console.warn('[skip] ../shared/tools/workflow-commands.mjs is absent');
  });

  it('keeps what is harmless and reads the same: tabs, line feeds, a zero-width space between the colons', () => {
    expect(safeText('a\tb\nc')).toBe('a\tb\nc');
    expect(safeText('::set-output name=x::y')).toBe(':\u200b:set-output name=x::y');
    expect(safeText('x ##[error]y')).toBe('x #\u200b#[error]y');
    expect(safeText('a\rb')).toBe('a\ufffdb');
    expect(safeText('\u001b[31mred')).toBe('\ufffd[31mred');
    expect(safeLine('a\nb')).toBe('a\ufffdb');
    expect(safeText('std::vector<int>::push_back')).toBe('std::vector<int>::push_back');
  });

  it('a stream written in pieces cannot build a command across them', () => {
    const cases: string[][] = [
      ['  :', ':set-output name=v::pass\n'],
      ['x\n:', ':error::e\n'],
      ['a ##', '[error]b\n'],
      ['a #', '#[error]b\n'],
      ['', '::warning::w'],
    ];
    for (const pieces of cases) {
      const g = streamGuard();
      const out = pieces.map(g).join('');
      expect(workflowCommandLines(out), JSON.stringify(pieces)).toEqual([]);
    }
    // ordinary output is left alone
    const g = streamGuard();
    expect(['profile-gate: ', 'FAIL: 1 regression\n', 'time: 3 s\n'].map(g).join('')).toBe(
      'profile-gate: FAIL: 1 regression\ntime: 3 s\n',
    );
  });

  it('long names are shortened in the middle with a marker; short ones untouched', () => {
    const long = 'pkg.' + 'x'.repeat(10_000) + '.Method';
    const s = shortenName(long);
    expect(s.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(s.startsWith('pkg.xxx')).toBe(true);
    expect(s.endsWith('xx.Method')).toBe(true);
    expect(s).toMatch(/…\[\d+ chars cut\]…/);
    expect(shortenName('main.f')).toBe('main.f');
    // never half a surrogate pair
    const emoji = '😀'.repeat(1000);
    expect(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
        shortenName(emoji),
      ),
    ).toBe(false);
    expect(safeSentence(`${long} self-CPU grew 3pp`, [long]).length).toBeLessThan(600);
  });

  it('JSON for a terminal: the same data, no C1 control, separator or ##[ left raw', () => {
    const v = { names: HOSTILE_NAMES.filter((n) => n.length < 1000) };
    const j = safeJsonText(JSON.stringify(v, null, 2));
    expect(JSON.parse(j)).toEqual(v);
    expect(workflowCommandLines(j)).toEqual([]);
    expect(terminalControls(j)).toEqual([]);
    expect(j).not.toMatch(/[\u2028\u2029\u202e]/);
  });
});

describe.skipIf(!hasCmark)(
  'safe markdown: the structure of the document does not depend on the names',
  () => {
    const twins = harmlessTwins(HOSTILE_NAMES);
    const doc = (names: readonly string[]) =>
      [
        '## report',
        '',
        ...names.map((n) => `- ${mdSentence(`${n} self-CPU grew 2.3pp, over the budget`, [n])}`),
        '',
        '| function | delta |',
        '|---|--:|',
        ...names.map((n) => `| ${mdCode(n, { table: true })} | ${mdText(n)} |`),
        '',
        ...names.map((n) => `> ${mdBlock(n)}\n`),
        ...names.map((n) => `${mdBlock(n)}\n`),
      ].join('\n');

    it('as sentences, table cells, quotes and paragraphs', () => {
      expect(markdownStructure(doc(HOSTILE_NAMES))).toBe(markdownStructure(doc(twins)));
    });

    it('code spans hold the name as it is (control characters and line breaks replaced)', () => {
      for (const n of ['back`ticks``and```more', '`', ' lead and trail ', 'a|b', '\\|x', 'a\\']) {
        const md = `x ${mdCode(n)} y`;
        expect(markdownText(md).join(''), n).toBe('x  y');
        expect(markdownText(md, 'code'), n).toEqual([n]);
        const cell = `| a |\n|---|\n| ${mdCode(n, { table: true })} |\n`;
        expect(markdownText(cell, 'code'), n).toEqual([n]);
      }
    });

    it('mentions, references and autolinks are neutralized in text', () => {
      const text = markdownText(
        `- ${mdBlock('ping @org/team about #123, GH-7, https://a.example and www.b.example')}`,
      ).join('');
      expect(text).not.toMatch(/@[a-z]|#\d|GH-\d|:\/\/|www\./i);
      expect(text.replace(/\u200b/g, '')).toBe(
        'ping @org/team about #123, GH-7, https://a.example and www.b.example',
      );
    });
  },
);

describe('secrets: masked as they are and as they travel', () => {
  const secret = 's3cr3t-T0ken/+x';
  it('base64 at every alignment, base64url, URL and JSON encoding', () => {
    const mask = makeMasker([secret]);
    const forms = [
      secret,
      Buffer.from(secret).toString('base64'),
      Buffer.from(`u:${secret}`).toString('base64'),
      Buffer.from(`ab:${secret}`).toString('base64'),
      Buffer.from(`abc:${secret}`).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      encodeURIComponent(secret),
      JSON.stringify(secret),
    ];
    for (const f of forms) {
      const out = mask(`before ${f} after`);
      expect(out, f).toContain('***');
      // what is left of the secret is too short to use
      expect(out, f).not.toContain(secret);
      expect(out, f).not.toContain(Buffer.from(secret).toString('base64').slice(2, 14));
    }
    expect(secretVariants('ab')).toEqual([]);
  });
  it('registered secrets are masked in everything the safety layer prints', () => {
    registerSecret('hunter2-registered');
    expect(safeText(`token hunter2-registered`)).toBe('token ***');
    expect(maskSecrets(Buffer.from('x:hunter2-registered').toString('base64'))).toContain('***');
    expect(mdText('hunter2-registered')).toBe('\\*\\*\\*');
  });
});

describe('URLs: no credentials in what is written or printed', () => {
  it('user-info removed, token-like parameters blanked, templates kept', () => {
    expect(
      redactUrl(
        'http://user:pa%40ss@127.0.0.1:6060/debug/pprof/profile?seconds={seconds}&token=abc&x=1',
      ),
    ).toBe('http://127.0.0.1:6060/debug/pprof/profile?seconds={seconds}&token=***&x=1');
    expect(redactUrl('https://h/p?api_key=k&sig=s#frag')).toBe(
      'https://h/p?api_key=***&sig=***#frag',
    );
    expect(redactUrl('http://h:1/p')).toBe('http://h:1/p');
    expect(urlSecrets('http://user:pa%40ss@h/p?access_token=t0k&q=1')).toEqual(
      expect.arrayContaining(['user:pa%40ss', 'pa%40ss', 'pa@ss', 't0k']),
    );
  });
});

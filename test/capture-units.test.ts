/** Unit tests for the capture building blocks: endpoints, safety, commands, mix, CLI options. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  emptyProfileHint,
  fillTemplate,
  resolveEndpoint,
  sampleTypeFor,
  usesGoDefaults,
  checkSecondsForEndpoint,
} from '../src/capture/endpoints.js';
import { checkTarget, classifyIp } from '../src/capture/safety.js';
import {
  describeExit,
  placeholdersIn,
  runCommand,
  shellQuote,
  startCommand,
  substitute,
} from '../src/capture/command.js';
import { parseHeaders, parseLoadMix, WeightedPicker } from '../src/capture/loadgen.js';
import { captureOptionsFromArgs, captureCommand } from '../src/cli/capture.js';
import { UsageError } from '../src/errors.js';
import { alive, gone, memoryIO } from './helpers/capture.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-capture-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('endpoints', () => {
  it('maps each profile kind to the Go net/http/pprof path and sample type', () => {
    const base = 'http://127.0.0.1:6060';
    const cases: [string, string, string][] = [
      ['cpu', '/debug/pprof/profile?seconds=7', 'cpu'],
      ['allocs', '/debug/pprof/allocs?seconds=7', 'alloc_space'],
      ['heap', '/debug/pprof/heap?gc=1', 'inuse_space'],
      ['block', '/debug/pprof/block?seconds=7', 'delay'],
      ['mutex', '/debug/pprof/mutex?seconds=7', 'delay'],
      ['goroutine', '/debug/pprof/goroutine', 'goroutine'],
    ];
    for (const [type, path, st] of cases) {
      const ep = resolveEndpoint(base, type);
      expect(fillTemplate(ep.template, { seconds: 7, type })).toBe(base + path);
      expect(ep.duration).toBe(path.includes('seconds'));
      expect(sampleTypeFor(type)).toBe(st);
    }
    // A trailing slash on the base does not double the slash.
    expect(resolveEndpoint(base + '/', 'cpu').template).toBe(
      base + '/debug/pprof/profile?seconds={seconds}',
    );
  });

  it('takes a full URL template for other runtimes, and --path overrides the default path', () => {
    const ep = resolveEndpoint('http://127.0.0.1:9000/prof/{type}?secs={seconds}', 'wall');
    expect(ep.duration).toBe(true);
    expect(fillTemplate(ep.template, { seconds: 2.5, type: 'wall' })).toBe(
      'http://127.0.0.1:9000/prof/wall?secs=2.5',
    );
    const snap = resolveEndpoint('http://127.0.0.1:9000/snapshot', 'heap');
    expect(snap.duration).toBe(false);
    const p = resolveEndpoint('http://127.0.0.1:9000', 'cpu', '/admin/cpu?d={seconds}');
    expect(fillTemplate(p.template, { seconds: 3, type: 'cpu' })).toBe(
      'http://127.0.0.1:9000/admin/cpu?d=3',
    );
    expect(usesGoDefaults('http://127.0.0.1:9000')).toBe(true);
    expect(usesGoDefaults('http://127.0.0.1:9000', '/x')).toBe(false);
    expect(usesGoDefaults('http://127.0.0.1:9000/x')).toBe(false);
    expect(sampleTypeFor('wall')).toBeUndefined();
  });

  it('rejects bad URLs, unknown kinds without a template, and fractional seconds for Go', () => {
    expect(() => resolveEndpoint('not a url', 'cpu')).toThrow(UsageError);
    expect(() => resolveEndpoint('ftp://127.0.0.1/', 'cpu')).toThrow(/http/);
    expect(() => resolveEndpoint('http://127.0.0.1:6060', 'wall')).toThrow(/no default endpoint/);
    expect(() => resolveEndpoint('http://127.0.0.1:6060', 'cpu', 'debug')).toThrow(/start with/);
    const ep = resolveEndpoint('http://127.0.0.1:6060', 'cpu');
    expect(() => checkSecondsForEndpoint(ep, 1.5, true)).toThrow(/whole number/);
    expect(() => checkSecondsForEndpoint(ep, 1.5, false)).not.toThrow();
  });

  it('explains empty block/mutex profiles differently from an idle service', () => {
    expect(emptyProfileHint('block')).toMatch(/SetBlockProfileRate/);
    expect(emptyProfileHint('mutex')).toMatch(/SetMutexProfileFraction/);
    expect(emptyProfileHint('cpu')).toMatch(/idle.*--load-url/);
  });
});

describe('safety', () => {
  it('classifies loopback, private and public addresses', () => {
    for (const ip of ['127.0.0.1', '127.8.9.10', '::1', '0.0.0.0', '::ffff:127.0.0.1']) {
      expect(classifyIp(ip), ip).toBe('loopback');
    }
    for (const ip of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.1.1',
      '100.64.0.1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(classifyIp(ip), ip).toBe('private');
    }
    for (const ip of [
      '8.8.8.8',
      '172.32.0.1',
      '172.15.0.1',
      '1.1.1.1',
      '2001:4860:4860::8888',
      '100.128.0.1',
    ]) {
      expect(classifyIp(ip), ip).toBe('public');
    }
  });

  it('warns for a public target and stays quiet for loopback and private ones', async () => {
    expect((await checkTarget('http://127.0.0.1:6060/')).warning).toBeUndefined();
    expect((await checkTarget('http://localhost:6060/')).class).toBe('loopback');
    expect((await checkTarget('http://[::1]:6060/')).class).toBe('loopback');
    expect((await checkTarget('http://10.0.0.5:6060/')).warning).toBeUndefined();
    const pub = await checkTarget('http://8.8.8.8:6060/');
    expect(pub.class).toBe('public');
    expect(pub.warning).toMatch(/not a loopback or private address.*localhost or an internal port/);
    // Host names are resolved (a fake resolver here: no network in tests).
    const named = await checkTarget(
      'http://pprof.example:6060/',
      'profiling endpoint',
      async () => ['10.0.0.1', '93.184.216.34'],
    );
    expect(named.class).toBe('public');
    expect(named.warning).toMatch(/pprof\.example \(10\.0\.0\.1, 93\.184\.216\.34\)/);
    const internal = await checkTarget('http://svc.internal:6060/', 'x', async () => ['10.9.8.7']);
    expect(internal.warning).toBeUndefined();
    const unresolved = await checkTarget('http://nowhere.invalid/', 'x', async () => {
      throw new Error('ENOTFOUND');
    });
    expect(unresolved.class).toBeUndefined();
    expect(unresolved.warning).toBeUndefined();
  });
});

describe('command substitution', () => {
  it('shell-quotes substituted values so they cannot break or inject', () => {
    const cmd = substitute('py-spy record --pid {pid} --duration {seconds} --format raw -o {out}', {
      pid: 42,
      seconds: 5,
      out: "/tmp/my dir/it's; rm -rf ~",
    });
    expect(cmd).toBe(
      `py-spy record --pid 42 --duration 5 --format raw -o '/tmp/my dir/it'\\''s; rm -rf ~'`,
    );
    expect(shellQuote('plain/path-1.pb.gz')).toBe('plain/path-1.pb.gz');
    expect(shellQuote('')).toBe("''");
  });

  it('leaves unknown braces alone and refuses missing values or unbalanced quotes', () => {
    expect(substitute("perf script | awk '{print $1}' > {out}", { out: '/o' })).toBe(
      "perf script | awk '{print $1}' > /o",
    );
    expect(() => substitute('py-spy --pid {pid}', {})).toThrow(/--pid/);
    expect(() => substitute("echo 'unbalanced", {})).toThrow(/unbalanced/);
    expect(placeholdersIn('a {pid} {out} {nope} {pid}')).toEqual(['pid', 'out']);
  });

  it('a hostile value arrives intact whether the placeholder is bare, in single or in double quotes', async () => {
    const nasty = `it's "$HOME" \`id\` \\ $(echo pwned); end`;
    for (const template of [
      'printf %s {out}',
      "printf %s '[{out}]'",
      'printf %s "[{out}]"',
      `true "http://127.0.0.1:1/x?seconds={seconds}&a=b"; printf %s "[{out}]"`,
    ]) {
      const r = await runCommand(substitute(template, { out: nasty, seconds: 2 }), {
        timeoutMs: 5000,
        collectStdout: true,
      });
      const want = template.includes('[') ? `[${nasty}]` : nasty;
      expect(r.stdout.toString('utf8'), template).toBe(want);
    }
    expect(substitute('curl "http://h/p?seconds={seconds}&x=1"', { seconds: 5 })).toBe(
      'curl "http://h/p?seconds=5&x=1"',
    );
  });

  it('substituted values really reach the command intact', async () => {
    const out = join(tmp, "odd name 'x'.txt");
    const r = await runCommand(substitute('printf %s {seconds} > {out}', { seconds: 3, out }), {
      timeoutMs: 5000,
    });
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8')).toBe('3');
  });

  it('stops the whole process group, including children started in the background', async () => {
    const pidFile = join(tmp, 'child.pid');
    const rc = startCommand(`sleep 30 & echo $! > ${shellQuote(pidFile)}; wait`);
    const { existsSync, readFileSync } = await import('node:fs');
    for (let i = 0; i < 100 && !existsSync(pidFile); i++)
      await new Promise((r) => setTimeout(r, 20));
    const child = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(child)).toBe(true);
    const t0 = Date.now();
    const info = await rc.stop(2000);
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(info.signal ?? info.code).toBeTruthy();
    expect(await gone(child)).toBe(true);
  });

  it('times out a command that runs too long and reports exits clearly', async () => {
    const r = await runCommand('sleep 20', { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(describeExit({ code: 127, signal: null })).toMatch(/command not found/);
    expect(describeExit({ code: null, signal: 'SIGTERM' })).toBe('killed by SIGTERM');
    const missing = await runCommand('definitely-not-a-command-xyz', { timeoutMs: 5000 });
    expect(missing.code).toBe(127);
  });
});

describe('load mix', () => {
  it('parses "METHOD PATH=WEIGHT" lists against the base URL', () => {
    const mix = parseLoadMix(
      'GET /checkout=8, POST /search=2,/stats,/q?x=1=3',
      'http://127.0.0.1:8080/',
    );
    expect(mix).toEqual([
      { method: 'GET', url: 'http://127.0.0.1:8080/checkout', weight: 8 },
      { method: 'POST', url: 'http://127.0.0.1:8080/search', weight: 2 },
      { method: 'GET', url: 'http://127.0.0.1:8080/stats', weight: 1 },
      { method: 'GET', url: 'http://127.0.0.1:8080/q?x=1', weight: 3 },
    ]);
    expect(() => parseLoadMix('GET /a=0', 'http://127.0.0.1/')).toThrow(/positive/);
    expect(() => parseLoadMix(' , ', 'http://127.0.0.1/')).toThrow(/empty/);
  });

  it('reads a JSON mix file with bodies and headers', () => {
    const f = join(tmp, 'mix.json');
    writeFileSync(
      f,
      JSON.stringify([
        {
          method: 'post',
          path: '/search',
          weight: 2,
          body: { q: 'x' },
          headers: { 'content-type': 'application/json' },
        },
        { url: 'http://127.0.0.1:9/other' },
      ]),
    );
    const mix = parseLoadMix('@mix.json', 'http://127.0.0.1:8080', tmp);
    expect(mix[0]).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/search',
      weight: 2,
      body: '{"q":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(mix[1]).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:9/other', weight: 1 });
    expect(() => parseLoadMix('@missing.json', 'http://127.0.0.1', tmp)).toThrow(UsageError);
  });

  it('picks targets in exact proportion, deterministically', () => {
    const p = new WeightedPicker([
      { name: 'a', weight: 8 },
      { name: 'b', weight: 2 },
    ]);
    const seq = Array.from({ length: 10 }, () => p.next().name);
    expect(seq.filter((x) => x === 'a')).toHaveLength(8);
    // Smooth: b is not bunched at the end.
    expect(seq.slice(0, 5)).toContain('b');
    const q = new WeightedPicker([
      { name: 'a', weight: 8 },
      { name: 'b', weight: 2 },
    ]);
    expect(Array.from({ length: 10 }, () => q.next().name)).toEqual(seq);
  });

  it('parses headers', () => {
    expect(parseHeaders(['Authorization: Bearer x:y', 'X-A:1'])).toEqual({
      Authorization: 'Bearer x:y',
      'X-A': '1',
    });
    expect(() => parseHeaders(['nocolon'])).toThrow(UsageError);
  });
});

describe('capture CLI options', () => {
  it('builds runCapture options from the issue example', () => {
    const o = captureOptionsFromArgs(
      [
        '--url',
        'http://127.0.0.1:6060',
        '--type',
        'allocs',
        '--captures',
        '4',
        '--seconds',
        '3',
        '--out',
        'caps',
        '--warmup',
        '2',
        '--label',
        'service_name=api',
        '--label',
        'version=1.2.3',
        '--load-url',
        'http://127.0.0.1:8080',
        '--rate',
        '150',
        '--load-mix',
        'GET /checkout=8,POST /search=2',
      ],
      tmp,
    );
    expect(o).toMatchObject({
      outDir: join(tmp, 'caps'),
      type: 'allocs',
      captures: 4,
      seconds: 3,
      warmupSeconds: 2,
      labels: { service_name: 'api', version: '1.2.3' },
      load: { kind: 'builtin', rate: 150 },
    });
    expect(
      o.load?.kind === 'builtin' && o.load.targets.map((t) => `${t.method} ${t.url} ${t.weight}`),
    ).toEqual(['GET http://127.0.0.1:8080/checkout 8', 'POST http://127.0.0.1:8080/search 2']);
  });

  it('rejects contradictory or incomplete options with a usage error', () => {
    const bad: [string[], RegExp][] = [
      [['--url', 'http://127.0.0.1:1'], /--out/],
      [['--out', 'x'], /--url, --profiler or --capture-command/],
      [['--url', 'http://127.0.0.1:1', '--out', 'x', '--load-url', 'http://127.0.0.1:2'], /--rate/],
      [['--url', 'http://127.0.0.1:1', '--out', 'x', '--rate', '5'], /goes with --load-url/],
      [
        [
          '--url',
          'http://127.0.0.1:1',
          '--out',
          'x',
          '--load-url',
          'http://a',
          '--rate',
          '1',
          '--load-command',
          'wrk',
        ],
        // with a load command, --load-url is only its {url}
        /--rate goes with --load-url \(the built-in load generator\)/,
      ],
      [['--url', 'http://127.0.0.1:1', '--out', 'x', '--label', 'novalue'], /KEY=VALUE/],
    ];
    for (const [argv, re] of bad)
      expect(() => captureOptionsFromArgs(argv, tmp), argv.join(' ')).toThrow(re);
  });

  it('prints help and refuses bad values before touching the network', async () => {
    const m = memoryIO(tmp);
    expect(await captureCommand(['--help'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/--load-mix/);
    expect(m.stdout()).toMatch(/localhost or an internal port/);
    const m2 = memoryIO(tmp);
    await expect(
      captureCommand(['--url', 'http://127.0.0.1:1', '--out', 'o', '--captures', '0'], m2.io),
    ).rejects.toThrow(/--captures/);
    await expect(
      captureCommand(['--url', 'http://127.0.0.1:1', '--out', 'o', '--seconds', '1.5'], m2.io),
    ).rejects.toThrow(/whole number/);
    await expect(
      captureCommand(
        ['--capture-command', 'py-spy record --pid {pid} -o {out}', '--out', 'o'],
        m2.io,
      ),
    ).rejects.toThrow(/--pid/);
    await expect(
      captureCommand(
        [
          '--url',
          'http://127.0.0.1:1',
          '--baseline-url',
          'http://127.0.0.1:2',
          '--out',
          'o',
          '--load-url',
          'http://127.0.0.1:3',
          '--rate',
          '5',
        ],
        m2.io,
      ),
    ).rejects.toThrow(/--baseline-load-url/);
  });
});

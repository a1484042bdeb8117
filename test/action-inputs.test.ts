/** Input parsing and validation of the Action (src/github/inputs.ts) and the run context. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowId } from '../src/github/baseline.js';
import { readRunContext } from '../src/github/context.js';
import { InputError, readInputs } from '../src/github/inputs.js';
import { nextLink } from '../src/github/rest.js';
import { fixture } from './helpers/corpus.js';
import { inputEnvName } from './helpers/run-action.js';

const base = {
  GITHUB_REPOSITORY: 'octo-org/shop',
  GITHUB_WORKSPACE: '/work/ws',
  RUNNER_TEMP: '/tmp/rt',
};

function env(inputs: Record<string, string>): Record<string, string> {
  const e: Record<string, string> = { ...base };
  for (const [k, v] of Object.entries(inputs)) e[inputEnvName(k)] = v;
  return e;
}

function problems(inputs: Record<string, string>): string[] {
  try {
    readInputs(env(inputs));
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  return [];
}

describe('readInputs', () => {
  const canary = fixture('captures', 'cpu');

  it('reads the defaults and derives names from the repository', () => {
    const i = readInputs(env({ 'canary-path': canary, 'github-token': 't' }));
    expect(i.mode).toBe('gate');
    expect(i.service).toBe('shop');
    expect(i.profileType).toBe('cpu');
    expect(i.baseline.artifactName).toBe('profile-gate-shop-cpu');
    expect(i.baseline.events).toEqual(['push']);
    expect(i.baseline.failWhenMissing).toBe('auto');
    expect(i.baseline.history).toBe(5);
    expect(i.commentKey).toBe('shop-cpu');
    expect(i.retentionDays).toBe(90);
    expect(i.reportDir).toBe('/tmp/rt/profile-gate/shop-cpu/report');
    expect(i.settings).toEqual({});
    expect(i.canaryPaths).toEqual([canary]);
  });

  it('passes explicit statistics settings through, confidence in percent or fraction', () => {
    const i = readInputs(
      env({
        'canary-path': canary,
        'github-token': 't',
        'budget-pp': '2.5',
        'budget-cum-pp': '4',
        confidence: '90',
        bootstrap: '2000',
        seed: '7',
        'sample-type': 'alloc_space',
      }),
    );
    expect(i.settings).toEqual({
      budgetPp: 2.5,
      budgetCumPp: 4,
      confidence: 0.9,
      bootstrap: 2000,
      seed: 7,
      type: 'alloc_space',
    });
    expect(
      readInputs(env({ 'canary-path': canary, 'github-token': 't', confidence: '0.99' })).settings
        .confidence,
    ).toBe(0.99);
  });

  it('masks the token before anything else', () => {
    const masked: string[] = [];
    readInputs(env({ 'canary-path': canary, 'github-token': 'ghs_secret' }), (s) => masked.push(s));
    expect(masked).toEqual(['ghs_secret']);
    // Even when other inputs are bad.
    const masked2: string[] = [];
    expect(() =>
      readInputs(env({ 'github-token': 'ghs_x', mode: 'nope' }), (s) => masked2.push(s)),
    ).toThrow(InputError);
    expect(masked2).toEqual(['ghs_x']);
  });

  it('reports every problem at once, naming the input', () => {
    const p = problems({
      mode: 'deploy',
      'budget-pp': '-1',
      bootstrap: '12.5',
      'fail-on-no-baseline': 'maybe',
      'canary-path': '/does/not/exist',
      'github-token': 't',
    });
    expect(p).toContain('mode: "deploy" is not one of gate, promote, capture, comment');
    expect(p).toContain('budget-pp: -1 is out of range (expected a number >= 0)');
    expect(p).toContain('bootstrap: "12.5" is not a whole number');
    expect(p).toContain('fail-on-no-baseline: "maybe" is not one of auto, true, false');
    expect(p).toContain('canary-path: /does/not/exist does not exist');
  });

  it('baseline events: an allow-list, never pull requests or "any"; the old input still reads', () => {
    const i = readInputs(
      env({
        'canary-path': canary,
        'github-token': 't',
        'baseline-events': 'push, schedule\nworkflow_dispatch',
        'fail-on-no-baseline': 'false',
        'baseline-history': '0',
      }),
    );
    expect(i.baseline.events).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(i.baseline.failWhenMissing).toBe('never');
    expect(i.baseline.history).toBe(0);
    const old = readInputs(
      env({ 'canary-path': canary, 'github-token': 't', 'baseline-event': 'schedule' }),
    );
    expect(old.baseline.events).toEqual(['schedule']);
    expect(old.deprecated).toEqual([
      'input baseline-event is deprecated: use baseline-events (a list)',
    ]);
    expect(
      readInputs(env({ 'canary-path': canary, 'github-token': 't', 'fail-on-no-baseline': 'true' }))
        .baseline.failWhenMissing,
    ).toBe('always');
    // the old "any" means every event but pull requests, with a note
    const any = readInputs(
      env({ 'canary-path': canary, 'github-token': 't', 'baseline-event': 'any' }),
    );
    expect(any.baseline.events).toEqual([
      'push',
      'schedule',
      'workflow_dispatch',
      'release',
      'repository_dispatch',
      'merge_group',
      'workflow_run',
    ]);
    expect(any.deprecated[1]).toBe(
      'baseline-event: any now means push, schedule, workflow_dispatch, release, repository_dispatch, merge_group, workflow_run (never pull requests): list the events you want in baseline-events',
    );
    expect(
      problems({ 'canary-path': canary, 'github-token': 't', 'baseline-events': 'any' }),
    ).toEqual([
      'baseline-events: "any" is not accepted: list the events whose runs may provide the baseline (e.g. push, schedule, workflow_dispatch); pull-request runs never do',
    ]);
    expect(
      problems({
        'canary-path': canary,
        'github-token': 't',
        'baseline-events': 'push, pull_request_target, nope',
        'baseline-history': '2',
      }),
    ).toEqual([
      'baseline-events: "pull_request_target" is not accepted: pull-request runs (maybe from a fork) never provide a baseline',
      'baseline-events: "nope" is not one of push, schedule, workflow_dispatch, release, repository_dispatch, merge_group, workflow_run',
      'baseline-history: 2 is too few to estimate drift (at least 3 baselines, or 0 to turn it off)',
    ]);
  });

  it('needs the canary, and exactly one way to get it', () => {
    expect(problems({ 'github-token': 't' })).toEqual([
      'gate needs the canary: set canary-path (captures on disk), endpoint (capture now) or canary-source (Pyroscope / Parca)',
    ]);
    expect(
      problems({ 'github-token': 't', 'canary-path': canary, endpoint: 'http://127.0.0.1:6060' }),
    ).toContain('canary-path and endpoint: give one of them (captures on disk, or capture now)');
    expect(problems({ mode: 'capture' })).toContain(
      'capture mode needs endpoint (the profile URL to capture from) or profiler and pid',
    );
  });

  it('reads profiler, pid and baseline-pid (attach by pid, interleaved A/B)', () => {
    const i = readInputs(
      env({
        mode: 'capture',
        profiler: 'node',
        pid: '4242',
        'baseline-pid': '4241',
        'load-url': 'http://127.0.0.1:8081/',
        'baseline-load-url': 'http://127.0.0.1:8080/',
        'load-rate': '100',
      }),
    );
    expect(i.capture).toMatchObject({
      profiler: 'node',
      pid: 4242,
      baselinePid: 4241,
      baselineLoadUrl: 'http://127.0.0.1:8080/',
      load: { kind: 'builtin', url: 'http://127.0.0.1:8081/', rate: 100 },
    });
    expect(i.capture?.endpoint).toBeUndefined();
    expect(problems({ mode: 'capture', profiler: 'dtrace', pid: '1' })).toContain(
      'profiler: "dtrace" is not one of node, jfr, perf',
    );
    expect(problems({ mode: 'capture', profiler: 'perf' })).toContain(
      'pid: needed with profiler (the process id of the running canary)',
    );
    expect(problems({ mode: 'capture', endpoint: 'http://127.0.0.1:6060', pid: '3' })).toContain(
      'pid / baseline-pid: only used with profiler',
    );
    expect(
      problems({
        mode: 'capture',
        profiler: 'perf',
        pid: '3',
        'baseline-pid': '4',
        'load-url': 'http://127.0.0.1:8081/',
        'load-rate': '10',
      }),
    ).toContain(
      'baseline-load-url: needed with baseline-pid and load-url (both builds get the same load)',
    );
    expect(
      problems({ mode: 'capture', endpoint: 'http://127.0.0.1:6060', profiler: 'node', pid: '3' }),
    ).toContain('endpoint and profiler: give one of them (a profile URL, or a profiler and a pid)');
  });

  it('validates the capture options', () => {
    expect(
      problems({
        mode: 'capture',
        endpoint: 'ftp://x',
        'load-url': 'http://127.0.0.1:8080/',
        'load-command': 'hey',
        'load-rate': '5',
        seconds: '0',
      }),
    ).toEqual([
      'seconds: 0 is out of range (expected a number > 0 and <= 3600)',
      'load-rate / load-mix: only used with load-url (the built-in load generator, without load-command)',
      'endpoint: "ftp://x" is not an http(s) URL',
    ]);
    expect(
      problems({
        mode: 'capture',
        endpoint: 'http://127.0.0.1:6060',
        'load-url': 'http://127.0.0.1:8080/',
      }),
    ).toEqual(['load-rate: needed with load-url (requests per second)']);
    expect(
      problems({ mode: 'capture', endpoint: 'http://127.0.0.1:6060', 'load-command': 'hey {url}' }),
    ).toEqual(['load-url: needed when load-command uses {url} (the URL handed to the command)']);
    const i = readInputs(
      env({
        mode: 'capture',
        endpoint: 'http://127.0.0.1:6060',
        'load-url': 'http://127.0.0.1:8080/',
        'load-rate': '200',
        'load-mix': 'GET /a=3,GET /b=1',
        captures: '8',
      }),
    );
    expect(i.capture).toMatchObject({
      endpoint: 'http://127.0.0.1:6060',
      captures: 8,
      seconds: 5,
      warmupSeconds: 5,
      load: { kind: 'builtin', url: 'http://127.0.0.1:8080/', rate: 200, mix: 'GET /a=3,GET /b=1' },
      outDir: '/tmp/rt/profile-gate/shop-cpu/canary',
    });
  });

  it('needs a token to look up the artifact baseline, not with a local baseline', () => {
    expect(problems({ 'canary-path': canary })).toEqual([
      'github-token: empty; it is needed to find the baseline artifact and to comment (default: ${{ github.token }})',
    ]);
    expect(
      problems({ 'canary-path': canary, 'baseline-path': fixture('captures', 'base-1') }),
    ).toEqual([]);
  });

  it('same runner: baseline-endpoint, baseline-run / canary-run, ready-timeout, accept-label', () => {
    const ab = {
      endpoint: 'http://127.0.0.1:6061',
      'baseline-endpoint': 'http://user:pw@127.0.0.1:6060/debug/pprof/profile?seconds={seconds}',
      'canary-run': './head/server',
      'baseline-run': './base/server',
    };
    const masked: string[] = [];
    // no token needed: the baseline is captured here
    const i = readInputs(env(ab), (s) => masked.push(s));
    expect(masked).toContain('pw');
    expect(i.capture).toMatchObject({
      endpoint: 'http://127.0.0.1:6061',
      baselineEndpoint: ab['baseline-endpoint'],
      load: { kind: 'none' },
    });
    expect(i.builds.map((b) => [b.role, b.command, b.option, b.readyUrls])).toEqual([
      [
        'baseline',
        './base/server',
        'baseline-run',
        ['http://user:pw@127.0.0.1:6060/debug/pprof/profile?seconds=0'],
      ],
      ['canary', './head/server', 'canary-run', ['http://127.0.0.1:6061']],
    ]);
    expect(i.readyTimeoutSeconds).toBe(120);
    expect(i.acceptLabel).toBe('profile-gate:accept');
    expect(readInputs(env({ ...ab, 'accept-label': 'perf-ok' })).acceptLabel).toBe('perf-ok');

    // a load command gets {url}: the canary's load-url, the baseline's baseline-load-url
    const lc = readInputs(
      env({
        ...ab,
        'load-command': 'hey -z {seconds}s {url}',
        'load-url': 'http://127.0.0.1:8081/checkout',
        'baseline-load-url': 'http://127.0.0.1:8080/checkout',
      }),
    );
    expect(lc.capture).toMatchObject({
      load: {
        kind: 'command',
        command: 'hey -z {seconds}s {url}',
        url: 'http://127.0.0.1:8081/checkout',
      },
      baselineLoadUrl: 'http://127.0.0.1:8080/checkout',
    });
    expect(lc.builds[1].readyUrls).toEqual([
      'http://127.0.0.1:6061',
      'http://127.0.0.1:8081/checkout',
    ]);

    expect(
      problems({
        'canary-path': canary,
        'baseline-endpoint': 'http://127.0.0.1:6060',
        'baseline-run': './base',
        'ready-timeout': '0',
      }),
    ).toEqual([
      "baseline-endpoint: goes with endpoint (the canary's profile URL; both builds are captured in alternation)",
      'ready-timeout: 0 is out of range (expected a number >= 1 and <= 3600)',
    ]);
    expect(
      problems({
        endpoint: 'http://127.0.0.1:6061',
        'baseline-run': './base',
        'github-token': 't',
      }),
    ).toEqual([
      "baseline-run: goes with baseline-endpoint (the started build's profile URL, polled until it answers)",
    ]);
    expect(problems({ 'canary-path': canary, 'canary-run': './x', 'github-token': 't' })).toEqual([
      "canary-run: goes with endpoint (the started build's profile URL, polled until it answers)",
    ]);
    expect(problems({ 'canary-path': canary, 'ready-timeout': '5', 'github-token': 't' })).toEqual([
      'ready-timeout: only used with canary-run or baseline-run',
    ]);
    expect(
      problems({
        ...ab,
        'baseline-path': fixture('captures', 'base-1'),
        'load-url': 'http://127.0.0.1:8081/',
        'load-rate': '100',
      }),
    ).toEqual([
      'baseline-load-url: needed with baseline-endpoint and load-url (both builds get the same load)',
      'baseline-endpoint: give one of baseline-endpoint (capture the baseline build on this runner now), baseline-path and baseline-source',
    ]);
  });

  it('rejects artifact names GitHub refuses, and a missing config file', () => {
    expect(
      problems({
        'canary-path': canary,
        'github-token': 't',
        'baseline-artifact': 'a:b',
        config: 'nope.yml',
      }),
    ).toEqual([
      'baseline-artifact: "a:b" may not contain " : < > | * ? \\ / or line breaks',
      'config: /work/ws/nope.yml does not exist',
    ]);
  });
});

describe('run context', () => {
  it('reads the pull request from the event payload and detects forks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-ctx-'));
    const path = join(dir, 'event.json');
    writeFileSync(
      path,
      JSON.stringify({
        pull_request: {
          number: 12,
          head: { sha: 'abc', ref: 'fix', repo: { full_name: 'someone/shop' } },
        },
        repository: { full_name: 'octo-org/shop', default_branch: 'trunk' },
      }),
    );
    const ctx = readRunContext({
      GITHUB_REPOSITORY: 'octo-org/shop',
      GITHUB_EVENT_PATH: path,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_WORKFLOW_REF: 'octo-org/shop/.github/workflows/perf.yml@refs/pull/12/merge',
      GITHUB_RUN_ID: '99',
    });
    expect(ctx.pullRequest).toEqual({
      number: 12,
      headSha: 'abc',
      headRef: 'fix',
      headRepo: 'someone/shop',
      fromFork: true,
    });
    expect(ctx.workflowFile).toBe('perf.yml');
    expect(ctx.defaultBranch).toBe('trunk');
    expect(ctx.apiUrl).toBe('https://api.github.com');
  });

  it('refuses to run outside Actions', () => {
    expect(() => readRunContext({})).toThrow(/GITHUB_REPOSITORY is not set/);
  });

  it('parses workflow ids and Link headers', () => {
    expect(workflowId('.github/workflows/gate.yml')).toBe('gate.yml');
    expect(workflowId('o/r/.github/workflows/gate.yml@refs/heads/main')).toBe('gate.yml');
    expect(workflowId('161335')).toBe('161335');
    expect(
      nextLink(
        '<https://api.github.com/repositories/1/issues/2/comments?page=3>; rel="next", <https://api.github.com/repositories/1/issues/2/comments?page=9>; rel="last"',
      ),
    ).toBe('https://api.github.com/repositories/1/issues/2/comments?page=3');
    expect(nextLink('<https://x/?page=1>; rel="prev"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});

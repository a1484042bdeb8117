/**
 * The attach-by-pid profilers without the runtimes they profile: option checks, finding a Node
 * inspector's port, refusing to signal a process that is not Node, perf and jcmd failures
 * (missing tools, a kernel that refuses, a process that is not a JVM) told apart with fake
 * executables, JFR recordings decoded by the capture check (a fake jcmd dumps them), and the
 * WebSocket client's fallback.
 * Real processes: capture-runtimes-e2e.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { liveCommandCount } from '../src/capture/command.js';
import { CaptureRunError, runCapture, type RunCaptureOptions } from '../src/capture/runner.js';
import { webSocketClass } from '../src/capture/profilers/devtools.js';
import { jfrPeriodMs } from '../src/capture/profilers/jfr.js';
import { inspectorAddress, intervalMicros, looksLikeNode } from '../src/capture/profilers/node.js';
import { perfEventParanoid } from '../src/capture/profilers/perf.js';
import { captureOptionsFromArgs } from '../src/cli/capture.js';
import { alive, gone } from './helpers/capture.js';
import { chunk, Enc, stackPools, standardClasses, typeIds } from './helpers/jfr-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-profilers-'));
const started: ChildProcess[] = [];
afterAll(async () => {
  for (const c of started) {
    if (c.pid !== undefined && alive(c.pid)) {
      c.kill('SIGKILL');
      await gone(c.pid);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
const opts = (over: Partial<RunCaptureOptions>): RunCaptureOptions => ({
  outDir: join(tmp, `out-${++n}`),
  type: 'cpu',
  captures: 1,
  seconds: 0.2,
  retryBackoffMs: 10,
  ...over,
});

async function failure(p: Promise<unknown>): Promise<CaptureRunError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CaptureRunError);
    return e as CaptureRunError;
  }
  throw new Error('expected the run to fail');
}

/** A fake executable: prints `out` on stderr and exits with `code`. */
function fakeTool(name: string, out: string, code: number): string {
  const p = join(tmp, name);
  writeFileSync(p, `#!/bin/sh\ncat >&2 <<'EOF'\n${out}\nEOF\nexit ${code}\n`);
  chmodSync(p, 0o755);
  return p;
}

/** A process that is not Node (SIGUSR1 would end it). */
function sleeper(): number {
  const c = spawn('sleep', ['60'], { stdio: 'ignore' });
  started.push(c);
  return c.pid!;
}

describe('profiler options', () => {
  const cases: [Partial<RunCaptureOptions>, RegExp][] = [
    [{ profiler: 'node' }, /--profiler node attaches to a running process: give --pid/],
    [{ profiler: 'node', pid: 1, url: 'http://127.0.0.1:1' }, /exactly one of --url .* --profiler/],
    [
      { profiler: 'node', pid: 1, type: 'block' },
      /--profiler node captures --type cpu, allocs \(got --type block\)/,
    ],
    [{ profiler: 'perf', pid: 1, type: 'allocs' }, /--profiler perf captures --type cpu/],
    [{ profiler: 'perf', pid: 1, inspectPort: 9230 }, /--inspect-port goes with --profiler node/],
    [{ profiler: 'jfr', pid: 1, hz: 2000 }, /--hz for jfr is at most 1000/],
    [{ profiler: 'node', pid: 1, hz: 0 }, /--hz must be a whole number from 1 to 10000/],
    [{ profiler: 'node', pid: 1, baselinePid: 1 }, /--baseline-pid must be another process/],
    [{ url: 'http://127.0.0.1:1', hz: 99 }, /--hz goes with --profiler/],
    [{ profiler: 'gdb' as 'node', pid: 1 }, /--profiler must be one of node, jfr, perf/],
  ];
  for (const [o, re] of cases) {
    it(`rejects ${JSON.stringify(o)}`, async () => {
      await expect(runCapture(opts(o))).rejects.toThrow(re);
    });
  }

  it('the CLI flags reach the options', () => {
    const o = captureOptionsFromArgs(
      [
        '--profiler',
        'node',
        '--pid',
        '7',
        '--baseline-pid',
        '8',
        '--hz',
        '500',
        '--inspect-port',
        '9300',
        '--baseline-inspect-port',
        '9301',
        '--out',
        'x',
      ],
      tmp,
    );
    expect(o).toMatchObject({
      profiler: 'node',
      pid: 7,
      baselinePid: 8,
      hz: 500,
      inspectPort: 9300,
      baselineInspectPort: 9301,
    });
  });

  it('sampling settings: node interval, jfr period', () => {
    expect(intervalMicros(1000)).toBe(1000);
    expect(intervalMicros(499)).toBe(2004);
    expect(jfrPeriodMs(100)).toBe(10);
    expect(jfrPeriodMs(1000)).toBe(1);
    expect(jfrPeriodMs(3)).toBe(333);
  });
});

describe('node: finding the inspector', () => {
  it('reads --inspect options the way node does', () => {
    expect(inspectorAddress(['node', 'app.js'])).toBeUndefined();
    expect(inspectorAddress(['node', '--inspect', 'app.js'])).toEqual({ port: 9229 });
    expect(inspectorAddress(['node', '--inspect=9230', 'app.js'])).toEqual({
      host: undefined,
      port: 9230,
    });
    expect(inspectorAddress(['node', '--inspect-port=0.0.0.0:9231', 'a.js'])).toEqual({
      host: undefined,
      port: 9231,
    });
    expect(inspectorAddress(['node', '--inspect-port', '9232', 'a.js'])).toEqual({
      host: undefined,
      port: 9232,
    });
    expect(inspectorAddress(['node', '--inspect-brk=127.0.0.2:9333'])).toEqual({
      host: '127.0.0.2',
      port: 9333,
    });
    expect(inspectorAddress(['--max-old-space-size=4096', '--inspect-port=0'])).toEqual({
      host: undefined,
      port: 0,
    });
  });

  it('knows node by its executable', () => {
    for (const yes of ['/usr/bin/node', 'node', '/opt/node-v20.11.0/bin/node', 'nodejs', 'node20'])
      expect(looksLikeNode(yes), yes).toBe(true);
    for (const no of ['/usr/bin/sleep', 'python3', 'nodemon', undefined])
      expect(looksLikeNode(no), String(no)).toBe(false);
  });

  it('refuses to send SIGUSR1 to a process that is not node, which keeps running', async () => {
    const pid = sleeper();
    const e = await failure(runCapture(opts({ profiler: 'node', pid, inspectPort: 1 })));
    expect(e.kind).toBe('attach');
    expect(e.message).toMatch(
      new RegExp(
        `process ${pid} \\(--pid\\) runs .*sleep, not node, and nothing answers on 127\\.0\\.0\\.1:1: SIGUSR1`,
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(true);
  });

  it('names a process that does not exist', async () => {
    const e = await failure(runCapture(opts({ profiler: 'node', pid: 4_194_000 })));
    expect(e.message).toBe('no process with id 4194000 (--pid): is the service running?');
  });

  it('says how to get a WebSocket client when there is none', async () => {
    const saved = (globalThis as { WebSocket?: unknown }).WebSocket;
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    try {
      await expect(
        webSocketClass(() => Promise.reject(new Error("Cannot find package 'undici'"))),
      ).rejects.toThrow(
        /no WebSocket client for the DevTools protocol: Node 22 and later have one built in; .*"undici" package, which could not be loaded \(Cannot find package 'undici'\)/,
      );
      const fake = function FakeWebSocket() {};
      (globalThis as { WebSocket?: unknown }).WebSocket = fake;
      expect(await webSocketClass(() => Promise.reject(new Error('unused')))).toBe(fake);
    } finally {
      if (saved === undefined) delete (globalThis as { WebSocket?: unknown }).WebSocket;
      else (globalThis as { WebSocket?: unknown }).WebSocket = saved;
    }
    // on this Node the fallback loads
    expect(typeof (await webSocketClass())).toBe('function');
  });
});

describe('perf: failures told apart', () => {
  it('a kernel that refuses names perf_event_paranoid and its value', async () => {
    const perf = fakeTool(
      'perf-refused',
      'Error:\nNo permission to enable cpu-clock event.\n\nYou may not have permission to collect stats.\nConsider tweaking /proc/sys/kernel/perf_event_paranoid,',
      255,
    );
    const pid = sleeper();
    const e = await failure(runCapture(opts({ profiler: 'perf', pid, tools: { perf } })));
    expect(e.kind).toBe('attach');
    const level = perfEventParanoid();
    expect(e.message).toMatch(
      new RegExp(
        `^the kernel refused perf \\(perf record\\): kernel\\.perf_event_paranoid is ${level ?? 'unknown'} \\(/proc/sys/kernel/perf_event_paranoid\\)`,
      ),
    );
    expect(e.message).toMatch(/sysctl kernel\.perf_event_paranoid=1/);
    expect(liveCommandCount()).toBe(0);
  });

  it('a missing perf says how to install it', async () => {
    const e = await failure(
      runCapture(
        opts({ profiler: 'perf', pid: sleeper(), tools: { perf: join(tmp, 'no-such-perf') } }),
      ),
    );
    expect(e.message).toMatch(/^perf is not installed or not on PATH .*apt-get install linux-perf/);
  });

  it('reads perf_event_paranoid', () => {
    const f = join(tmp, 'paranoid');
    writeFileSync(f, '2\n');
    expect(perfEventParanoid(f)).toBe(2);
    expect(perfEventParanoid(join(tmp, 'none'))).toBeUndefined();
  });
});

describe('jfr: failures, and the capture check decodes recordings', () => {
  it('a process that is not a JVM: jcmd cannot attach, said so', async () => {
    const jcmd = fakeTool(
      'jcmd-noattach',
      "com.sun.tools.attach.AttachNotSupportedException: Unable to open socket file /proc/1/root/tmp/.java_pid1: target process 1 doesn't respond within 10500ms or HotSpot VM not loaded",
      1,
    );
    const e = await failure(runCapture(opts({ profiler: 'jfr', pid: sleeper(), tools: { jcmd } })));
    expect(e.message).toMatch(
      /^cannot attach to process \d+ \(--pid\) with jcmd: is it a JVM \(JDK 11 or later\)/,
    );
    expect(e.message).toMatch(/AttachNotSupportedException/);
  });

  it('a missing jcmd names the JDK package', async () => {
    const e = await failure(
      runCapture(opts({ profiler: 'jfr', pid: sleeper(), tools: { jcmd: join(tmp, 'no-jcmd') } })),
    );
    expect(e.message).toMatch(/jcmd is not installed .*openjdk-17-jdk-headless/);
  });

  /**
   * A fake jcmd that writes `recording` (bytes) where a `filename=` asks, as the JVM would, and
   * logs its arguments (`NAME.log`); every other command answers as jcmd does when all is well.
   */
  function dumpingJcmd(name: string, recording: Uint8Array): string {
    const rec = join(tmp, `${name}.rec`);
    writeFileSync(rec, recording);
    const p = join(tmp, name);
    writeFileSync(
      p,
      `#!/bin/sh\necho "$*" >> '${p}.log'\necho "$1:"\nfor a in "$@"; do case "$a" in filename=*) cp '${rec}' "\${a#filename=}";; esac; done\nexit 0\n`,
    );
    chmodSync(p, 0o755);
    return p;
  }
  const jcmdCalls = (jcmd: string) =>
    readFileSync(`${jcmd}.log`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ').slice(1).join(' '));
  const attachJfr = new Uint8Array(readFileSync('fixtures/profiles/java-attach.jfr'));
  /** A hand-built recording: the sampling period, then `events` (on two small stacks). */
  const recording = (events: 'none' | 'park' | 'exec') => {
    const classes = standardClasses();
    const ids = typeIds({ classes, checkpoints: [], events: [] });
    const e = () => new Enc();
    return chunk({
      compressed: true,
      classes,
      checkpoints: [stackPools([{ frames: ['com/x/A.leaf', 'java/lang/Thread.run'] }])],
      events: [
        [
          'jdk.ActiveSetting',
          e().long(0).long(ids.get('jdk.ExecutionSample')!).str('period').str('10 ms').bytes(),
        ],
        ...(events === 'exec'
          ? [['jdk.ExecutionSample', e().long(5).long(1).bytes()] as [string, Uint8Array]]
          : []),
        ...(events === 'park'
          ? [
              ['jdk.ThreadPark', e().long(8).long(30_000_000).long(1).bytes()] as [
                string,
                Uint8Array,
              ],
            ]
          : []),
      ],
    });
  };

  it('a recording is decoded by the capture check and kept as .jfr, sample type cpu', async () => {
    const o = opts({
      profiler: 'jfr',
      pid: sleeper(),
      tools: { jcmd: dumpingJcmd('jcmd-ok', attachJfr) },
    });
    const res = await runCapture(o);
    expect(res.manifest.sampleType).toBe('cpu');
    expect(res.manifest.captures.map((c) => c.file)).toEqual(['cpu-001.jfr']);
    expect(readFileSync(join(o.outDir, 'cpu-001.jfr')).equals(Buffer.from(attachJfr))).toBe(true);
    // five jcmd calls: attach; a recording started and stopped at once (JFR's start-up, before
    // the warm-up); then per capture a start, and a stop that writes the file
    const calls = jcmdCalls(o.tools!.jcmd!);
    expect(calls).toHaveLength(5);
    expect(calls[0]).toBe('VM.version');
    const run =
      /^JFR\.start name=profile-gate-([0-9a-f]+)-0 settings=profile jdk\.ExecutionSample#period=10ms$/.exec(
        calls[1],
      )?.[1];
    expect(run).toBeDefined();
    expect(calls[2]).toBe(`JFR.stop name=profile-gate-${run}-0`);
    const name = `profile-gate-${run}-1`;
    expect(calls[3]).toBe(
      `JFR.start name=${name} settings=profile jdk.ExecutionSample#period=10ms`,
    );
    expect(
      calls[4].startsWith(`JFR.stop name=${name} filename=${o.outDir}/.cpu-001.jfr.tmp-`),
    ).toBe(true);
  });

  it('a JVM that cannot write the file: the capture fails and the recording is stopped', async () => {
    const jcmd = join(tmp, 'jcmd-nowrite');
    writeFileSync(
      jcmd,
      `#!/bin/sh\necho "$*" >> '${jcmd}.log'\necho "$1:"\ncase "$*" in\n  *JFR.stop*filename=*) echo 'Could not write recording "x" to file. Failed to stop x. Could not set destination';;\n  *JFR.stop*) echo 'Stopped recording "x".';;\nesac\nexit 0\n`,
    );
    chmodSync(jcmd, 0o755);
    const e = await failure(runCapture(opts({ profiler: 'jfr', pid: sleeper(), tools: { jcmd } })));
    expect(e.kind).toBe('profiler');
    expect(e.message).toMatch(
      /^jcmd JFR\.stop failed .*; jcmd said:\n.*Could not write recording/s,
    );
    const calls = jcmdCalls(jcmd);
    expect(calls.map((c) => c.replace(/ .*/, ''))).toEqual([
      'VM.version',
      'JFR.start',
      'JFR.stop',
      'JFR.start',
      'JFR.stop',
      'JFR.stop',
    ]);
    expect(calls[5]).toMatch(/^JFR\.stop name=profile-gate-[0-9a-f]+-1$/);
  });

  it('a recording cut short fails the capture as a profile that does not decode', async () => {
    const jcmd = dumpingJcmd('jcmd-cut', attachJfr.subarray(0, attachJfr.length >> 1));
    const e = await failure(runCapture(opts({ profiler: 'jfr', pid: sleeper(), tools: { jcmd } })));
    expect(e.kind).toBe('decode');
    expect(e.message).toMatch(/^cpu-001: not a usable profile: not a readable JFR recording: /);
  });

  it('a recording without sample events is empty, with a JFR hint', async () => {
    const jcmd = dumpingJcmd('jcmd-none', recording('none'));
    const e = await failure(runCapture(opts({ profiler: 'jfr', pid: sleeper(), tools: { jcmd } })));
    expect(e.kind).toBe('empty');
    expect(e.message).toMatch(
      /^cpu-001: the profile has no samples: JFR samples threads running Java code \(jdk\.ExecutionSample\), and none did in the window: the service looks idle/,
    );
  });

  it('a recording without samples of the asked kind is empty, not recorded as another kind', async () => {
    const jcmd = dumpingJcmd('jcmd-park', recording('park'));
    const cpu = await failure(
      runCapture(opts({ profiler: 'jfr', pid: sleeper(), tools: { jcmd } })),
    );
    expect(cpu.kind).toBe('empty');
    expect(cpu.message).toMatch(
      /^cpu-001: the profile has no "cpu" samples \(only lock\): JFR samples threads running Java code/,
    );
    // the same recording holds what --type lock asks for
    const res = await runCapture(
      opts({ profiler: 'jfr', type: 'lock', pid: sleeper(), tools: { jcmd } }),
    );
    expect(res.manifest.sampleType).toBe('lock');
    const none = dumpingJcmd('jcmd-exec', recording('exec'));
    const lock = await failure(
      runCapture(opts({ profiler: 'jfr', type: 'mutex', pid: sleeper(), tools: { jcmd: none } })),
    );
    expect(lock.kind).toBe('empty');
    expect(lock.message).toMatch(
      /the profile has no "lock" samples \(only cpu\): JFR records monitor waits \(jdk\.JavaMonitorEnter\) and parks \(jdk\.ThreadPark\) longer than 10 ms/,
    );
  });
});

it('the fake tools leave nothing running', () => {
  expect(liveCommandCount()).toBe(0);
  expect(readFileSync(join(tmp, 'perf-refused'), 'utf8')).toMatch(/^#!\/bin\/sh/);
});

/**
 * The Action reading baseline and canary from a fleet source (baseline-source / canary-source)
 * in-process: a local server speaking Pyroscope's SelectMergeProfile serves real Go captures
 * (base-1 for the baseline selector, cpu for the canary's), the real engines compare them.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunContext } from '../src/github/context.js';
import { realEngines } from '../src/github/engines.js';
import { runAction, type ActionIO } from '../src/github/gate.js';
import { InputError, readInputs } from '../src/github/inputs.js';
import { GitHubRest } from '../src/github/rest.js';
import { fixture } from './helpers/corpus.js';
import {
  connectOk,
  decodeSelectMergeProfileRequest,
  startServer,
  type FakeServer,
} from './helpers/fake-sources.js';
import { inputEnvName } from './helpers/run-action.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env.PROFILE_GATE_SOURCE_TOKEN;
});

const run = (name: string) =>
  readdirSync(fixture('captures', name))
    .filter((f) => f.endsWith('.pb.gz'))
    .sort()
    .map((f) => new Uint8Array(gunzipSync(readFileSync(join(fixture('captures', name), f)))));

function envFor(inputs: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-action-src-'));
  writeFileSync(join(dir, 'event.json'), '{}');
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_RUN_ID: '1',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_WORKFLOW_REF: 'octo-org/shop/.github/workflows/perf.yml@refs/heads/main',
  };
  for (const [k, v] of Object.entries({ 'github-token': 'ghs_x', ...inputs }))
    env[inputEnvName(k)] = v;
  return env;
}

describe('Action with fleet sources', () => {
  it('gates on windows read from Pyroscope and names the planted regression', async () => {
    const base = run('base-1');
    const can = run('cpu');
    let nb = 0;
    let nc = 0;
    server = await startServer((req, res) => {
      const d = decodeSelectMergeProfileRequest(req.body);
      if (d.labelSelector.includes('"1.4.2"')) connectOk(res, base[nb++ % base.length]);
      else connectOk(res, can[nc++ % can.length]);
    });
    const spec = (v: string) =>
      `pyroscope+http://${server!.url}\n  ?type=process_cpu:cpu:nanoseconds:cpu:nanoseconds\n  &query={service_name="shop",version="${v}"}\n  &from=2024-05-01T12:00:00Z&to=2024-05-01T13:00:00Z&slices=10`;
    process.env.PROFILE_GATE_SOURCE_TOKEN = 'fleet-secret-token';
    const env = envFor({
      'baseline-source': spec('1.4.2'),
      'canary-source': spec('1.5.0'),
      'upload-report': 'false',
      bootstrap: '2000',
    });
    env.PROFILE_GATE_SOURCE_TOKEN = 'fleet-secret-token';
    const secrets: string[] = [];
    const inputs = readInputs(env, (s) => secrets.push(s));
    expect(secrets).toContain('fleet-secret-token');
    const outputs: Record<string, string> = {};
    const failed: string[] = [];
    const logs: string[] = [];
    const log = (m: string) => void logs.push(m);
    const io: ActionIO = {
      info: log,
      debug: log,
      warning: log,
      error: log,
      notice: log,
      setOutput: (n, v) => void (outputs[n] = v),
      setFailed: (m) => void failed.push(m),
      writeSummary: async () => {},
    };
    const outcome = await runAction(inputs, readRunContext(env), {
      io,
      rest: new GitHubRest({ apiUrl: 'http://127.0.0.1:9', token: 'ghs_x' }),
      transfer: {
        download: async () => {
          throw new Error('no artifact download expected');
        },
        upload: async () => {
          throw new Error('no upload expected');
        },
        canUpload: () => false,
      },
      engines: realEngines(process.cwd()),
      env,
    });
    expect(nb).toBe(10);
    expect(nc).toBe(10);
    expect(outcome.verdict).toBe('fail');
    expect(outputs.verdict).toBe('fail');
    expect(failed[0]).toMatch(/main\.computeDiscount self-CPU grew/);
    expect(
      server.requests.every((r) => r.headers.authorization === 'Bearer fleet-secret-token'),
    ).toBe(true);
    expect(logs.join('\n')).not.toContain('fleet-secret-token');
  });

  it('validates the specs with the other inputs', () => {
    const env = envFor({ 'canary-source': 'pyroscope://h?query={a="b"}', 'canary-path': 'x' });
    let problems: string[] = [];
    try {
      readInputs(env);
    } catch (e) {
      problems = (e as InputError).problems;
    }
    expect(problems.join('\n')).toMatch(
      /canary-source: give one of canary-source, canary-path, endpoint and profiler/,
    );
    expect(problems.join('\n')).toMatch(/canary-source/);
  });
});

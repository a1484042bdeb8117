/**
 * Runs the bundled Action (dist/index.js) as the GitHub runner does: inputs as INPUT_<NAME>
 * environment variables (name upper-cased, spaces to underscores, hyphens kept) with the
 * defaults of action.yml filled in, the event payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and workflow commands (::error::, ::add-mask::) on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './corpus.js';
import type { FakeGitHub, FakeRun } from './fake-github.js';

export interface RunActionOptions {
  node: string;
  fake: FakeGitHub;
  /** The run this step belongs to (GITHUB_RUN_ID, runtime token for artifact uploads). */
  run: FakeRun;
  token: string;
  inputs: Record<string, string>;
  eventName: string;
  payload: Record<string, unknown>;
  ref: string;
  sha: string;
  workflowFile: string;
  /** Extra environment (e.g. GITHUB_RETENTION_DAYS). */
  env?: Record<string, string>;
  /** Called with all stdout so far on each chunk (e.g. to signal the step as the runner does). */
  onStdout?: (stdout: string, child: ChildProcess) => void;
  /** Kill the step after this long (default 90 s). */
  timeoutMs?: number;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title?: string;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** The ::error:: of core.setFailed is the last error annotation. */
  runnerTemp: string;
  workspace: string;
}

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

let actionYml: ActionYml | undefined;
function loadActionYml(): ActionYml {
  const path = process.env.PROFILE_GATE_ACTION_YML || join(repoRoot, 'action.yml');
  return (actionYml ??= parse(readFileSync(path, 'utf8')) as ActionYml);
}

/** The runner's name mangling for inputs. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const [, name, delim] = m;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const k = lines[i].indexOf('=');
      out[lines[i].slice(0, k)] = lines[i].slice(k + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProp(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const k = kv.indexOf('=');
          return [kv.slice(0, k), unescapeProp(kv.slice(k + 1))];
        }),
    );
    out.push({
      level: m[1] as Annotation['level'],
      title: props.title,
      message: unescapeData(m[3]),
    });
  }
  return out;
}

/**
 * The bundle that runs: dist/index.js, or PROFILE_GATE_ACTION_BUNDLE with its action.yml in
 * PROFILE_GATE_ACTION_YML (to show that a scenario test fails with an older build:
 * `git show <rev>:dist/index.js > /tmp/old.js; git show <rev>:action.yml > /tmp/old.yml`).
 */
export function actionBundle(): string {
  return process.env.PROFILE_GATE_ACTION_BUNDLE || join(repoRoot, 'dist', 'index.js');
}

export async function runBundledAction(o: RunActionOptions): Promise<ActionRun> {
  const root = mkdtempSync(join(tmpdir(), 'pg-runner-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'temp');
  mkdirSync(workspace);
  mkdirSync(runnerTemp);
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  const outputFile = join(root, 'output');
  const summaryFile = join(root, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? root,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: `${o.fake.owner}/${o.fake.repo}`,
    GITHUB_REPOSITORY_OWNER: o.fake.owner,
    GITHUB_RUN_ID: String(o.run.id),
    GITHUB_RUN_ATTEMPT: String(o.run.runAttempt),
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKFLOW: 'profile-gate',
    GITHUB_WORKFLOW_REF: `${o.fake.owner}/${o.fake.repo}/.github/workflows/${o.workflowFile}@${o.ref}`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.fake.url,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ACTIONS_RESULTS_URL: `${o.fake.url}/`,
    ACTIONS_RUNTIME_TOKEN: o.fake.makeRuntimeToken(o.run),
    NO_PROXY: '127.0.0.1,localhost',
    ...o.env,
  };
  // Inputs: given ones, else action.yml defaults (expressions evaluated as the runner would).
  for (const [name, spec] of Object.entries(loadActionYml().inputs)) {
    const given = o.inputs[name];
    const value =
      given ?? spec.default?.replace(/\$\{\{\s*github\.token\s*\}\}/g, o.token) ?? undefined;
    if (value !== undefined) env[inputEnvName(name)] = value;
  }
  for (const name of Object.keys(o.inputs)) {
    if (name in loadActionYml().inputs) continue;
    // an older action.yml: the runner warns about an unexpected input and passes it on
    if (process.env.PROFILE_GATE_ACTION_YML) env[inputEnvName(name)] = o.inputs[name];
    else throw new Error(`test uses unknown input ${name}`);
  }

  const child = spawn(o.node, [actionBundle()], {
    env,
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    o.onStdout?.(stdout, child);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    const ms = o.timeoutMs ?? 90_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `action did not finish in ${ms / 1000} s\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, ms);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
    runnerTemp,
    workspace,
  };
}

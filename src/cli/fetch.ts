/**
 * `profile-gate fetch --source SPEC --out DIR`: saves a set of captures read from a fleet source
 * (Grafana Pyroscope or Parca) as slice-NN.pb.gz + manifest.json, ready for `compare`.
 */
import { resolve } from 'node:path';
import { isUserError, UsageError } from '../errors.js';
import { DEFAULT_ENV, DEFAULT_RETRIES, DEFAULT_SLICES, parseSourceSpec } from '../sources/spec.js';
import { fetchSourceCaptures, writeSourceCaptures } from '../sources/fetch.js';
import { helpText, parseArgs, type CliIO, type OptionSpec } from './args.js';
import { LIMIT_OPTIONS, limitsFrom } from './common.js';
import { shortenLongRuns } from '../util/safe-text.js';

const SPEC: Record<string, OptionSpec> = {
  source: {
    kind: 'string',
    description:
      'pyroscope[+http|+https]://HOST[:PORT]?... or parca[+http|+https]://HOST[:PORT]?...',
  },
  out: { kind: 'string', description: 'folder to create (must not exist or be empty)' },
  from: { kind: 'string', description: 'overrides from= (now-1h, RFC3339, unix s/ms)' },
  to: { kind: 'string', description: 'overrides to= (default now)' },
  slices: { kind: 'number', description: `overrides slices= (default ${DEFAULT_SLICES})` },
  timeout: { kind: 'string', description: 'overrides timeout= per request (default 60s)' },
  retries: { kind: 'number', description: `overrides retries= (default ${DEFAULT_RETRIES})` },
  quiet: { kind: 'boolean', short: 'q', description: 'no progress lines on stderr' },
  ...LIMIT_OPTIONS,
  help: { kind: 'boolean', short: 'h' },
};

export const FETCH_USAGE = `Usage: profile-gate fetch --source SPEC --out DIR [--from T] [--to T] [--slices K]

Reads [from, to) from a continuous-profiling backend as K equal slices (one merge query each)
and saves them as DIR/slice-NN.pb.gz plus DIR/manifest.json.

SPEC examples:
  pyroscope://127.0.0.1:4040?type=process_cpu:cpu:nanoseconds:cpu:nanoseconds&query={service_name="checkout",version="1.4.2"}&from=now-1h&to=now&slices=10
  parca+https://parca.example.com?query=parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}&from=now-2h&slices=12&transport=rest

Credentials come from the environment only, never from SPEC:
  $${DEFAULT_ENV.token} (bearer token), $${DEFAULT_ENV.basic} (user:password),
  $${DEFAULT_ENV.tenant} (X-Scope-OrgID), $${DEFAULT_ENV.headers} ("Name: value" lines);
  token-env= / basic-env= / tenant-env= / headers-env= in SPEC name other variables.`;

export async function fetchCommand(argv: string[], io: CliIO): Promise<number> {
  try {
    const a = parseArgs(argv, SPEC);
    if (a.flags.help) {
      io.stdout(helpText(FETCH_USAGE, SPEC) + '\n');
      return 0;
    }
    const source = a.strings.source ?? a.positionals[0];
    if (!source) throw new UsageError(`--source is required\n${FETCH_USAGE}`);
    if (a.positionals.length > (a.strings.source ? 0 : 1)) {
      throw new UsageError(
        `unexpected argument(s) (quote the source spec: it contains & and {}): ${a.positionals.join(' ').slice(0, 80)}`,
      );
    }
    if (!a.strings.out) throw new UsageError('--out DIR is required');
    const num = (n: number | undefined) => (n === undefined ? undefined : String(n));
    const spec = parseSourceSpec(
      source,
      {
        from: a.strings.from,
        to: a.strings.to,
        slices: num(a.numbers.slices),
        timeout: a.strings.timeout,
        retries: num(a.numbers.retries),
      },
      '--source',
    );
    const out = resolve(io.cwd, a.strings.out);
    const quiet = a.flags.quiet;
    const result = await fetchSourceCaptures(spec, {
      env: io.env,
      limits: limitsFrom(a),
      log: (m) => {
        if (!quiet) io.stderr(`profile-gate fetch: ${m}\n`);
      },
    });
    writeSourceCaptures(out, result);
    io.stdout(
      `wrote ${result.captures.length} capture(s) of ${spec.kind} ${spec.query} to ${a.strings.out}\n`,
    );
    return 0;
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`profile-gate fetch: error: ${shortenLongRuns(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

/** Subcommand dispatch and error-to-exit-code mapping for the CLI. */
import { isUserError } from '../errors.js';
import { shortenLongRuns } from '../util/safe-text.js';
import { VERSION } from '../version.js';
import { processIO, safeIO, type CliIO } from './args.js';
import { calibrateCommand } from './calibrate.js';
import { compareCommand } from './compare.js';
import { fetchCommand } from './fetch.js';
import { topCommand } from './top.js';

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: () => Promise<Command>; summary: string }> = {
  top: {
    run: async () => topCommand,
    summary: 'per-function self and cumulative values of profiles',
  },
  compare: {
    run: async () => compareCommand,
    summary: 'compare baseline and canary captures; exit 1 on a regression',
  },
  capture: {
    run: async () => (await import('./capture.js')).captureCommand,
    summary: 'repeated captures from a live service under a fixed load',
  },
  fetch: {
    run: async () => fetchCommand,
    summary: 'save a capture set read from Grafana Pyroscope or Parca',
  },
  calibrate: {
    run: async () => calibrateCommand,
    summary: 'suggest budgets from several known-good (A/A) runs',
  },
};

export function usage(): string {
  const lines = [
    `profile-gate ${VERSION}: fail a deploy when a function got measurably more expensive`,
    '',
    'Usage: profile-gate <command> [options]   (profile-gate <command> --help for details)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([k, v]) => `  ${k.padEnd(10)} ${v.summary}`),
    '',
    'Exit codes: 0 pass, 1 regression found, 2 bad input or usage, 3 no verdict (inconclusive).',
  ];
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], rawIO: CliIO = processIO()): Promise<number> {
  const io = safeIO(rawIO);
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.stdout(usage());
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    io.stderr(`profile-gate: unknown command "${cmd}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (
      await c.run()
    )(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`profile-gate: error: ${shortenLongRuns(e.message)}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(
      `profile-gate: internal error: ${shortenLongRuns(err?.message ?? String(e))}\n` +
        (io.env.PROFILE_GATE_DEBUG
          ? `${err?.stack}\n`
          : 'Set PROFILE_GATE_DEBUG=1 for a stack trace, and please report it.\n'),
    );
    return 2;
  }
}

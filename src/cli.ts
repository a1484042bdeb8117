#!/usr/bin/env node
/**
 * profile-gate command line: a thin shell that dispatches to subcommands and maps errors
 * to exit codes (0 pass, 1 regression, 2 bad input or usage).
 */
import { runCli } from './cli/main.js';

// `profile-gate top ... | head`: a closed pipe ends the output quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`profile-gate: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);

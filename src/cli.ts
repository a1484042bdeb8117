#!/usr/bin/env node
/**
 * profile-gate command line: a thin shell that dispatches to subcommands and maps errors
 * to exit codes (0 pass, 1 regression, 2 bad input or usage).
 */
import { runCli } from './cli/main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`profile-gate: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);

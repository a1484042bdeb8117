import { runCli } from '../../src/cli/main.js';
import { repoRoot } from './corpus.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output (cwd = repo root unless given). */
export async function cli(
  args: string[],
  cwd = repoRoot,
  env: Record<string, string> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    env: { ...env },
  });
  return { code, stdout, stderr };
}

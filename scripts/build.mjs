// Bundles the CLI and the Action entry into dist/ (committed; CI checks it is up to date).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  // a worktree may link node_modules from another checkout: keep the paths dist/ records stable
  preserveSymlinks: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);",
  },
};
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' });
if (existsSync('src/action.ts')) {
  await build({ ...common, entryPoints: ['src/action.ts'], outfile: 'dist/index.js' });
}
console.log('built dist/');

// Runs a TypeScript script bundled by esbuild the way dist/ is built (one ESM file, no
// per-module export getters), so that benchmarks time the code users run:
//   node scripts/run-bundled.mjs scripts/bench.ts [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs SCRIPT.ts [args...]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'pg-bundled-'));
const out = join(dir, 'script.mjs');
await build({
  entryPoints: [resolve(entry)],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);",
  },
});
const r = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);

// `npm run demo`: the gate on the bundled real captures, with every report written to out/.
// Uses the committed bundle (dist/cli.js), so nothing needs building after `npm ci`.
import { spawnSync } from 'node:child_process';

const args = [
  'dist/cli.js',
  'compare',
  '--baseline',
  'fixtures/captures/base-1',
  '--canary',
  'fixtures/captures/cpu',
  '--json',
  'out/report.json',
  '--markdown',
  'out/report.md',
  '--html',
  'out/flamegraph.html',
  '--svg',
  'out/flamegraph.svg',
  '--diff-pprof',
  'out/diff.pb.gz',
];
console.log(`$ profile-gate ${args.slice(1).join(' ')}\n`);
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (r.status === 1) {
  console.log(
    '\nExit code 1: the gate failed, as it should: fixtures/captures/cpu has a planted regression in main.computeDiscount.' +
      '\nReports: out/report.md, out/report.json, out/flamegraph.html (open it in a browser), out/flamegraph.svg, out/diff.pb.gz (go tool pprof -top out/diff.pb.gz).',
  );
  process.exit(0);
}
console.error(`\nUnexpected exit code ${r.status}: the demo expects the gate to fail (1).`);
process.exit(r.status === 0 ? 1 : (r.status ?? 2));

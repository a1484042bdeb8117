// Long fuzz runs of the readProfile targets in scripts/fuzz/targets.ts (the same ones
// test/fuzz.test.ts runs briefly in CI).
//
//   npm run fuzz -- --runs 200000 [--seed N] [--target folded] [--out .tmp/fuzz-findings] [--slow-ms 2000]
//
// --runs is the total number of inputs, shared among the targets by weight. A finding is any
// input for which readProfile throws something other than a ProfileError or returns an
// inconsistent profile, or that takes longer than --slow-ms (default 2000); each distinct finding
// is printed once and its input saved under --out.
// Exits 1 when there are findings.
import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { register } from 'tsx/esm/api';

register();
const fc = (await import('fast-check')).default;
const { fuzzTargets, loadSeeds, readAndCheck } = await import('./fuzz/targets.ts');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
  return v;
}

const totalRuns = Number(arg('runs', '20000'));
const seed = Number(arg('seed', String(Date.now() % 2 ** 31)));
const only = arg('target', '');
const outDir = arg('out', '.tmp/fuzz-findings');
// An input that takes longer than this is a finding too (quadratic parsing, ReDoS).
const slowMs = Number(arg('slow-ms', '2000'));
if (!Number.isInteger(totalRuns) || totalRuns < 1)
  throw new Error('--runs must be a positive integer');

const seeds = loadSeeds();
const targets = fuzzTargets(seeds).filter((t) => t.name.includes(only));
if (targets.length === 0) throw new Error(`no target matches "${only}"`);
const weights = targets.reduce((s, t) => s + t.weight, 0);
console.log(
  `fuzz: ${seeds.length} seeds, ${targets.length} targets, ${totalRuns} runs, seed ${seed}`,
);

/** One line that identifies a bug: error class, message without numbers, first stack frame. */
function signature(e) {
  const err = e instanceof Error ? e : new Error(String(e));
  const frame = (err.stack ?? '').split('\n').find((l) => l.trim().startsWith('at ')) ?? '';
  const msg = err.message.replace(/\d+(\.\d+)?(e[-+]?\d+)?/g, 'N').slice(0, 160);
  return `${err.name}: ${msg} ${frame.trim().replace(/:\d+:\d+\)?$/, '')}`;
}

const findings = new Map();
let totalExecs = 0;
const started = performance.now();
for (const t of targets) {
  const numRuns = Math.max(1, Math.round((totalRuns * t.weight) / weights));
  let execs = 0;
  let ok = 0;
  let rejected = 0;
  let slowest = 0;
  const t0 = performance.now();
  fc.check(
    fc.property(t.arbitrary, (bytes) => {
      execs++;
      const s = performance.now();
      try {
        if (readAndCheck(bytes) === 'ok') ok++;
        else rejected++;
        const ms = performance.now() - s;
        if (ms > slowMs)
          throw new Error(`slow input: ${ms.toFixed(0)} ms for ${bytes.length} bytes`);
      } catch (e) {
        const slow = e instanceof Error && e.message.startsWith('slow input');
        // Slow inputs have no telling stack: tell them apart by how they start.
        const sig = slow
          ? `slow input starting ${JSON.stringify(Buffer.from(bytes.subarray(0, 12)).toString('latin1'))}`
          : signature(e);
        const f = findings.get(sig);
        if (f) f.count++;
        else {
          const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 12);
          mkdirSync(outDir, { recursive: true });
          const file = join(outDir, `${hash}.bin`);
          writeFileSync(file, bytes);
          findings.set(sig, { target: t.name, count: 1, file, error: e });
          console.log(`\nFINDING in ${t.name}: ${sig}\n  input: ${file} (${bytes.length} bytes)`);
          if (e instanceof Error && e.stack)
            console.log(e.stack.split('\n').slice(0, 6).join('\n'));
        }
      }
      slowest = Math.max(slowest, performance.now() - s);
      return true;
    }),
    { numRuns, seed },
  );
  const secs = (performance.now() - t0) / 1000;
  totalExecs += execs;
  console.log(
    `${t.name.padEnd(30)} ${String(execs).padStart(8)} execs ${(execs / secs).toFixed(0).padStart(7)} execs/s  ` +
      `${ok} ok, ${rejected} rejected, slowest ${slowest.toFixed(1)} ms`,
  );
}
const secs = (performance.now() - started) / 1000;
console.log(
  `total: ${totalExecs} execs in ${secs.toFixed(1)} s (${(totalExecs / secs).toFixed(0)} execs/s), ${findings.size} distinct finding(s)`,
);
for (const [sig, f] of findings) console.log(`  ${f.count}x [${f.target}] ${sig} -> ${f.file}`);
process.exitCode = findings.size > 0 ? 1 : 0;

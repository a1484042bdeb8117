/**
 * Writes fixtures/jfr-expected/*.json: the JDK's own reading (`jfr print --json`) of each
 * committed JFR recording, folded into per-function self and cum per sample type by
 * test/helpers/jfr-oracle.ts. test/jfr-oracle.test.ts compares the reader with these files
 * (and, where the JDK is installed, the files with a fresh fold). Needs a JDK (jfr, java).
 *
 *   npx tsx scripts/jfr-expected.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  expectedPath,
  foldedJson,
  hasJfrTool,
  jdkFold,
  JFR_RECORDINGS,
} from '../test/helpers/jfr-oracle.js';

if (!hasJfrTool()) {
  console.error('jfr-expected: needs a JDK (jfr and java on PATH)');
  process.exit(2);
}
for (const rec of JFR_RECORDINGS) {
  const out = expectedPath(rec);
  mkdirSync(dirname(out), { recursive: true });
  const types = jdkFold(new Uint8Array(readFileSync(rec)));
  writeFileSync(out, foldedJson(rec, types));
  console.log(
    `${out}: ${types.map((t) => `${t.type} (${Object.keys(t.functions).length} functions)`).join(', ')}`,
  );
}

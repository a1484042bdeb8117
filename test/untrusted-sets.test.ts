/**
 * Issue 16, capture sets and their manifests are untrusted too (a baseline artifact, a folder):
 * manifest.json is checked against its schema (types, ranges, plain file names inside the
 * folder) and every listed file's size and sha256 before it is read; a broken or tampered set is
 * an error naming the file, never an internal error and never a silent pass. Capture URLs never
 * leave their credentials in a manifest or a message.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { fixture } from './helpers/corpus.js';
import { cpuProfile, startServer } from './helpers/capture.js';

const BASE = fixture('captures', 'base-1');
const SLOWER = fixture('captures', 'cpu');

/** A copy of base-1 as b/ and cpu as c/, with `edit` applied to b/manifest.json. */
function setsWith(edit?: (m: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-sets-'));
  cpSync(BASE, join(dir, 'b'), { recursive: true });
  cpSync(SLOWER, join(dir, 'c'), { recursive: true });
  if (edit) {
    const path = join(dir, 'b', 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
    edit(m);
    writeFileSync(path, JSON.stringify(m));
  }
  return dir;
}

async function compareIn(dir: string) {
  return cli(['compare', '--baseline', 'b', '--canary', 'c', '--quiet', '--bootstrap', '500'], dir);
}

async function expectManifestError(dir: string, re: RegExp) {
  const r = await compareIn(dir);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(/internal error/);
}

describe('capture sets: manifests validated, files verified', () => {
  it('an intact set compares (the check passes on what capture wrote)', async () => {
    const r = await compareIn(setsWith());
    expect(r.code, r.stderr).toBe(1);
  });

  it('a tampered file (same size, other bytes): an error naming the file and the sha256', async () => {
    const dir = setsWith();
    const f = join(dir, 'b', 'cpu-03.pb.gz');
    const bytes = readFileSync(f);
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(f, bytes);
    await expectManifestError(
      dir,
      /b\/cpu-03\.pb\.gz: sha256 [0-9a-f]{64} does not match [0-9a-f]{64} in its manifest\.json: the file was changed after it was captured/,
    );
  });

  it('a file of another size: an error naming the file', async () => {
    const dir = setsWith();
    writeFileSync(join(dir, 'b', 'cpu-02.pb.gz'), readFileSync(join(dir, 'b', 'cpu-01.pb.gz')));
    await expectManifestError(
      dir,
      /b\/cpu-02\.pb\.gz: is \d+ bytes but its manifest\.json says \d+/,
    );
  });

  it('captures: [null] is a schema error, not an internal error', async () => {
    await expectManifestError(
      setsWith((m) => (m.captures = [null])),
      /b\/manifest\.json: not a valid capture manifest: captures\[0\] is null, not an object/,
    );
  });

  it('completed: "100" (a string) is refused, not used as a number', async () => {
    await expectManifestError(
      setsWith((m) => (m.captures[0].requests.completed = '100')),
      /captures\[0\]\.requests\.completed is a string \("100"\), not a whole number/,
    );
  });

  it('file names must be plain names inside the folder', async () => {
    for (const bad of ['../cpu-01.pb.gz', '/etc/passwd', 'sub/cpu-01.pb.gz', '.hidden', '']) {
      await expectManifestError(
        setsWith((m) => (m.captures[0].file = bad)),
        /captures\[0\]\.file is .*a plain file name inside the manifest's folder|captures\[0\]\.file/,
      );
    }
  });

  it('wrong types and ranges: sha256, bytes, durations, labels, sampleType', async () => {
    const cases: [(m: Record<string, any>) => void, RegExp][] = [
      [
        (m) => (m.captures[1].sha256 = 'abc'),
        /captures\[1\]\.sha256 is a string \("abc"\), not a sha256 digest/,
      ],
      [(m) => (m.captures[1].bytes = -1), /captures\[1\]\.bytes is -1, out of range/],
      [
        (m) => (m.captures[1].durationSeconds = 'long'),
        /captures\[1\]\.durationSeconds is a string/,
      ],
      [(m) => (m.labels = { a: 1 }), /labels\.a is a number \(1\), not a string/],
      [(m) => (m.sampleType = { x: 1 }), /sampleType is an object, not a string/],
      [(m) => (m.formatVersion = 9), /formatVersion is 9: written by a newer profile-gate/],
      [(m) => (m.captures = {}), /captures is an object, not a list of captures/],
      [(m) => m.captures.push({ ...m.captures[0] }), /"cpu-01\.pb\.gz" is listed twice/],
    ];
    for (const [edit, re] of cases) await expectManifestError(setsWith(edit), re);
  });

  it('a listed file that is missing, and a file the manifest does not list, are errors', async () => {
    await expectManifestError(
      setsWith((m) => (m.captures[0].file = 'cpu-99.pb.gz')),
      /b\/manifest\.json: lists "cpu-99\.pb\.gz", which is not in b/,
    );
    const dir = setsWith();
    cpSync(join(dir, 'b', 'cpu-01.pb.gz'), join(dir, 'b', 'extra.pb.gz'));
    await expectManifestError(
      dir,
      /b\/extra\.pb\.gz: is not listed in the manifest\.json of its folder/,
    );
  });

  it('a manifest that is not JSON', async () => {
    const dir = setsWith();
    writeFileSync(join(dir, 'b', 'manifest.json'), '{"captures": [');
    await expectManifestError(dir, /b\/manifest\.json: not valid JSON/);
  });
});

describe('capture URLs: credentials never in the manifest or a message', () => {
  it('user-info and token-like parameters are removed from the manifest and masked in messages', async () => {
    const profile = cpuProfile();
    let auth = '';
    const server = await startServer((req, res) => {
      auth = String(req.headers.authorization ?? '');
      if (req.url?.includes('fail=1')) {
        res.writeHead(404);
        res.end('no such profile');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(profile);
    });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'pg-url-'));
      const url = `http://agent:pa55w0rd-x@127.0.0.1:${server.port}/profile?seconds={seconds}&token=t0ken-s3cret`;
      const r = await cli(
        ['capture', '--url', url, '--captures', '1', '--seconds', '1', '--out', 'set', '--json'],
        dir,
      );
      expect(r.code, r.stderr).toBe(0);
      // the request itself still carried the credentials
      expect(auth).toBe(`Basic ${Buffer.from('agent:pa55w0rd-x').toString('base64')}`);
      const manifest = readFileSync(join(dir, 'set', 'manifest.json'), 'utf8');
      for (const text of [manifest, r.stdout, r.stderr]) {
        expect(text).not.toContain('pa55w0rd-x');
        expect(text).not.toContain('t0ken-s3cret');
        expect(text).not.toContain(Buffer.from('agent:pa55w0rd-x').toString('base64'));
      }
      expect(JSON.parse(manifest).source.url).toBe(
        `http://127.0.0.1:${server.port}/profile?seconds=1&token=***`,
      );
      expect(readdirSync(join(dir, 'set')).sort()).toEqual(
        ['cpu-001.pb.gz', 'manifest.json'].sort(),
      );

      const bad = await cli(
        [
          'capture',
          '--url',
          `${url}&fail=1`,
          '--captures',
          '1',
          '--seconds',
          '1',
          '--out',
          'bad',
          '--retries',
          '0',
        ],
        dir,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(
        /HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/profile\?seconds=1&token=\*\*\*&fail=1/,
      );
      expect(bad.stderr).not.toContain('pa55w0rd-x');
      expect(bad.stderr).not.toContain('t0ken-s3cret');
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('commands recorded in manifests', () => {
  it('lose credentials: URLs, credential headers, token options', async () => {
    const { redactCommand } = await import('../src/util/url.js');
    expect(
      redactCommand(
        "wrk -H 'Authorization: Bearer s3cr3t' -H 'X-Api-Key: k3y' https://user:pw@api.example/?token=abc&q=1 --token=xyz --password hunter2 -d 10s",
      ),
    ).toBe(
      "wrk -H 'Authorization: ***' -H 'X-Api-Key: ***' https://api.example/?token=***&q=1 --token=*** --password *** -d 10s",
    );
    expect(redactCommand('py-spy record --pid {pid} --duration {seconds} -o {out}')).toBe(
      'py-spy record --pid {pid} --duration {seconds} -o {out}',
    );
  });
});

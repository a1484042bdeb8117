import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { makeMasker, sourceAuth } from '../src/sources/auth.js';
import {
  parseSelector,
  parseSourceSpec,
  parseTime,
  resolveWindow,
  sliceWindow,
} from '../src/sources/spec.js';

const PYRO =
  'pyroscope+http://127.0.0.1:4040?type=process_cpu:cpu:nanoseconds:cpu:nanoseconds&query={service_name="checkout",version="1.4.2"}&from=now-1h&to=now&slices=10';

function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseSourceSpec', () => {
  it('parses the Pyroscope example from the issue', () => {
    const s = parseSourceSpec(PYRO);
    expect(s.kind).toBe('pyroscope');
    expect(s.baseUrl).toBe('http://127.0.0.1:4040');
    expect(s.profileType).toBe('process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    expect(s.selector).toBe('{service_name="checkout",version="1.4.2"}');
    expect(s.query).toBe(
      'process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name="checkout",version="1.4.2"}',
    );
    expect(s.labels).toEqual({ service_name: 'checkout', version: '1.4.2' });
    expect(s.sampleType).toBe('cpu');
    expect(s.profileKind).toBe('cpu');
    expect(s.from).toEqual({ kind: 'now', offsetMs: -3_600_000, text: 'now-1h' });
    expect(s.to).toEqual({ kind: 'now', offsetMs: 0, text: 'now' });
    expect(s.slices).toBe(10);
    expect(s.timeoutMs).toBe(60_000);
    expect(s.retries).toBe(3);
  });

  it('parses the Parca form with the type inside query=, transport and https', () => {
    const s = parseSourceSpec(
      'parca+https://parca.example.com/prefix/?query=parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}&from=2024-05-01T12:00:00Z&to=2024-05-01T14:00:00%2B01:00&slices=12&transport=rest',
    );
    expect(s.kind).toBe('parca');
    expect(s.baseUrl).toBe('https://parca.example.com/prefix');
    expect(s.profileType).toBe('parca_agent:samples:count:cpu:nanoseconds:delta');
    expect(s.sampleType).toBe('samples');
    expect(s.profileKind).toBe('cpu');
    expect(s.transport).toBe('rest');
    expect(s.from).toMatchObject({ kind: 'absolute', ms: Date.UTC(2024, 4, 1, 12) });
    expect(s.to).toMatchObject({ kind: 'absolute', ms: Date.UTC(2024, 4, 1, 13) });
  });

  it('keeps a literal + in RFC3339 offsets (no form decoding)', () => {
    const s = parseSourceSpec(
      'parca://h?query=memory:alloc_space:bytes:space:bytes{job="x"}&from=2024-05-01T12:00:00+02:00&to=2024-05-01T13:00:00+02:00',
    );
    expect(s.from).toMatchObject({ kind: 'absolute', ms: Date.UTC(2024, 4, 1, 10) });
    expect(s.baseUrl).toBe('http://h:7070');
    expect(s.transport).toBe('grpc-web');
    expect(s.profileKind).toBe('allocs');
  });

  it('uses the backends default ports only for the bare schemes', () => {
    expect(parseSourceSpec('pyroscope://pyro?query=a:b:c:d:e{}&from=now-1h').baseUrl).toBe(
      'http://pyro:4040',
    );
    expect(parseSourceSpec('pyroscope+https://pyro?query=a:b:c:d:e{}&from=now-1h').baseUrl).toBe(
      'https://pyro',
    );
    expect(
      parseSourceSpec('pyroscope+http://pyro:8080/x?query=a:b:c:d:e&from=now-1h').baseUrl,
    ).toBe('http://pyro:8080/x');
  });

  it('accepts a spec folded over several lines (workflow files)', () => {
    const s = parseSourceSpec(`
      pyroscope+https://pyroscope.example.com
        ?type=memory:alloc_space:bytes:space:bytes
        &query={service_name="checkout", env!="dev", pod=~"checkout-.*"}
        &from=now-2h
        &to=now-1h
        &slices=8
    `);
    expect(s.baseUrl).toBe('https://pyroscope.example.com');
    expect(s.selector).toBe('{service_name="checkout", env!="dev", pod=~"checkout-.*"}');
    expect(s.labels).toEqual({ service_name: 'checkout' });
    expect(s.matchers.map((m) => m.op)).toEqual(['=', '!=', '=~']);
    expect(s.slices).toBe(8);
  });

  it('applies overrides (CLI options) over the spec', () => {
    const s = parseSourceSpec(PYRO, { slices: '4', from: 'now-30m', timeout: '5s', retries: '0' });
    expect(s.slices).toBe(4);
    expect(s.from).toMatchObject({ offsetMs: -1_800_000 });
    expect(s.timeoutMs).toBe(5000);
    expect(s.retries).toBe(0);
  });

  it.each([
    ['', /empty/],
    ['http://x?query=a:b:c:d:e&from=now-1h', /unsupported scheme "http:\/\/"/],
    ['pyroscope+ftp://x?query=a:b:c:d:e&from=now-1h', /unsupported scheme/],
    ['pyroscope://x?from=now-1h', /missing query/],
    ['pyroscope://x?query={a="b"}&from=now-1h', /missing profile type/],
    ['pyroscope://x?query=cpu{a="b"}&from=now-1h', /profile type "cpu" is not of the form/],
    ['pyroscope://x?query=a:b:c:d:e:delta{}&from=now-1h', /not of the form/],
    ['parca://x?query=a:b:c:d:e:f{}&from=now-1h', /sixth field can only be "delta"/],
    ['pyroscope://x?type=a:b:c:d:e&query=f:g:h:i:j{}&from=now-1h', /disagrees/],
    ['pyroscope://x?query=a:b:c:d:e{a="b"', /enclosed in \{ \}/],
    ['pyroscope://x?query=a:b:c:d:e{a=b}&from=now-1h', /quoted value/],
    ['pyroscope://x?query=a:b:c:d:e{a="b" c="d"}&from=now-1h', /expected "," or "}"/],
    ['pyroscope://x?query=a:b:c:d:e{a=~"("}&from=now-1h', /not a valid regular expression/],
    ['pyroscope://x?query=a:b:c:d:e{}', /missing from=/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=yesterday', /from=yesterday: not a time/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1x', /bad relative time/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=1714560000000000', /too many digits/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=2024-05-01T12:00:00', /not a time/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now&to=now-1h', /is not before/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=1714560000&to=1714560000', /is not before/],
    [
      'pyroscope://x?query=a:b:c:d:e{}&from=now-1h&slices=0',
      /slices=0: expected a whole number from 1/,
    ],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1h&slices=2.5', /slices=2.5/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1h&retries=-1', /retries=-1/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1h&timeout=10ms', /timeout=10ms/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1h&transport=rest', /parca sources only/],
    ['parca://x?query=a:b:c:d:e{}&from=now-1h&transport=grpc', /expected grpc-web or rest/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1h&from=now-2h', /given twice/],
    ['pyroscope://x?query=a:b:c:d:e{}&from=now-1h&max_nodes=100', /unknown parameter "max_nodes"/],
    [
      'pyroscope://x?query=a:b:c:d:e{}&from=now-1h&token-env=1BAD',
      /NAME of an environment variable/,
    ],
    [
      'pyroscope://x?query=a:b:c:d:e{}&from=now-1h&tenant=a&tenant-env=T',
      /either tenant= or tenant-env=/,
    ],
    ['pyroscope://x?query=a:b:c:d:e{}&from=%zz', /bad %-escape/],
  ])('rejects %s', (spec, re) => {
    expect(usageError(() => parseSourceSpec(spec))).toMatch(re);
  });

  it('refuses credentials in the URL or parameters without echoing them', () => {
    const m1 = usageError(() =>
      parseSourceSpec('pyroscope://alice:hunter2secret@x?query=a:b:c:d:e{}&from=now-1h'),
    );
    expect(m1).toMatch(/credentials in the URL are not accepted/);
    expect(m1).toMatch(/PROFILE_GATE_SOURCE_BASIC/);
    expect(m1).not.toMatch(/hunter2secret/);
    for (const p of ['token', 'password', 'api_key', 'Authorization']) {
      const m = usageError(() =>
        parseSourceSpec(`pyroscope://x?query=a:b:c:d:e{}&from=now-1h&${p}=sup3rs3cr3tvalue`),
      );
      expect(m).toMatch(/looks like a secret/);
      expect(m).toMatch(/PROFILE_GATE_SOURCE_TOKEN/);
      expect(m).not.toMatch(/sup3rs3cr3tvalue/);
    }
  });

  it('names the option in messages when asked to', () => {
    expect(usageError(() => parseSourceSpec('nope', {}, '--baseline-source'))).toMatch(
      /^--baseline-source: missing scheme/,
    );
  });
});

describe('times', () => {
  it.each([
    ['now', { kind: 'now', offsetMs: 0 }],
    ['now-30m', { kind: 'now', offsetMs: -1_800_000 }],
    ['now-1h30m', { kind: 'now', offsetMs: -5_400_000 }],
    ['now-2d', { kind: 'now', offsetMs: -172_800_000 }],
    ['now-1500ms', { kind: 'now', offsetMs: -1500 }],
    ['1714560000', { kind: 'absolute', ms: 1_714_560_000_000 }],
    ['1714560000123', { kind: 'absolute', ms: 1_714_560_000_123 }],
    ['2024-05-01T10:40:00.250Z', { kind: 'absolute', ms: Date.UTC(2024, 4, 1, 10, 40, 0, 250) }],
    ['2024-05-01T12:40:00-01:30', { kind: 'absolute', ms: Date.UTC(2024, 4, 1, 14, 10) }],
  ])('%s', (t, want) => {
    expect(parseTime(t, 'from')).toMatchObject(want);
  });

  it('resolves relative times against now and checks the window', () => {
    const s = parseSourceSpec(PYRO);
    const now = new Date('2024-05-01T12:00:00.000Z');
    expect(resolveWindow(s, now)).toEqual({
      startMs: now.getTime() - 3_600_000,
      endMs: now.getTime(),
    });
    const mixed = parseSourceSpec(PYRO, { from: '2024-05-01T13:00:00Z' });
    expect(usageError(() => resolveWindow(mixed, now))).toMatch(/is not before/);
    const tiny = parseSourceSpec(PYRO, { from: 'now-5s', slices: '10' });
    expect(usageError(() => resolveWindow(tiny, now))).toMatch(
      /cannot be split into 10 slices of at least 1 s/,
    );
  });
});

describe('sliceWindow', () => {
  it('covers the window exactly with contiguous whole-ms slices', () => {
    for (const [start, end, k] of [
      [1_714_560_000_000, 1_714_563_600_000, 10],
      [1_714_560_000_001, 1_714_563_600_000, 7],
      [0, 10_007, 3],
      [5, 6, 1],
      [1_000, 1_999, 999],
    ]) {
      const s = sliceWindow({ startMs: start, endMs: end }, k);
      expect(s).toHaveLength(k);
      expect(s[0].startMs).toBe(start);
      expect(s[k - 1].endMs).toBe(end);
      const lens = s.map((x) => x.endMs - x.startMs);
      for (let i = 0; i < k; i++) {
        expect(Number.isInteger(s[i].startMs) && Number.isInteger(s[i].endMs)).toBe(true);
        expect(s[i].endMs).toBeGreaterThan(s[i].startMs);
        if (i > 0) expect(s[i].startMs).toBe(s[i - 1].endMs);
      }
      expect(lens.reduce((a, b) => a + b, 0)).toBe(end - start);
      expect(Math.max(...lens) - Math.min(...lens)).toBeLessThanOrEqual(1);
    }
  });

  it('splits an hour into ten 6-minute slices on the minute', () => {
    const t0 = Date.UTC(2024, 4, 1, 12);
    const s = sliceWindow({ startMs: t0, endMs: t0 + 3_600_000 }, 10);
    expect(s.map((x) => x.startMs - t0)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => i * 360_000),
    );
  });
});

describe('parseSelector', () => {
  it('handles quotes, escapes and quoted names', () => {
    expect(parseSelector(`{a="x\\"y", b='z', c=\`w\\d\`, "d.e"!~"f"}`)).toEqual([
      { name: 'a', op: '=', value: 'x"y' },
      { name: 'b', op: '=', value: 'z' },
      { name: 'c', op: '=', value: 'w\\d' },
      { name: 'd.e', op: '!~', value: 'f' },
    ]);
    expect(parseSelector('{}')).toEqual([]);
    expect(parseSelector('{ a = "b" , }')).toEqual([{ name: 'a', op: '=', value: 'b' }]);
  });
});

describe('sourceAuth', () => {
  const spec = parseSourceSpec(PYRO);

  it('builds bearer, tenant and extra headers from the default variables', () => {
    const a = sourceAuth(spec, {
      PROFILE_GATE_SOURCE_TOKEN: 'tok-123456',
      PROFILE_GATE_SOURCE_TENANT: 'team-a',
      PROFILE_GATE_SOURCE_HEADERS: 'X-Extra: v1\nCF-Access-Client-Secret: cfsecret99',
    });
    expect(a.headers).toEqual({
      authorization: 'Bearer tok-123456',
      'x-scope-orgid': 'team-a',
      'x-extra': 'v1',
      'cf-access-client-secret': 'cfsecret99',
    });
    expect(a.summary).not.toMatch(/tok-123456|cfsecret99/);
    expect(a.mask('got tok-123456 and cfsecret99')).toBe('got *** and ***');
  });

  it('builds basic auth and masks the password and its base64 form', () => {
    const a = sourceAuth(spec, { PROFILE_GATE_SOURCE_BASIC: 'user:p4ssw0rd!' });
    const b64 = Buffer.from('user:p4ssw0rd!').toString('base64');
    expect(a.headers.authorization).toBe(`Basic ${b64}`);
    expect(a.mask(`Authorization: Basic ${b64} p4ssw0rd!`)).toBe('Authorization: Basic *** ***');
  });

  it('reads variables named in the spec and insists they are set', () => {
    const s = parseSourceSpec(PYRO + '&token-env=BASELINE_TOKEN&tenant=t1');
    expect(sourceAuth(s, { BASELINE_TOKEN: 'abcdef' }).headers).toEqual({
      authorization: 'Bearer abcdef',
      'x-scope-orgid': 't1',
    });
    expect(usageError(() => sourceAuth(s, {}))).toMatch(
      /token-env=BASELINE_TOKEN is given but \$BASELINE_TOKEN is not set/,
    );
  });

  it('rejects conflicting or malformed credentials without showing them', () => {
    expect(
      usageError(() =>
        sourceAuth(spec, { PROFILE_GATE_SOURCE_TOKEN: 'aaaa', PROFILE_GATE_SOURCE_BASIC: 'u:p' }),
      ),
    ).toMatch(/both/);
    const m = usageError(() => sourceAuth(spec, { PROFILE_GATE_SOURCE_BASIC: 'nocolonsecret' }));
    expect(m).toMatch(/user:password/);
    expect(m).not.toMatch(/nocolonsecret/);
  });

  it('masks the longest secret first', () => {
    expect(makeMasker(['abc', 'abcdef'])('xabcdefx abc')).toBe('x***x ***');
  });
});

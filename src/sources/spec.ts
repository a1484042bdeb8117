/**
 * Fleet source specs: where to read a baseline or canary set from a continuous-profiling
 * backend instead of capturing it live.
 *
 *   pyroscope://host:4040?type=process_cpu:cpu:nanoseconds:cpu:nanoseconds
 *     &query={service_name="checkout",version="1.4.2"}&from=now-1h&to=now&slices=10
 *   parca+https://parca.example.com/prefix?query=parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}
 *     &from=2024-05-01T12:00:00Z&to=2024-05-01T13:00:00Z&slices=12&transport=rest
 *
 * The query string is split by hand (not URLSearchParams): `+` stays a plus (RFC3339 offsets),
 * whitespace around `?` and `&` is ignored (so a spec can be folded over several lines of a
 * workflow file), and `%XX` escapes are decoded (`%26` for a literal `&`).
 *
 * Everything is validated here, before any request is sent. Secrets never appear in a spec:
 * they come from environment variables (see auth.ts); a spec that carries user:password@ or a
 * token-like parameter is refused, and the refusal never echoes the value.
 */
import { UsageError } from '../errors.js';

export type SourceKind = 'pyroscope' | 'parca';
export type ParcaTransport = 'grpc-web' | 'rest';

/** A point in time: absolute, or relative to "now" (resolved when the fetch starts). */
export type TimeExpr =
  { kind: 'absolute'; ms: number; text: string } | { kind: 'now'; offsetMs: number; text: string };

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export interface SourceAuthEnv {
  /** Environment variable holding a bearer token. */
  tokenEnv: string;
  /** Environment variable holding `user:password` for basic auth. */
  basicEnv: string;
  /** Environment variable holding the tenant id (sent as X-Scope-OrgID). */
  tenantEnv: string;
  /** Environment variable holding extra headers, one `Name: value` per line. */
  headersEnv: string;
  /** Which of the names above were given explicitly in the spec (then they must be set). */
  explicit: ('token' | 'basic' | 'tenant' | 'headers')[];
  /** Tenant id given in the spec itself (`tenant=`); not a secret. */
  tenant?: string;
}

export interface SourceSpec {
  kind: SourceKind;
  /** scheme://host:port[/prefix], no trailing slash, no query, no credentials. */
  baseUrl: string;
  /** Profile type id: name:sample_type:sample_unit:period_type:period_unit (Parca: [:delta]). */
  profileType: string;
  /** Label selector as sent to the server, e.g. `{service_name="checkout"}`. */
  selector: string;
  matchers: LabelMatcher[];
  /** Equality matchers of the selector (recorded as the set's labels). */
  labels: Record<string, string>;
  /** Full query in the backend's notation: `<profileType><selector>`. */
  query: string;
  /** pprof sample type the profiles carry (second field of the type id), e.g. "cpu". */
  sampleType: string;
  /** Profile kind for the manifest (cpu, allocs, heap, block, mutex, goroutine or the type name). */
  profileKind: string;
  from: TimeExpr;
  to: TimeExpr;
  slices: number;
  /** Parca only. */
  transport: ParcaTransport;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Retries after a connection error, HTTP 5xx or 429 (so attempts = retries + 1). */
  retries: number;
  auth: SourceAuthEnv;
}

export const DEFAULT_SLICES = 10;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 3;
export const MAX_SLICES = 1000;
export const DEFAULT_ENV = {
  token: 'PROFILE_GATE_SOURCE_TOKEN',
  basic: 'PROFILE_GATE_SOURCE_BASIC',
  tenant: 'PROFILE_GATE_SOURCE_TENANT',
  headers: 'PROFILE_GATE_SOURCE_HEADERS',
} as const;

const DEFAULT_PORT: Record<SourceKind, number> = { pyroscope: 4040, parca: 7070 };

const KNOWN_PARAMS = [
  'type',
  'query',
  'from',
  'to',
  'slices',
  'transport',
  'timeout',
  'retries',
  'tenant',
  'token-env',
  'basic-env',
  'tenant-env',
  'headers-env',
] as const;
type Param = (typeof KNOWN_PARAMS)[number];

/** Parameter names that look like someone tried to put a secret into the spec. */
const SECRET_PARAMS =
  /^(token|access_token|bearer|auth|authorization|password|passwd|pass|secret|basic|user|username|api[-_]?key|apikey|key)$/i;

/** Values that override the spec's own parameters (CLI options such as --slices). */
export type SourceOverrides = Partial<
  Record<'from' | 'to' | 'slices' | 'timeout' | 'retries', string>
>;

const FORMS =
  'pyroscope://HOST[:PORT][/PREFIX]?..., pyroscope+http(s)://..., parca://..., parca+http(s)://...';

function fail(msg: string): never {
  throw new UsageError(`source spec: ${msg}`);
}

/** Parses and validates a source spec. `what` names it in messages (e.g. "--baseline-source"). */
export function parseSourceSpec(
  text: string,
  overrides: SourceOverrides = {},
  what = 'source spec',
): SourceSpec {
  const failW = (msg: string): never => {
    throw new UsageError(`${what}: ${msg}`);
  };
  try {
    return parseInner(text, overrides);
  } catch (e) {
    if (e instanceof UsageError && what !== 'source spec') {
      failW(e.message.replace(/^source spec: /, ''));
    }
    throw e;
  }
}

function parseInner(text: string, overrides: SourceOverrides): SourceSpec {
  const spec = text.trim();
  if (spec === '') fail('empty; expected ' + FORMS);
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec);
  if (!m) fail(`missing scheme; expected ${FORMS}`);
  const scheme = m[1].toLowerCase();
  const sm = /^(pyroscope|parca)(?:\+(https?))?$/.exec(scheme);
  if (!sm) fail(`unsupported scheme "${scheme}://"; expected ${FORMS}`);
  const kind = sm[1] as SourceKind;
  const protocol = sm[2] ?? 'http';

  const q = spec.indexOf('?');
  const location = (q >= 0 ? spec.slice(0, q) : spec).trim();
  const queryString = q >= 0 ? spec.slice(q + 1) : '';

  const rest = location.slice(m[0].length);
  const authority = rest.split(/[/#]/)[0];
  if (authority.includes('@')) {
    fail(
      `credentials in the URL are not accepted (they would end up in logs and manifests); ` +
        `put user:password in $${DEFAULT_ENV.basic} or a bearer token in $${DEFAULT_ENV.token}`,
    );
  }
  if (location.includes('#')) fail('the URL must not contain a "#" fragment');
  let url: URL;
  try {
    url = new URL(`${protocol}://${rest}`);
  } catch {
    fail(`invalid host or URL "${protocol}://${rest}"`);
  }
  if (!url.hostname) fail('missing host');
  // pyroscope:// and parca:// without a port use the backends' default ports; the explicit
  // +http / +https forms are usually behind a proxy and keep the scheme's default port.
  const port = url.port || (sm[2] ? '' : String(DEFAULT_PORT[kind]));
  const path = url.pathname.replace(/\/+$/, '');
  const baseUrl = `${protocol}://${url.hostname.includes(':') && !url.hostname.startsWith('[') ? `[${url.hostname}]` : url.hostname}${port ? `:${port}` : ''}${path}`;

  const params = parseParams(queryString);
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined) params.set(k as Param, v);
  }

  // Query: either type=... plus query={selector}, or query=<type>{selector}.
  const rawQuery = params.get('query');
  const rawType = params.get('type');
  if (rawQuery === undefined && rawType === undefined) {
    fail(
      kind === 'pyroscope'
        ? 'missing query; give type=process_cpu:cpu:nanoseconds:cpu:nanoseconds&query={service_name="..."}'
        : 'missing query; give query=parca_agent:samples:count:cpu:nanoseconds:delta{job="..."}',
    );
  }
  let typePart = '';
  let selector = '{}';
  if (rawQuery !== undefined) {
    const brace = rawQuery.indexOf('{');
    if (brace >= 0) {
      typePart = rawQuery.slice(0, brace).trim();
      selector = rawQuery.slice(brace).trim();
    } else {
      typePart = rawQuery.trim();
    }
  }
  if (rawType !== undefined) {
    if (typePart && typePart !== rawType.trim()) {
      fail(`type=${rawType} disagrees with the profile type "${typePart}" in query=; give it once`);
    }
    typePart = rawType.trim();
  }
  if (!typePart) {
    fail(
      kind === 'pyroscope'
        ? 'missing profile type; add type=NAME:SAMPLE_TYPE:UNIT:PERIOD_TYPE:PERIOD_UNIT (e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds)'
        : 'missing profile type; write query=NAME:SAMPLE_TYPE:UNIT:PERIOD_TYPE:PERIOD_UNIT[:delta]{...}',
    );
  }
  const typeParts = validateProfileType(typePart, kind);
  const matchers = parseSelector(selector);
  const labels: Record<string, string> = {};
  for (const mt of matchers) if (mt.op === '=') labels[mt.name] = mt.value;

  const fromText = params.get('from');
  if (fromText === undefined)
    fail('missing from= (e.g. from=now-1h, RFC3339, or unix seconds / ms)');
  const from = parseTime(fromText, 'from');
  const to = parseTime(params.get('to') ?? 'now', 'to');
  if (from.kind === to.kind) {
    const a = from.kind === 'now' ? from.offsetMs : from.ms;
    const b = to.kind === 'now' ? (to as { offsetMs: number }).offsetMs : (to as { ms: number }).ms;
    if (!(a < b)) fail(`from=${from.text} is not before to=${to.text}`);
  }

  const slices = parseIntParam(params.get('slices'), 'slices', DEFAULT_SLICES, 1, MAX_SLICES);
  const retries = parseIntParam(params.get('retries'), 'retries', DEFAULT_RETRIES, 0, 10);
  const timeoutText = params.get('timeout');
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (timeoutText !== undefined) {
    const t = /^\d+(\.\d+)?$/.test(timeoutText)
      ? Number(timeoutText) * 1000
      : parseDuration(timeoutText);
    if (t === undefined || !(t >= 100) || t > 3_600_000) {
      fail(`timeout=${timeoutText}: expected a duration between 100ms and 1h (e.g. 30s, 2m)`);
    }
    timeoutMs = Math.round(t);
  }

  const transportText = params.get('transport');
  let transport: ParcaTransport = 'grpc-web';
  if (transportText !== undefined) {
    if (kind !== 'parca')
      fail('transport= applies to parca sources only (Pyroscope is queried over Connect)');
    if (transportText !== 'grpc-web' && transportText !== 'rest') {
      fail(`transport=${transportText}: expected grpc-web or rest`);
    }
    transport = transportText;
  }

  const auth: SourceAuthEnv = {
    tokenEnv: DEFAULT_ENV.token,
    basicEnv: DEFAULT_ENV.basic,
    tenantEnv: DEFAULT_ENV.tenant,
    headersEnv: DEFAULT_ENV.headers,
    explicit: [],
  };
  for (const key of ['token', 'basic', 'tenant', 'headers'] as const) {
    const v = params.get(`${key}-env`);
    if (v === undefined) continue;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
      fail(`${key}-env=${v}: expected the NAME of an environment variable (letters, digits, _)`);
    }
    auth[`${key}Env`] = v;
    auth.explicit.push(key);
  }
  const tenant = params.get('tenant');
  if (tenant !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(tenant)) fail('tenant= must be printable ASCII without spaces');
    if (auth.explicit.includes('tenant')) fail('give either tenant= or tenant-env=, not both');
    auth.tenant = tenant;
  }

  const sampleType = typeParts[1];
  return {
    kind,
    baseUrl,
    profileType: typePart,
    selector,
    matchers,
    labels,
    query: `${typePart}${selector}`,
    sampleType,
    profileKind: profileKindOf(typeParts),
    from,
    to,
    slices,
    transport,
    timeoutMs,
    retries,
    auth,
  };
}

function parseParams(qs: string): Map<Param, string> {
  const out = new Map<Param, string>();
  for (const rawPart of qs.split('&')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = (eq >= 0 ? part.slice(0, eq) : part).trim();
    let key: string;
    try {
      key = decodeURIComponent(rawKey);
    } catch {
      fail(`parameter name "${rawKey}" has a bad %-escape`);
    }
    if (SECRET_PARAMS.test(key)) {
      // Never echo the value.
      fail(
        `parameter "${key}" looks like a secret; secrets are never read from the spec. ` +
          `Set $${DEFAULT_ENV.token} (bearer token), $${DEFAULT_ENV.basic} (user:password) or ` +
          `$${DEFAULT_ENV.tenant} (X-Scope-OrgID), or name other variables with token-env= / basic-env= / tenant-env=`,
      );
    }
    if (!(KNOWN_PARAMS as readonly string[]).includes(key)) {
      fail(`unknown parameter "${key}" (known: ${KNOWN_PARAMS.join(', ')})`);
    }
    if (eq < 0) fail(`parameter "${key}" needs a value (${key}=...)`);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      fail(`parameter "${key}" has a bad %-escape (write a literal % as %25)`);
    }
    if (out.has(key as Param)) fail(`parameter "${key}" is given twice`);
    if (value === '') fail(`parameter "${key}" is empty`);
    out.set(key as Param, value);
  }
  return out;
}

function parseIntParam(
  v: string | undefined,
  name: string,
  dflt: number,
  min: number,
  max: number,
): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    fail(`${name}=${v}: expected a whole number from ${min} to ${max}`);
  }
  return Number(v);
}

function validateProfileType(t: string, kind: SourceKind): string[] {
  const parts = t.split(':');
  const okLen =
    kind === 'pyroscope' ? parts.length === 5 : parts.length === 5 || parts.length === 6;
  const shape =
    kind === 'pyroscope'
      ? 'NAME:SAMPLE_TYPE:SAMPLE_UNIT:PERIOD_TYPE:PERIOD_UNIT (e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds)'
      : 'NAME:SAMPLE_TYPE:SAMPLE_UNIT:PERIOD_TYPE:PERIOD_UNIT[:delta] (e.g. parca_agent:samples:count:cpu:nanoseconds:delta)';
  if (!okLen || parts.slice(0, 5).some((p) => !/^[A-Za-z0-9_.\-/]+$/.test(p))) {
    fail(`profile type "${t}" is not of the form ${shape}`);
  }
  if (parts.length === 6 && parts[5] !== 'delta') {
    fail(`profile type "${t}": the sixth field can only be "delta"`);
  }
  return parts;
}

/** Maps a profile type id to the manifest's profile kind. */
function profileKindOf(parts: string[]): string {
  const [name, sample, , period] = parts;
  if (sample === 'alloc_space' || sample === 'alloc_objects') return 'allocs';
  if (sample === 'inuse_space' || sample === 'inuse_objects') return 'heap';
  if (name === 'block' || name === 'mutex') return name;
  if (name === 'goroutine' || name === 'goroutines') return 'goroutine';
  if (sample === 'cpu' || period === 'cpu' || /cpu/.test(name)) return 'cpu';
  return name;
}

/**
 * Parses a Prometheus-style label selector: `{name="v", other!="x", re=~"a.*", nre!~"b"}`.
 * Names may be plain or quoted; values use ", ' or ` quotes (with \-escapes in " and ').
 */
export function parseSelector(sel: string): LabelMatcher[] {
  const s = sel.trim();
  const bad: (why: string) => never = (why) =>
    fail(`label selector ${s}: ${why} (expected {name="value", ...})`);
  if (!s.startsWith('{') || !s.endsWith('}')) bad('must be enclosed in { }');
  const out: LabelMatcher[] = [];
  let i = 1;
  const end = s.length - 1;
  const ws = () => {
    while (i < end && /\s/.test(s[i])) i++;
  };
  const quoted = (): string => {
    const q = s[i];
    let v = '';
    i++;
    while (i < end && s[i] !== q) {
      if (s[i] === '\\' && q !== '`') {
        const n = s[i + 1];
        if (n === undefined || i + 1 >= end) bad('unfinished escape');
        v += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        i += 2;
      } else v += s[i++];
    }
    if (i >= end) bad(`unterminated ${q}-quoted string`);
    i++;
    return v;
  };
  ws();
  while (i < end) {
    let name: string;
    if (s[i] === '"') name = quoted();
    else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i, end));
      if (!m) bad(`expected a label name at "${s.slice(i, end)}"`);
      name = m[0];
      i += name.length;
    }
    ws();
    const m = /^(=~|!~|!=|=)/.exec(s.slice(i, end));
    if (!m) bad(`expected =, !=, =~ or !~ after ${name}`);
    const op = m[1] as MatchOp;
    i += op.length;
    ws();
    if (!`"'\``.includes(s[i]) || i >= end) bad(`expected a quoted value after ${name}${op}`);
    const value = quoted();
    if (op === '=~' || op === '!~') {
      try {
        new RegExp(value);
      } catch (e) {
        bad(`${name}${op}"${value}" is not a valid regular expression (${(e as Error).message})`);
      }
    }
    out.push({ name, op, value });
    ws();
    if (i < end) {
      if (s[i] !== ',') bad(`expected "," or "}" after ${name}${op}"${value}"`);
      i++;
      ws();
    }
  }
  return out;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Go-style durations: 90s, 1h30m, 500ms, 2d. Returns ms, or undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g))
    total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses `now`, `now-1h`, `now-1h30m`, RFC3339 (with Z or an offset), unix seconds or ms. */
export function parseTime(text: string, name: string): TimeExpr {
  const t = text.trim();
  if (t === 'now') return { kind: 'now', offsetMs: 0, text: t };
  const rel = /^now\s*-\s*(.+)$/.exec(t);
  if (rel) {
    const d = parseDuration(rel[1]);
    if (d === undefined || d <= 0) {
      fail(
        `${name}=${t}: bad relative time; write now-30m, now-1h, now-1h30m, now-2d (units ms s m h d w)`,
      );
    }
    return { kind: 'now', offsetMs: -Math.round(d), text: t };
  }
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    // 11 digits of seconds reach the year 5138; 12-14 digits are milliseconds.
    if (n < 1e11) return { kind: 'absolute', ms: n * 1000, text: t };
    if (n < 1e14) return { kind: 'absolute', ms: n, text: t };
    fail(
      `${name}=${t}: too many digits for unix seconds or milliseconds (microseconds and nanoseconds are not accepted)`,
    );
  }
  const m = RFC3339.exec(t);
  if (m) {
    const ms = Date.parse(t.replace(' ', 'T'));
    const [mo, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
    if (
      Number.isFinite(ms) &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      d <= 31 &&
      h < 24 &&
      mi < 60 &&
      s < 61
    ) {
      return { kind: 'absolute', ms, text: t };
    }
  }
  fail(
    `${name}=${t}: not a time; expected now, now-1h, RFC3339 with a zone (2024-05-01T12:00:00Z), or unix seconds / milliseconds`,
  );
}

export function resolveTime(t: TimeExpr, nowMs: number): number {
  return t.kind === 'absolute' ? t.ms : nowMs + t.offsetMs;
}

export interface TimeWindow {
  /** Inclusive start, ms since the epoch. */
  startMs: number;
  /** Exclusive end, ms since the epoch. */
  endMs: number;
}

/** Resolves from/to against `now` and checks the window can be split into the spec's slices. */
export function resolveWindow(spec: SourceSpec, now: Date): TimeWindow {
  const nowMs = now.getTime();
  const startMs = resolveTime(spec.from, nowMs);
  const endMs = resolveTime(spec.to, nowMs);
  if (!(startMs < endMs)) {
    fail(
      `from=${spec.from.text} (${new Date(startMs).toISOString()}) is not before to=${spec.to.text} (${new Date(endMs).toISOString()})`,
    );
  }
  if (startMs > nowMs)
    fail(`from=${spec.from.text} is in the future (${new Date(startMs).toISOString()})`);
  if ((endMs - startMs) / spec.slices < 1000) {
    fail(
      `a window of ${endMs - startMs} ms cannot be split into ${spec.slices} slices of at least 1 s; widen it or lower slices=`,
    );
  }
  return { startMs, endMs };
}

/**
 * Splits [startMs, endMs) into k half-open slices on whole-millisecond boundaries:
 * boundary i = start + floor(i * (end - start) / k), so the slices are contiguous, never
 * overlap, cover the window exactly and differ in length by at most 1 ms.
 */
export function sliceWindow(w: TimeWindow, k: number): TimeWindow[] {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`slice count ${k} is not a positive integer`);
  const span = w.endMs - w.startMs;
  const at = (i: number) => w.startMs + Math.floor((i * span) / k);
  const out: TimeWindow[] = [];
  for (let i = 0; i < k; i++)
    out.push({ startMs: at(i), endMs: i === k - 1 ? w.endMs : at(i + 1) });
  return out;
}

/** A one-line description without secrets (the spec never holds any). */
export function describeSource(spec: SourceSpec): string {
  const extra = spec.kind === 'parca' ? ` via ${spec.transport}` : '';
  return `${spec.kind} ${spec.baseUrl}${extra} ${spec.query}`;
}

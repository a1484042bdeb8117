/**
 * Which URL to ask for a profile of a given kind, and which pprof sample type a capture of
 * that kind is compared on.
 *
 * `--url` is either a base URL (`http://127.0.0.1:6060`: Go's net/http/pprof paths are added)
 * or a full template (any path other than `/`, e.g. `http://127.0.0.1:8080/prof?secs={seconds}`)
 * for other runtimes. Templates may use `{seconds}` and `{type}`.
 *
 * A template with `{seconds}` is a *duration* endpoint: the server profiles for that long and
 * then answers. A template without it is a *snapshot* endpoint: the runner keeps the load going
 * for the capture window and then asks for the snapshot.
 */
import { UsageError } from '../errors.js';

/** The kinds with a known Go endpoint. Any other name needs a template. */
export const KNOWN_TYPES = ['cpu', 'allocs', 'heap', 'block', 'mutex', 'goroutine'] as const;
export type KnownType = (typeof KNOWN_TYPES)[number];

export function isKnownType(t: string): t is KnownType {
  return (KNOWN_TYPES as readonly string[]).includes(t);
}

/** Go net/http/pprof path templates (relative to the base URL). */
const GO_PATHS: Record<KnownType, string> = {
  cpu: '/debug/pprof/profile?seconds={seconds}',
  // Delta profiles: only what was allocated / blocked during the window.
  allocs: '/debug/pprof/allocs?seconds={seconds}',
  block: '/debug/pprof/block?seconds={seconds}',
  mutex: '/debug/pprof/mutex?seconds={seconds}',
  // In-use memory is a state, not a rate: a snapshot at the end of the window, after a GC so
  // that it is current (a delta of in-use bytes can be negative and is hard to read).
  heap: '/debug/pprof/heap?gc=1',
  goroutine: '/debug/pprof/goroutine',
};

/** pprof sample type that captures of each kind are compared on. */
const SAMPLE_TYPES: Record<KnownType, string> = {
  cpu: 'cpu',
  allocs: 'alloc_space',
  heap: 'inuse_space',
  block: 'delay',
  mutex: 'delay',
  goroutine: 'goroutine',
};

export function sampleTypeFor(type: string): string | undefined {
  return isKnownType(type) ? SAMPLE_TYPES[type] : undefined;
}

/** Hint printed when a capture comes back without samples. */
export function emptyProfileHint(type: string): string {
  switch (type) {
    case 'block':
      return 'block profiling is off unless the service calls runtime.SetBlockProfileRate(rate) with rate > 0; otherwise the service was idle';
    case 'mutex':
      return 'mutex profiling is off unless the service calls runtime.SetMutexProfileFraction(n) with n > 0; otherwise the service was idle';
    default:
      return 'the service looks idle during the capture window: drive it with --load-url/--rate (built-in load) or --load-command, or raise --seconds';
  }
}

export interface Endpoint {
  /** The URL template (absolute) with {seconds}/{type} still in it. */
  template: string;
  /** True when the server profiles for {seconds} before it answers. */
  duration: boolean;
}

/**
 * Resolves the endpoint template for a capture.
 * @param url  base URL or full template (see the module comment)
 * @param type profile kind
 * @param path optional path template that replaces the default Go path
 */
export function resolveEndpoint(url: string, type: string, path?: string): Endpoint {
  let base: URL;
  try {
    base = new URL(url.replace(/\{(seconds|type)\}/g, '0'));
  } catch {
    throw new UsageError(`--url ${JSON.stringify(url)} is not a valid URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new UsageError(`--url must be http:// or https://, got ${base.protocol}`);
  }
  let template: string;
  if (path !== undefined) {
    if (!path.startsWith('/')) throw new UsageError(`--path must start with "/", got "${path}"`);
    template = url.replace(/\/+$/, '') + path;
  } else if (base.pathname !== '/' || base.search !== '') {
    template = url;
  } else {
    if (!isKnownType(type)) {
      throw new UsageError(
        `no default endpoint for --type ${type}; give the full URL template (e.g. --url 'http://127.0.0.1:8080/profile?seconds={seconds}') or --path`,
      );
    }
    template = url.replace(/\/+$/, '') + GO_PATHS[type];
  }
  return { template, duration: template.includes('{seconds}') };
}

/** Go's handlers parse `seconds` as an integer; a fractional value silently becomes 30 s. */
export function checkSecondsForEndpoint(ep: Endpoint, seconds: number, isGoDefault: boolean): void {
  if (isGoDefault && ep.duration && !Number.isInteger(seconds)) {
    throw new UsageError(
      `--seconds must be a whole number for Go's net/http/pprof endpoints (got ${seconds})`,
    );
  }
}

/** Fills {seconds} and {type} in a URL template (values are URL-encoded). */
export function fillTemplate(template: string, vars: { seconds: number; type: string }): string {
  return template
    .replace(/\{seconds\}/g, encodeURIComponent(String(vars.seconds)))
    .replace(/\{type\}/g, encodeURIComponent(vars.type));
}

/** True when `url` is a bare base URL, so Go's default paths are used. */
export function usesGoDefaults(url: string, path?: string): boolean {
  if (path !== undefined) return false;
  try {
    const u = new URL(url);
    return u.pathname === '/' && u.search === '';
  } catch {
    return false;
  }
}

/** File-name-safe form of a profile kind. */
export function fileStem(type: string): string {
  return type.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40) || 'profile';
}

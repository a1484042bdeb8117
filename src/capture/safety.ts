/**
 * Profiling endpoints are admin surfaces (they expose code layout, memory contents in heap
 * labels, and let anyone burn CPU on the host). They should listen on localhost or an internal
 * address only. This module classifies a target URL and produces the warning the CLI prints.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export type AddressClass = 'loopback' | 'private' | 'public';

function v4Parts(ip: string): number[] {
  return ip.split('.').map((x) => Number(x));
}

/** Classifies an IPv4 or IPv6 literal. */
export function classifyIp(ip: string): AddressClass {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(bare);
  if (kind === 4) {
    const [a, b] = v4Parts(bare);
    if (a === 127) return 'loopback';
    if (a === 0) return 'loopback'; // 0.0.0.0 as a destination reaches the local host
    if (a === 10) return 'private';
    if (a === 172 && b >= 16 && b <= 31) return 'private';
    if (a === 192 && b === 168) return 'private';
    if (a === 169 && b === 254) return 'private'; // link-local
    if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT / shared space
    return 'public';
  }
  if (kind === 6) {
    const lower = bare.toLowerCase();
    if (lower === '::1' || lower === '::') return 'loopback';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return classifyIp(mapped[1]);
    const first = parseInt(lower.split(':')[0] || '0', 16);
    if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return 'private'; // fe80::/10 link-local
    return 'public';
  }
  throw new Error(`not an IP address: ${ip}`);
}

export interface TargetSafety {
  url: string;
  host: string;
  /** Worst class over the addresses the host resolves to; undefined when it did not resolve. */
  class?: AddressClass;
  addresses: string[];
  /** Set when the target is not loopback / private. */
  warning?: string;
}

/**
 * Classifies the host of `url`. Host names are resolved (all addresses); a name that does not
 * resolve gets no class and no warning here (the capture itself reports the DNS failure).
 */
export async function checkTarget(
  url: string,
  what = 'profiling endpoint',
  resolve: (host: string) => Promise<string[]> = defaultResolve,
): Promise<TargetSafety> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (host === 'localhost' || host.endsWith('.localhost')) addresses = ['127.0.0.1'];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { url, host, addresses: [] };
    }
  }
  if (addresses.length === 0) return { url, host, addresses };
  const order: AddressClass[] = ['loopback', 'private', 'public'];
  let worst: AddressClass = 'loopback';
  for (const a of addresses) {
    const c = classifyIp(a);
    if (order.indexOf(c) > order.indexOf(worst)) worst = c;
  }
  const out: TargetSafety = { url, host, class: worst, addresses };
  if (worst === 'public') {
    const shown = isIP(host) ? host : `${host} (${addresses.join(', ')})`;
    out.warning =
      `the ${what} ${shown} is not a loopback or private address. Profiling endpoints are admin ` +
      `surfaces: bind them to localhost or an internal port, never to a public interface.`;
  }
  return out;
}

async function defaultResolve(host: string): Promise<string[]> {
  const res = await lookup(host, { all: true });
  return res.map((r) => r.address);
}

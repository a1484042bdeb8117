/**
 * Credentials for fleet sources, read from environment variables only (never from the spec),
 * plus a masker that blanks every secret out of messages before they are printed.
 *
 *   PROFILE_GATE_SOURCE_TOKEN    bearer token          -> Authorization: Bearer ...
 *   PROFILE_GATE_SOURCE_BASIC    user:password         -> Authorization: Basic base64(...)
 *   PROFILE_GATE_SOURCE_TENANT   tenant id             -> X-Scope-OrgID: ...
 *   PROFILE_GATE_SOURCE_HEADERS  "Name: value" lines   -> extra headers (values treated as secrets)
 *
 * A spec can name other variables (token-env=BASELINE_TOKEN ...), e.g. when the baseline and
 * the canary live on different backends; a variable named explicitly must be set.
 */
import { UsageError } from '../errors.js';
import { makeMasker as makeSecretMasker, registerSecret } from '../util/secrets.js';
import type { SourceSpec } from './spec.js';

export type Env = Record<string, string | undefined>;

export interface SourceAuth {
  headers: Record<string, string>;
  /** Replaces every secret in `s` with ***. */
  mask: (s: string) => string;
  /** What is in use, for logs (never values): e.g. "bearer token from $X, tenant from $Y". */
  summary: string;
}

/**
 * Blanks every secret out of a message: as it is and in its base64 (any alignment), base64url,
 * URL- and JSON-encoded forms (util/secrets.ts), longest first.
 */
export const makeMasker = makeSecretMasker;

export function sourceAuth(spec: SourceSpec, env: Env): SourceAuth {
  const a = spec.auth;
  const get = (key: 'token' | 'basic' | 'tenant' | 'headers', name: string): string | undefined => {
    const v = env[name];
    if (v === undefined || v.trim() === '') {
      if (a.explicit.includes(key)) {
        throw new UsageError(`${key}-env=${name} is given but $${name} is not set (or empty)`);
      }
      return undefined;
    }
    return v.trim();
  };
  const token = get('token', a.tokenEnv);
  const basic = get('basic', a.basicEnv);
  const tenantEnv = a.tenant === undefined ? get('tenant', a.tenantEnv) : undefined;
  const extra = get('headers', a.headersEnv);

  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  const used: string[] = [];
  if (token !== undefined && basic !== undefined) {
    throw new UsageError(
      `both $${a.tokenEnv} (bearer) and $${a.basicEnv} (basic) are set; unset one of them`,
    );
  }
  if (token !== undefined) {
    if (/[\r\n]/.test(token)) throw new UsageError(`$${a.tokenEnv} contains a line break`);
    const t = token.replace(/^Bearer\s+/i, '');
    headers['authorization'] = `Bearer ${t}`;
    secrets.push(token, t);
    used.push(`bearer token from $${a.tokenEnv}`);
  }
  if (basic !== undefined) {
    const colon = basic.indexOf(':');
    if (colon <= 0 || /[\r\n]/.test(basic)) {
      throw new UsageError(`$${a.basicEnv} must be user:password (value not shown)`);
    }
    const b64 = Buffer.from(basic, 'utf8').toString('base64');
    headers['authorization'] = `Basic ${b64}`;
    secrets.push(basic, b64, basic.slice(colon + 1));
    used.push(`basic auth from $${a.basicEnv}`);
  }
  const tenant = a.tenant ?? tenantEnv;
  if (tenant !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(tenant)) {
      throw new UsageError(
        `the tenant id (from $${a.tenantEnv}) must be printable ASCII without spaces`,
      );
    }
    headers['x-scope-orgid'] = tenant;
    // A tenant id from the environment is treated as a secret too; one in the spec is not.
    if (a.tenant === undefined) secrets.push(tenant);
    used.push(a.tenant !== undefined ? 'tenant from the spec' : `tenant from $${a.tenantEnv}`);
  }
  if (extra !== undefined) {
    let n = 0;
    for (const line of extra.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (!m) {
        throw new UsageError(
          `$${a.headersEnv}: line ${n + 1} is not "Name: value" (value not shown)`,
        );
      }
      headers[m[1].toLowerCase()] = m[2];
      secrets.push(m[2]);
      n++;
    }
    used.push(`${n} header(s) from $${a.headersEnv}`);
  }
  // and for everything else that is printed (util/safe-text.ts)
  registerSecret(...secrets);
  return {
    headers,
    mask: makeMasker(secrets),
    summary: used.length ? used.join(', ') : 'no credentials',
  };
}

/**
 * Credentials in URLs (`http://user:pass@host/...?token=...`) never reach a manifest, a log
 * or a message: redactUrl removes the user-info and blanks the values of token-like query
 * parameters (the request itself still uses them), and urlSecrets lists them so the shells can
 * register them for masking (util/secrets.ts).
 */

/** Query parameter names that carry credentials (the fleet-source parser refuses them). */
export const SECRET_PARAM =
  /^(token|access_token|id_token|bearer|auth|authorization|password|passwd|pass|pwd|secret|client_secret|basic|user|username|api[-_]?key|apikey|key|sig|signature|x-amz-signature|x-goog-signature|session|sessionid|jwt)$/i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Splits a URL (or URL template) at the query: [before, query, fragment]. */
function parts(url: string): { head: string; query: string | undefined; hash: string } {
  const h = url.indexOf('#');
  const hash = h >= 0 ? url.slice(h) : '';
  const noHash = h >= 0 ? url.slice(0, h) : url;
  const q = noHash.indexOf('?');
  return q >= 0
    ? { head: noHash.slice(0, q), query: noHash.slice(q + 1), hash }
    : { head: noHash, query: undefined, hash };
}

const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)/i;

/**
 * The URL without user-info and with the values of token-like query parameters replaced by
 * `***`. Works on templates too (`{seconds}` placeholders are kept as they are).
 */
export function redactUrl(url: string): string {
  const { head, query, hash } = parts(url);
  const h = head.replace(USER_INFO, '$1');
  if (query === undefined) return h + hash;
  const q = query
    .split('&')
    .map((kv) => {
      const eq = kv.indexOf('=');
      const k = eq >= 0 ? kv.slice(0, eq) : kv;
      return eq >= 0 && SECRET_PARAM.test(decode(k)) ? `${k}=***` : kv;
    })
    .join('&');
  return `${h}?${q}${hash}`;
}

/** The credentials a URL carries: user-info (user, password, both) and token-like values. */
export function urlSecrets(url: string | undefined): string[] {
  if (!url) return [];
  const out: string[] = [];
  const { head, query } = parts(url);
  const m = USER_INFO.exec(head);
  if (m) {
    const info = m[2].slice(0, -1);
    out.push(info, decode(info));
    const c = info.indexOf(':');
    if (c >= 0) out.push(info.slice(c + 1), decode(info.slice(c + 1)));
  }
  for (const kv of (query ?? '').split('&')) {
    const eq = kv.indexOf('=');
    if (eq > 0 && SECRET_PARAM.test(decode(kv.slice(0, eq))) && eq < kv.length - 1) {
      out.push(kv.slice(eq + 1), decode(kv.slice(eq + 1)));
    }
  }
  return [...new Set(out.filter((s) => s.length > 0))];
}

/** Header names whose values are credentials. */
/**
 * A shell command as a manifest may record it: every URL in it redacted (redactUrl), the value
 * of credential headers (`Authorization: Bearer ...`, `X-Api-Key: ...`) and of `--token=` style
 * options blanked. The command that ran is not changed, only what is written or printed.
 */
export function redactCommand(command: string): string {
  return command
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"`]+/gi, (u) => redactUrl(u))
    .replace(
      /\b((?:authorization|proxy-authorization|x-api-key|api-key|cookie|x-auth-token)\s*:\s*)(?:(?:bearer|basic|token)\s+)?[^\s'"]+/gi,
      (_m, name: string) => `${name}***`,
    )
    .replace(
      /(--?(?:token|password|passwd|secret|api[-_]?key|auth)(?:=|\s+))(['"]?)[^\s'"]+\2/gi,
      (_m, opt: string, q: string) => `${opt}${q}***${q}`,
    );
}

/**
 * Secret masking for everything the tool prints: a secret is blanked as it is, and in the
 * encodings it travels in (base64 at any of the three byte alignments, as inside
 * `Basic base64(user:password)`; base64url; URL and form encoding; JSON string escaping), so
 * that an echo of an encoded token does not leak it either.
 *
 * A process-wide registry (like the runner's add-mask): whatever reads a secret registers it
 * (fleet-source credentials in sources/auth.ts, the GitHub token and capture-URL credentials in
 * the shells) and the output-safety layer (safe-text.ts) masks it in every line it writes.
 */

export const MASK = '***';

/** Shorter strings are not masked (they would blank ordinary text). */
const MIN_SECRET = 3;
/** Shorter encoded fragments are not masked (a 2-3 character base64 tail is not a secret). */
const MIN_VARIANT = 6;

/**
 * The forms of a secret to mask: itself, its base64 at each of the three alignments (only the
 * characters that depend on the secret alone, so it is found inside a longer base64 text),
 * base64url, URL and form encoding, JSON escaping.
 */
export function secretVariants(secret: string): string[] {
  if (secret.length < MIN_SECRET) return [];
  const out = new Set<string>([secret]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const from = Math.ceil((shift * 8) / 6);
    const to = Math.floor(((shift + bytes.length) * 8) / 6);
    const core = b64.slice(from, to);
    if (core.length >= MIN_VARIANT) {
      out.add(core);
      out.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  const full = bytes.toString('base64');
  out.add(full);
  out.add(bytes.toString('base64url'));
  out.add(encodeURIComponent(secret));
  out.add(encodeURIComponent(secret).replace(/%20/g, '+'));
  out.add(JSON.stringify(secret).slice(1, -1));
  return [...out].filter((v) => v.length >= MIN_SECRET);
}

/** A function that replaces every secret (in every form) in a text with ***. */
export function makeMasker(secrets: readonly string[]): (s: string) => string {
  // Longest first, so a secret that contains another is blanked whole.
  const list = [...new Set(secrets.flatMap(secretVariants))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (s) => s;
  return (s: string) => {
    let out = s;
    for (const sec of list) if (out.includes(sec)) out = out.split(sec).join(MASK);
    return out;
  };
}

const registered = new Set<string>();
let masker: (s: string) => string = (s) => s;

/** Adds secrets to the process-wide list that every printed line is masked with. */
export function registerSecret(...secrets: (string | undefined)[]): void {
  let added = false;
  for (const s of secrets) {
    if (s !== undefined && s.length >= MIN_SECRET && !registered.has(s)) {
      registered.add(s);
      added = true;
    }
  }
  if (added) masker = makeMasker([...registered]);
}

/** Masks the registered secrets in a text. */
export function maskSecrets(s: string): string {
  return masker(s);
}

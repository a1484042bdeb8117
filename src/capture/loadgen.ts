/**
 * Open-loop, constant-rate HTTP load generator.
 *
 * Arrivals are scheduled on a fixed clock (request i is due at start + i/rate), never on
 * responses: when the service slows down, requests keep arriving at the asked rate and pile
 * up as in-flight requests, as real users would. Both builds therefore see the same offered
 * load. Requests beyond `maxInFlight` are dropped (counted, never queued: a queue would turn
 * the generator closed-loop).
 *
 * The mix is chosen by smooth weighted round-robin, so it is exact and deterministic (the same
 * sequence of paths for baseline and canary), not random.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../errors.js';

export interface LoadTarget {
  method: string;
  url: string;
  weight: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadGeneratorOptions {
  /** Offered requests per second. */
  rate: number;
  /** Weighted mix; at least one target. */
  targets: LoadTarget[];
  /** Requests allowed in flight at once; arrivals past it are dropped (default max(64, rate), at most 4096). */
  maxInFlight?: number;
  /** Per-request timeout in ms (default 10000); a timed-out request counts as failed. */
  requestTimeoutMs?: number;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /** Scheduler tick in ms (default 5). */
  tickMs?: number;
}

/** Cumulative counters; subtract two snapshots to get a window. */
export interface LoadCounters {
  /** Arrivals due so far (asked rate x elapsed time). */
  due: number;
  /** Requests actually sent. */
  sent: number;
  /** Responses with status < 400 read to the end. */
  completed: number;
  /** Errors, timeouts and responses with status >= 400. */
  failed: number;
  /** Arrivals not sent because maxInFlight requests were already in flight. */
  dropped: number;
  /** Requests sent again because their reused keep-alive socket was closed under them. */
  resent: number;
  inFlight: number;
  /** Sum of latencies of completed requests, ms. */
  latencyMsSum: number;
  /** performance.now() of the snapshot. */
  at: number;
}

export interface LoadWindow {
  seconds: number;
  sent: number;
  completed: number;
  failed: number;
  dropped: number;
  /** Requests sent per second in the window (the achieved offered rate). */
  sentRate: number;
  /** Requests completed per second in the window. */
  completedRate: number;
  meanLatencyMs: number;
}

export function windowBetween(a: LoadCounters, b: LoadCounters): LoadWindow {
  const seconds = Math.max(1e-9, (b.at - a.at) / 1000);
  const completed = b.completed - a.completed;
  return {
    seconds,
    sent: b.sent - a.sent,
    completed,
    failed: b.failed - a.failed,
    dropped: b.dropped - a.dropped,
    sentRate: (b.sent - a.sent) / seconds,
    completedRate: completed / seconds,
    meanLatencyMs: completed > 0 ? (b.latencyMsSum - a.latencyMsSum) / completed : 0,
  };
}

/** Deterministic smooth weighted round-robin over the targets. */
export class WeightedPicker<T extends { weight: number }> {
  private readonly current: number[];
  private readonly total: number;
  constructor(private readonly items: T[]) {
    if (items.length === 0) throw new Error('empty mix');
    this.current = items.map(() => 0);
    this.total = items.reduce((s, t) => s + t.weight, 0);
  }
  next(): T {
    let best = 0;
    for (let i = 0; i < this.items.length; i++) {
      this.current[i] += this.items[i].weight;
      if (this.current[i] > this.current[best]) best = i;
    }
    this.current[best] -= this.total;
    return this.items[best];
  }
}

export class LoadGenerator {
  private readonly opts: Required<Omit<LoadGeneratorOptions, 'headers'>> & {
    headers: Record<string, string>;
  };
  private readonly picker: WeightedPicker<LoadTarget>;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly parsed = new Map<string, URL>();
  private readonly live = new Set<http.ClientRequest>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private issued = 0;
  private stopping = false;
  private c = { sent: 0, completed: 0, failed: 0, dropped: 0, resent: 0, latencyMsSum: 0 };
  /** Failure reasons ("ECONNREFUSED", "HTTP 500", "timeout") and how often each happened. */
  readonly errors = new Map<string, number>();
  lastError: string | undefined;

  constructor(options: LoadGeneratorOptions) {
    if (!(options.rate > 0) || !Number.isFinite(options.rate)) {
      throw new UsageError(`load rate must be a positive number, got ${options.rate}`);
    }
    if (options.targets.length === 0) throw new UsageError('the load mix is empty');
    for (const t of options.targets) {
      if (!(t.weight > 0)) throw new UsageError(`load mix weight must be positive (${t.url})`);
      const u = new URL(t.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw new UsageError(`load URL must be http:// or https://, got ${t.url}`);
      }
      this.parsed.set(t.url, u);
    }
    const maxInFlight =
      options.maxInFlight ?? Math.min(4096, Math.max(64, Math.ceil(options.rate)));
    this.opts = {
      rate: options.rate,
      targets: options.targets,
      maxInFlight,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      headers: options.headers ?? {},
      tickMs: options.tickMs ?? 5,
    };
    this.picker = new WeightedPicker(options.targets);
    // Idle pooled sockets are closed after 2 s, before common server idle timeouts (Go's
    // ReadHeaderTimeout/IdleTimeout, Node's 5 s keepAliveTimeout), so a request rarely lands on
    // a socket the server is closing at that moment.
    const agentOpts = {
      keepAlive: true,
      maxSockets: maxInFlight,
      maxFreeSockets: maxInFlight,
      timeout: 2000,
    };
    this.httpAgent = new http.Agent(agentOpts);
    this.httpsAgent = new https.Agent(agentOpts);
  }

  get rate(): number {
    return this.opts.rate;
  }
  get maxInFlight(): number {
    return this.opts.maxInFlight;
  }
  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer || this.stopping) return;
    this.startedAt = performance.now();
    this.issued = 0;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.opts.tickMs);
  }

  /** Stops new arrivals for now; requests in flight finish and are counted. */
  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.paused = true;
    this.pausedAt = performance.now();
  }

  /**
   * Arrivals again, at the same rate, from now: the clock is moved so that the arrivals missed
   * while paused are not sent in a burst (nor counted as due).
   */
  resume(): void {
    if (!this.paused || this.stopping) return;
    this.paused = false;
    const now = performance.now();
    this.pausedMs += now - this.pausedAt;
    this.pausedDue += this.dueAt(now) - this.issued;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.opts.tickMs);
  }

  snapshot(): LoadCounters {
    const at = performance.now();
    return {
      due: this.startedAt ? this.dueAt(at) : 0,
      ...this.c,
      inFlight: this.live.size,
      at,
    };
  }

  /** Totals since start (rates over the time it was running, not paused). */
  summary(): LoadWindow {
    return windowBetween(
      {
        due: 0,
        sent: 0,
        completed: 0,
        failed: 0,
        dropped: 0,
        resent: 0,
        inFlight: 0,
        latencyMsSum: 0,
        at: this.startedAt + this.pausedMs + (this.paused ? performance.now() - this.pausedAt : 0),
      },
      this.snapshot(),
    );
  }

  /** Stops arrivals and abandons requests still in flight (they are not counted). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const r of this.live) r.destroy();
    this.live.clear();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Arrivals that fell due while paused: skipped, not sent. */
  private pausedDue = 0;
  /** Time spent paused, left out of the totals' rates. */
  private pausedMs = 0;
  private pausedAt = 0;
  private paused = false;

  private dueAt(now: number): number {
    return Math.floor(((now - this.startedAt) * this.opts.rate) / 1000) + 1 - this.pausedDue;
  }

  private tick(): void {
    if (this.stopping) return;
    const due = this.dueAt(performance.now());
    while (this.issued < due) {
      this.issued++;
      if (this.live.size >= this.opts.maxInFlight) {
        this.c.dropped++;
        continue;
      }
      this.send(this.picker.next());
    }
  }

  private fail(reason: string): void {
    this.c.failed++;
    this.errors.set(reason, (this.errors.get(reason) ?? 0) + 1);
    this.lastError = reason;
  }

  /**
   * Sends one request. `resend` is set for the single retry of a request whose reused
   * keep-alive socket was closed by the server before any answer (the request never reached
   * the application; counting it as failed would blame the service for a client-side race).
   */
  private send(t: LoadTarget, resend?: { t0: number }): void {
    const u = this.parsed.get(t.url)!;
    const mod = u.protocol === 'https:' ? https : http;
    const t0 = resend?.t0 ?? performance.now();
    let settled = false;
    let answered = false;
    const settle = (ok: boolean, reason?: string) => {
      if (settled) return;
      settled = true;
      this.live.delete(req);
      if (this.stopping) return;
      if (ok) {
        this.c.completed++;
        this.c.latencyMsSum += performance.now() - t0;
      } else this.fail(reason ?? 'error');
    };
    const req = mod.request(
      u,
      {
        method: t.method,
        agent: u.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
        headers: { ...this.opts.headers, ...t.headers },
      },
      (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        res.on('error', (e) => settle(false, errorReason(e)));
        res.on('aborted', () => settle(false, 'response cut short'));
        res.on('close', () => settle(false, 'response cut short'));
        res.on('end', () =>
          status >= 400
            ? settle(false, `HTTP ${status}`)
            : settle(res.complete, 'response cut short'),
        );
        res.resume();
      },
    );
    this.live.add(req);
    if (!resend) this.c.sent++;
    const timeoutMs = Math.max(1, this.opts.requestTimeoutMs - (performance.now() - t0));
    req.setTimeout(timeoutMs, () => {
      settle(false, 'timeout');
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (
        !settled &&
        !answered &&
        !resend &&
        !this.stopping &&
        req.reusedSocket &&
        e.code === 'ECONNRESET'
      ) {
        settled = true;
        this.live.delete(req);
        this.c.resent++;
        this.send(t, { t0 });
        return;
      }
      settle(false, errorReason(e));
    });
    req.end(t.body);
  }
}

function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? err?.message ?? String(e);
}

/**
 * Parses a mix: `'GET /checkout=8,POST /search=2'` (method optional, default GET; weight after
 * the last `=`, default 1) or `@file.json` holding
 * `[{"method": "POST", "path": "/search", "weight": 2, "body": "...", "headers": {...}}]`.
 * Paths are resolved against `base`; absolute URLs are kept.
 */
export function parseLoadMix(spec: string, base: string, cwd = process.cwd()): LoadTarget[] {
  const resolveUrl = (p: string): string => {
    try {
      return new URL(p, base).toString();
    } catch {
      throw new UsageError(`load mix: cannot resolve "${p}" against --load-url ${base}`);
    }
  };
  const s = spec.trim();
  if (s.startsWith('@')) {
    const file = s.slice(1);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolvePath(cwd, file), 'utf8'));
    } catch (e) {
      throw new UsageError(`load mix file ${file}: ${(e as Error).message}`);
    }
    if (!Array.isArray(json) || json.length === 0) {
      throw new UsageError(`load mix file ${file}: expected a non-empty JSON array`);
    }
    return json.map((raw, i) => {
      const e = raw as Record<string, unknown>;
      const path = (e.url ?? e.path) as unknown;
      if (typeof path !== 'string')
        throw new UsageError(`load mix file ${file}[${i}]: needs "path" or "url"`);
      const weight = e.weight === undefined ? 1 : Number(e.weight);
      if (!(weight > 0))
        throw new UsageError(`load mix file ${file}[${i}]: weight must be positive`);
      const headers = e.headers as Record<string, string> | undefined;
      if (headers !== undefined && (typeof headers !== 'object' || headers === null)) {
        throw new UsageError(`load mix file ${file}[${i}]: headers must be an object`);
      }
      const body =
        e.body === undefined
          ? undefined
          : typeof e.body === 'string'
            ? e.body
            : JSON.stringify(e.body);
      return {
        method: String(e.method ?? 'GET').toUpperCase(),
        url: resolveUrl(path),
        weight,
        body,
        headers,
      };
    });
  }
  const parts = s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UsageError('--load-mix is empty');
  return parts.map((p) => {
    const m = /^(?:([A-Za-z]+)\s+)?(\S+?)(?:=(\d+(?:\.\d+)?))?$/.exec(p);
    if (!m) {
      throw new UsageError(
        `--load-mix entry "${p}" is not "[METHOD] PATH[=WEIGHT]" (e.g. "GET /checkout=8,POST /search=2")`,
      );
    }
    const weight = m[3] === undefined ? 1 : Number(m[3]);
    if (!(weight > 0)) throw new UsageError(`--load-mix entry "${p}": weight must be positive`);
    return { method: (m[1] ?? 'GET').toUpperCase(), url: resolveUrl(m[2]), weight };
  });
}

/** Parses `--load-header 'Name: value'`. */
export function parseHeaders(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of list) {
    const i = h.indexOf(':');
    if (i <= 0) throw new UsageError(`--load-header "${h}" is not "Name: value"`);
    out[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  return out;
}

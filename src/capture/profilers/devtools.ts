/**
 * A DevTools protocol session over the inspector's WebSocket: numbered commands, each answered
 * once (`{id, result}` or `{id, error}`); events are ignored. The WebSocket client is Node's own
 * (global `WebSocket`, Node 22 and later) or, on Node 20, the same implementation from the
 * `undici` package, which is bundled into dist/.
 */
import { CaptureError } from '../errors.js';

/** The part of the WHATWG WebSocket this session uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (ev: { data?: unknown; code?: number }) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * The WebSocket class: the global one when present (Node 22+, or Node 20 started with
 * --experimental-websocket), else undici's. `load` is the fallback's loader (tests replace it).
 */
export async function webSocketClass(
  load: () => Promise<{ WebSocket: unknown }> = () => import('undici'),
): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof global === 'function') return global as WebSocketConstructor;
  let reason: string;
  try {
    const m = await load();
    if (typeof m.WebSocket === 'function') return m.WebSocket as WebSocketConstructor;
    reason = 'it has no WebSocket export';
  } catch (e) {
    reason = (e as Error).message;
  }
  throw new CaptureError(
    'attach',
    `no WebSocket client for the DevTools protocol: Node 22 and later have one built in; on Node ${process.versions.node} profile-gate uses the one of the "undici" package, which could not be loaded (${reason}); run it on Node 22 or later, or install undici`,
  );
}

interface Pending {
  method: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class DevToolsSession {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private closedReason: string | undefined;
  private readonly closedPromise: Promise<void>;

  private constructor(
    private readonly ws: WebSocketLike,
    readonly url: string,
  ) {
    let onClosed: () => void = () => {};
    this.closedPromise = new Promise((r) => (onClosed = r));
    ws.addEventListener('message', (ev) => this.onMessage(ev.data));
    ws.addEventListener('close', (ev) => {
      this.closedReason ??= `the inspector connection closed (code ${ev.code ?? '?'}): did the process exit?`;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new CaptureError('profiler', `${p.method}: ${this.closedReason}`));
        this.pending.delete(id);
      }
      onClosed();
    });
  }

  /** Opens a session; rejects with an 'attach' CaptureError when the socket does not open. */
  static async open(
    url: string,
    opts: { timeoutMs?: number; WebSocket?: WebSocketConstructor } = {},
  ): Promise<DevToolsSession> {
    const WS = opts.WebSocket ?? (await webSocketClass());
    const ws = new WS(url);
    const session = new DevToolsSession(ws, url);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.close();
        reject(
          new CaptureError(
            'attach',
            `the inspector at ${url} did not answer within ${opts.timeoutMs ?? 5000} ms`,
          ),
        );
      }, opts.timeoutMs ?? 5000);
      ws.addEventListener('open', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.addEventListener('error', () => {
        clearTimeout(timer);
        reject(
          new CaptureError(
            'attach',
            `cannot open the inspector's WebSocket ${url} (is another debugger attached to the process?)`,
          ),
        );
      });
    });
    return session;
  }

  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Sends a command; resolves with its result, rejects with a 'profiler' CaptureError. */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    timeoutMs = 30_000,
  ): Promise<T> {
    if (this.closedReason) {
      return Promise.reject(new CaptureError('profiler', `${method}: ${this.closedReason}`));
    }
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new CaptureError(
            'profiler',
            `${method}: no answer from the inspector within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let m: { id?: number; result?: unknown; error?: { message?: string } };
    try {
      m = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof m.id !== 'number') return; // an event
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error)
      p.reject(new CaptureError('profiler', `${p.method} failed: ${m.error.message ?? 'error'}`));
    else p.resolve(m.result ?? {});
  }

  /** Closes the socket (waits at most 2 s for the close to complete). */
  async close(): Promise<void> {
    if (this.closedReason) return;
    this.closedReason = 'the session was closed';
    try {
      this.ws.close(1000);
    } catch {
      /* already closing */
    }
    await Promise.race([this.closedPromise, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}

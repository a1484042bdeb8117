/** The open-loop load generator against real local servers on 127.0.0.1. */
import { afterEach, describe, expect, it } from 'vitest';
import { LoadGenerator, windowBetween } from '../src/capture/loadgen.js';
import { closedPort, startServer, type TestServer } from './helpers/capture.js';

const servers: TestServer[] = [];
const gens: LoadGenerator[] = [];
afterEach(async () => {
  for (const g of gens.splice(0)) await g.stop();
  for (const s of servers.splice(0)) await s.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function gen(...args: ConstructorParameters<typeof LoadGenerator>): LoadGenerator {
  const g = new LoadGenerator(...args);
  gens.push(g);
  return g;
}

describe('load generator', () => {
  it('offers the asked rate, counts completions, and follows the weighted mix', async () => {
    const paths = new Map<string, number>();
    const s = await server((req, res) => {
      paths.set(`${req.method} ${req.url}`, (paths.get(`${req.method} ${req.url}`) ?? 0) + 1);
      res.end('ok');
    });
    const g = gen({
      rate: 200,
      targets: [
        { method: 'GET', url: `${s.url}/checkout`, weight: 8 },
        { method: 'POST', url: `${s.url}/search`, weight: 2, body: '{"q":1}' },
      ],
    });
    g.start();
    await sleep(1000);
    const w = g.summary();
    await sleep(100); // let the last responses arrive
    const after = g.snapshot();
    // 200/s for ~1 s: the first arrival is at t=0, so 200-202 requests.
    expect(w.sent).toBeGreaterThanOrEqual(195);
    expect(w.sent).toBeLessThanOrEqual(206);
    expect(w.sentRate).toBeGreaterThan(190);
    expect(after.completed).toBe(after.sent - after.inFlight);
    expect(after.failed).toBe(0);
    expect(after.dropped).toBe(0);
    const get = paths.get('GET /checkout') ?? 0;
    const post = paths.get('POST /search') ?? 0;
    expect(get + post).toBe(s.hits());
    // Smooth weighted round-robin: exactly 8:2 per 10 arrivals (+-1 at the edge).
    expect(Math.abs(get - 4 * post)).toBeLessThanOrEqual(4);
    console.log(
      `[loadgen] asked 200 req/s: sent ${w.sentRate.toFixed(1)}/s, completed ${w.completedRate.toFixed(1)}/s, mean latency ${w.meanLatencyMs.toFixed(2)} ms`,
    );
  });

  it('is open-loop: a slow server does not reduce the offered rate', async () => {
    const s = await server((_req, res) => {
      setTimeout(() => res.end('slow'), 400);
    });
    const g = gen({ rate: 100, targets: [{ method: 'GET', url: `${s.url}/slow`, weight: 1 }] });
    g.start();
    const t0 = g.snapshot();
    await sleep(1000);
    // Read the answers already sent before counting: when this process stalls (a loaded machine),
    // the 1 s timer fires in the same turn as the server's 400 ms timers, whose answers are then
    // still unread (after a 200 ms stall: 61 "in flight" instead of 40).
    await new Promise((r) => setImmediate(r));
    const t1 = g.snapshot();
    const w = windowBetween(t0, t1);
    console.log(
      `[loadgen] open-loop, 0.4 s server: sent ${w.sentRate.toFixed(1)}/s, ${t1.inFlight} in flight, ${w.completed} completed`,
    );
    // Open loop: 100/s whatever the latency, so ~40 in flight (100/s x 0.4 s), a few more when
    // timers run late. A closed-loop client with c connections keeps at most c in flight and sends
    // c per 0.4 s: few connections fail the lower bounds (c = 4: 12 sent, 4 in flight); as many as
    // the in-flight cap (100 here) send 300/s and keep 100 in flight, failing the upper bounds,
    // which sit between the two (arrivals follow the clock, so the rate holds under load).
    expect(w.sent).toBeGreaterThanOrEqual(95);
    expect(w.sentRate).toBeLessThanOrEqual(105);
    expect(w.dropped).toBe(0);
    expect(t1.inFlight).toBeGreaterThanOrEqual(30);
    expect(t1.inFlight).toBeLessThanOrEqual(70);
    expect(w.completed).toBeLessThan(w.sent - 25);
  });

  it('drops (and counts) arrivals past the in-flight cap instead of queueing them', async () => {
    const held: import('node:http').ServerResponse[] = [];
    const s = await server((_req, res) => void held.push(res));
    const g = gen({
      rate: 100,
      maxInFlight: 10,
      targets: [{ method: 'GET', url: `${s.url}/hang`, weight: 1 }],
    });
    g.start();
    await sleep(1000);
    const w = g.summary();
    expect(w.sent).toBe(10);
    expect(w.dropped).toBeGreaterThanOrEqual(85);
    expect(w.sent + w.dropped).toBeGreaterThanOrEqual(95);
    expect(g.snapshot().inFlight).toBe(10);
    for (const r of held) r.end();
  });

  it('counts HTTP errors, refused connections and timeouts as failed, with reasons', async () => {
    const s500 = await server((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const g1 = gen({ rate: 50, targets: [{ method: 'GET', url: `${s500.url}/`, weight: 1 }] });
    g1.start();
    await sleep(400);
    await sleep(50);
    let c = g1.snapshot();
    expect(c.failed).toBeGreaterThanOrEqual(15);
    expect(c.completed).toBe(0);
    expect(g1.errors.get('HTTP 500')).toBe(c.failed);

    const port = await closedPort();
    const g2 = gen({
      rate: 50,
      targets: [{ method: 'GET', url: `http://127.0.0.1:${port}/`, weight: 1 }],
    });
    g2.start();
    await sleep(300);
    c = g2.snapshot();
    expect(c.failed).toBeGreaterThan(5);
    expect(g2.lastError).toBe('ECONNREFUSED');

    const hang = await server(() => {});
    const g3 = gen({
      rate: 20,
      requestTimeoutMs: 200,
      targets: [{ method: 'GET', url: `${hang.url}/`, weight: 1 }],
    });
    g3.start();
    await sleep(600);
    c = g3.snapshot();
    expect(g3.errors.get('timeout')).toBeGreaterThanOrEqual(3);
    expect(c.completed).toBe(0);
  });

  it('a keep-alive socket closed by the server under a request is resent once, not counted as failed', async () => {
    // The server drops a connection that was idle for more than 100 ms when the next request
    // arrives on it: the race of a server closing idle keep-alive sockets, made deterministic.
    const lastEnd = new WeakMap<object, number>();
    let dropped = 0;
    const s = await server((req, res) => {
      const sock = req.socket;
      const last = lastEnd.get(sock);
      if (last !== undefined && Date.now() - last > 100) {
        dropped++;
        sock.destroy();
        return;
      }
      res.end('ok', () => lastEnd.set(sock, Date.now()));
    });
    const g = gen({ rate: 5, targets: [{ method: 'GET', url: `${s.url}/`, weight: 1 }] });
    g.start();
    await sleep(1100);
    const c = g.snapshot();
    expect(dropped).toBeGreaterThanOrEqual(3);
    expect(c.resent).toBe(dropped);
    expect(c.failed).toBe(0);
    expect(c.completed).toBe(c.sent - c.inFlight);
  });

  it('stop() ends arrivals and abandons requests in flight without counting them', async () => {
    const s = await server(() => {});
    const g = gen({ rate: 100, targets: [{ method: 'GET', url: `${s.url}/`, weight: 1 }] });
    g.start();
    await sleep(200);
    await g.stop();
    const a = g.snapshot();
    await sleep(200);
    const b = g.snapshot();
    expect(b.sent).toBe(a.sent);
    expect(b.failed).toBe(0);
    expect(b.inFlight).toBe(0);
    expect(g.running).toBe(false);
  });

  it('pause() stops arrivals; resume() goes on at the rate without a burst, and rates leave the pause out', async () => {
    const s = await server((_req, res) => res.end('ok'));
    const g = gen({ rate: 200, targets: [{ method: 'GET', url: `${s.url}/`, weight: 1 }] });
    g.start();
    await sleep(500);
    g.pause();
    expect(g.running).toBe(false);
    const a = g.snapshot();
    await sleep(600);
    const b = g.snapshot();
    expect(b.sent).toBe(a.sent); // nothing sent while paused
    g.resume();
    const c = g.snapshot();
    // no burst: the ~120 arrivals missed while paused are neither sent nor due
    expect(c.sent - b.sent).toBeLessThanOrEqual(2);
    expect(c.due - c.sent).toBeLessThanOrEqual(2);
    await sleep(500);
    const d = g.snapshot();
    const w = windowBetween(c, d);
    expect(w.sentRate).toBeGreaterThan(170);
    expect(w.sentRate).toBeLessThan(230);
    expect(w.dropped).toBe(0);
    // the whole run: ~1 s of load in ~1.6 s; the rate over the running time only
    const sum = g.summary();
    expect(sum.sent).toBeGreaterThan(180);
    expect(sum.sent).toBeLessThan(230);
    expect(sum.sentRate).toBeGreaterThan(170);
  });

  it('rejects a bad rate or an empty mix', () => {
    expect(
      () =>
        new LoadGenerator({
          rate: 0,
          targets: [{ method: 'GET', url: 'http://127.0.0.1/', weight: 1 }],
        }),
    ).toThrow(/rate/);
    expect(() => new LoadGenerator({ rate: 5, targets: [] })).toThrow(/empty/);
    expect(
      () =>
        new LoadGenerator({ rate: 5, targets: [{ method: 'GET', url: 'ftp://x/', weight: 1 }] }),
    ).toThrow(/http/);
  });
});

/**
 * An open-loop load generator for bench/api.bench.ts: requests sent at a fixed rate, evenly
 * spaced, over at most `connections` keep-alive connections, each request's latency counted from
 * when it was due (so a request that waited for a free connection or a slow server counts its
 * wait: no coordinated omission). autocannon's own fixed rate (`overallRate`) sends each second's
 * quota of every connection at once, so at 200 req/s over 100 connections it measured the queue of
 * its own bursts (p50 85 ms, p97,5 382 ms where 10 connections at the same rate gave 12 / 76 ms).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** What one open-loop run measured; latencies in milliseconds. */
export interface OpenLoopResult {
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
}

/** The q-quantile (0..1) of sorted numbers, nearest rank. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Loads `url` with GETs at `rate` per second for `seconds` over `connections` connections. */
export async function openLoop(opts: {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections: number;
  /** A request unanswered after this many ms counts as a timeout (autocannon's default, 10 s). */
  timeoutMs?: number;
}): Promise<OpenLoopResult> {
  const { url, headers, rate, seconds, connections } = opts;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let timeouts = 0;
  let answered = 0;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    const settle = () => {
      answered++;
      if (answered === total) done();
    };
    const fire = (due: number) => {
      let over = false;
      const req = request(url, { agent, headers }, (res) => {
        res.resume(); // the body is read and dropped; its end is the answer's end
        res.on('end', () => {
          if (over) return;
          over = true;
          if (res.statusCode === 200) {
            latencies[ok++] = performance.now() - due;
          } else errors++;
          settle();
        });
      });
      req.setTimeout(timeoutMs, () => {
        if (over) return;
        over = true;
        timeouts++;
        req.destroy();
        settle();
      });
      req.on('error', () => {
        if (over) return;
        over = true;
        errors++;
        settle();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - t0) * rate) / 1000) + 1);
      for (; sent < due; sent++) fire(t0 + (sent * 1000) / rate);
      if (sent < total) setTimeout(tick, 1);
    };
    if (total === 0) done();
    else tick();
  });
  agent.destroy();
  const sorted = latencies.slice(0, ok).sort();
  return {
    rate,
    sent,
    ok,
    errors,
    timeouts,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: ok ? sorted[ok - 1]! : Number.NaN,
  };
}

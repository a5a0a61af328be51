// Open-loop load at a fixed rate, in its own process. Request i is due at start + i / rate and is
// sent as soon as the clock passes that time, whether or not earlier requests have answered; its
// latency runs from the time it was DUE, not from when a socket was free. So a server that stalls
// is charged for every request that queued behind the stall (no coordinated omission, unlike a
// closed loop such as autocannon). Options as JSON in argv[2]:
//   { url, headers, rate (req/s), duration (s), warmup (s), maxSockets, paths? }
// `paths` ([{ path, weight }]) mixes requests on `url`'s origin in a fixed weighted rotation.
// Prints one JSON line: { sent, ok, errors, statusCounts, achievedRate, latency: { p50, p90, p99, p999, max, mean } } (ms).
import http from 'node:http';

const {
  url,
  headers = {},
  rate,
  duration,
  warmup = 0,
  maxSockets = 256,
  paths,
} = JSON.parse(process.argv[2]);
const target = new URL(url);
// The rotation: each path repeated `weight` times, e.g. [get, get, get, search, secret].
const rotation = paths
  ? paths.flatMap(({ path, weight = 1 }) => Array.from({ length: weight }, () => path))
  : [target.pathname + target.search];
const agent = new http.Agent({ keepAlive: true, maxSockets });

function fire(i, onDone) {
  const req = http.request(
    { host: target.hostname, port: target.port, path: rotation[i % rotation.length], headers, agent },
    (res) => {
      res.on('data', () => {});
      res.on('end', () => onDone(res.statusCode));
    },
  );
  req.on('error', () => onDone(0));
  req.end();
}

/** Runs `seconds` of load at `rate`; resolves with the latencies (ms from due time) and statuses. */
function phase(seconds) {
  return new Promise((resolvePhase) => {
    const total = Math.round(rate * seconds);
    const latencies = new Float64Array(total);
    const statusCounts = {};
    let sent = 0;
    let done = 0;
    let errors = 0;
    const start = performance.now();
    const finish = () => {
      clearInterval(timer);
      resolvePhase({ latencies, statusCounts, errors, sent, elapsed: (performance.now() - start) / 1000 });
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const i = sent++;
        const due = start + (i * 1000) / rate;
        fire(i, (status) => {
          latencies[i] = performance.now() - due;
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if (status < 200 || status >= 300) errors += 1;
          if (++done === total) finish();
        });
      }
    };
    // 1 ms ticks; a late tick sends every request already due, each still timed from its due time.
    const timer = setInterval(tick, 1);
    tick();
  });
}

const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

if (warmup > 0) await phase(warmup);
const { latencies, statusCounts, errors, sent, elapsed } = await phase(duration);
const sorted = Float64Array.from(latencies).sort();
const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
const byPath = {};
if (paths) {
  for (const { path } of paths) {
    const mine = Float64Array.from(latencies.filter((_, i) => rotation[i % rotation.length] === path)).sort();
    byPath[path] = { count: mine.length, p50: pct(mine, 0.5), p99: pct(mine, 0.99), max: mine.at(-1) };
  }
}
process.stdout.write(
  `${JSON.stringify({
    sent,
    ok: sent - errors,
    errors,
    statusCounts,
    achievedRate: sent / elapsed,
    latency: {
      p50: pct(sorted, 0.5),
      p90: pct(sorted, 0.9),
      p99: pct(sorted, 0.99),
      p999: pct(sorted, 0.999),
      max: sorted.at(-1),
      mean,
    },
    byPath,
  })}\n`,
);
agent.destroy();

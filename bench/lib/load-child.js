// Runs one autocannon load in its own process, so the load generator does not share an event
// loop with the servers under test (they still share the machine's cores). Reads the options as
// JSON from argv[2] and prints the result as one JSON line on stdout.
import autocannon from 'autocannon';

// `paths` (optional): every request picks one of them at random on `url`'s origin, so concurrent
// requests read different rows, as real traffic does, rather than one row in lock step.
const { paths, ...options } = JSON.parse(process.argv[2]);
if (paths?.length) {
  const pick = () => paths[Math.floor(Math.random() * paths.length)];
  options.requests = [{ setupRequest: (request) => ({ ...request, path: pick() }) }];
}
const result = await autocannon({ ...options, renderProgressBar: false, renderResultsTable: false });
const { requests, latency, non2xx, errors, timeouts } = result;
const statusCounts = {};
for (const key of ['1xx', '2xx', '3xx', '4xx', '5xx']) statusCounts[key] = result[key];
process.stdout.write(
  `${JSON.stringify({
    reqPerSec: requests.average,
    total: requests.total,
    latency: {
      p50: latency.p50,
      p90: latency.p90,
      p99: latency.p99,
      max: latency.max,
      mean: latency.average,
    },
    non2xx,
    errors,
    timeouts,
    statusCounts,
  })}\n`,
);

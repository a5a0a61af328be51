// Preloaded (`node --import`) into an Assets process started only to record its SQL: every
// statement pg sends is appended to BENCH_SQL_CAPTURE as one JSON line { query, parameters }.
// The bench then replays the repository's own SELECT in the bare Fastify + pg baseline.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.BENCH_SQL_CAPTURE;
if (file) {
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const query = typeof config === 'string' ? config : config?.text;
    const parameters = Array.isArray(values) ? values : (config?.values ?? []);
    if (query) appendFileSync(file, `${JSON.stringify({ query, parameters })}\n`);
    return original.call(this, config, values, callback);
  };
}

// The bare baseline in its own process: Fastify + pg (pool of 10, as Assets) answering
// GET /assets/data/:uri with the repository's own SELECT, recorded from Assets (lib/sql-capture.js).
// No auth, no authz, no DTO. Options as JSON in argv[2]: { databaseUrl, sql, parameters, uri, port }.
// The recorded parameters are replayed with the recorded URI replaced by the request's. The
// statement is prepared (named), as Assets prepares its repeated statements: the bar is the best
// a bare server can do, not a server that makes PostgreSQL plan every call.
// Prints "listening <port>" once it accepts connections; exits on SIGTERM.
import Fastify from 'fastify';
import pg from 'pg';

const { databaseUrl, sql, parameters, uri, port = 0 } = JSON.parse(process.argv[2]);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
// The URI is a parameter of its own, or the one element of a list (a lookup that takes many URIs).
const uriAt = parameters.findIndex((p) => p === uri || (Array.isArray(p) && p.length === 1 && p[0] === uri));
if (uriAt < 0) throw new Error('the recorded parameters do not contain the URI');
const asList = Array.isArray(parameters[uriAt]);

const app = Fastify({ logger: false });
app.get('/assets/data/:uri', async (req, reply) => {
  const params = parameters.slice();
  params[uriAt] = asList ? [req.params.uri] : req.params.uri;
  const { rows } = await pool.query({ name: 'find_active', text: sql, values: params });
  if (!rows.length) return reply.code(404).send({ error: 'not found' });
  return rows[0];
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`listening ${app.server.address().port}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});

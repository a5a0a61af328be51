// Container HEALTHCHECK: exit 0 when the app's liveness endpoint answers 2xx. Uses Node's fetch, so the
// slim runtime image needs no curl. Health routes are served unprefixed (`/health/live`); the prefixed
// form is tried too so the probe survives a change of that choice. HEALTHCHECK_PATH overrides both.
const app = process.env.APP ?? 'assets';
const defaultPorts = { assets: 8002, governance: 8001 };
const port = process.env[`${app.toUpperCase()}_PORT`] ?? process.env.PORT ?? defaultPorts[app] ?? 8002;
const paths = process.env.HEALTHCHECK_PATH
  ? [process.env.HEALTHCHECK_PATH]
  : ['/health/live', `/${app}/health/live`];

for (const path of paths) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
    if (response.ok) process.exit(0);
  } catch {
    // Not listening yet or timed out: try the next path, then report unhealthy.
  }
}
process.exit(1);

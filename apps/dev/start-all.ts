// Source maps for our own code only: see own-source-maps.ts (it must run before the app loads).
import '../own-source-maps.js';

await import('reflect-metadata');
const { exitOnConfigError, loadConfig } = await import('@app/config');
const { exitGracefullyOnSignals, ShutdownConfig, shutdownTimingsOf } = await import('@app/core');
const { startGovernance } = await import('../governance/src/governance.bootstrap.js');
const { startAssets } = await import('../assets/src/assets.bootstrap.js');
const { releaseBootGarbage } = await import('../release-boot-garbage.js');

// `npm start`: both services in one process on embedded defaults (PGlite, embedded authz and
// secrets, dev identity provider). Governance first: Assets uses its authz endpoint, the very
// one Governance bound (not whatever listens on a configured port).
const timings = await Promise.resolve()
  .then(() => shutdownTimingsOf(loadConfig('shutdown', ShutdownConfig)))
  .catch(exitOnConfigError);
const governance = await startGovernance().catch(exitOnConfigError);
const assets = await startAssets(process.env, { embeddedOpenFgaUrl: governance.openFgaUrl }).catch(
  exitOnConfigError,
);
releaseBootGarbage();

const g = `http://localhost:${governance.infra.topology.GOVERNANCE_PORT}`;
const a = `http://localhost:${assets.infra.topology.ASSETS_PORT}`;
const metrics = (server: { port: number } | null) =>
  server ? `   metrics http://localhost:${server.port}/metrics` : '';
process.stdout.write(`
  Governance  ${g}/governance   docs ${g}/docs${metrics(governance.metricsServer)}
  Assets      ${a}/assets       docs ${a}/docs${metrics(assets.metricsServer)}
  Console     ${a}/console/     sign in as alice to acme once the org exists (below)

  Get started (dev mode):
    npm run cli -- org create acme --owner alice
    TOKEN=$(npm run -s token -- --sub alice --org acme)
    curl -s -X POST ${g}/governance/projects -H "Authorization: Bearer $TOKEN" \\
      -H 'content-type: application/json' -d '{"id":"analytics-prod","name":"Analytics"}'

`);

// Ctrl-C drains both: Assets' listener closes first, as its requests in flight may still call Governance.
exitGracefullyOnSignals(
  [
    { name: 'assets', app: assets.app, close: () => assets.close() },
    { name: 'governance', app: governance.app, close: () => governance.close() },
  ],
  timings,
);

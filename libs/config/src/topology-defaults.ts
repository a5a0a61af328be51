/**
 * The base of the deployment's topology, declared once: where the data lives and where each
 * service listens. Everything else that names a port, a URL or a directory derives from these.
 */
export const TOPOLOGY_BASE_DEFAULTS = {
  DATA_DIR: './.data',
  GOVERNANCE_PORT: 8001,
  GOVERNANCE_HOST: '0.0.0.0',
  ASSETS_PORT: 8002,
  ASSETS_HOST: '0.0.0.0',
  EMBEDDED_OPENFGA_PORT: 8081,
  METRICS_HOST: '0.0.0.0',
} as const;

/** A metrics port's distance from its app's port: 8001 → 9464 (Prometheus' exporter range). */
export const METRICS_PORT_OFFSET = 1463;

type Base = { [K in keyof typeof TOPOLOGY_BASE_DEFAULTS]: string };

/** A wildcard listen address is reached on loopback; any other host is dialled as given. */
export function dialHost(listenHost: string, wildcardAs = '127.0.0.1'): string {
  const host = listenHost.trim();
  if (host === '' || host === '0.0.0.0' || host === '::' || host === '[::]') return wildcardAs;
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `<dir>/<name>`, spelled as the operator spelled the directory (`./.data` gives `./.data/auth`). */
const under = (dir: string, name: string): string =>
  `${dir.length > 1 ? dir.replace(/\/+$/, '') : dir}/${name}`.replace(/^\/\//, '/');

/**
 * Variables whose default follows another one. An explicit value always wins; an unset (or
 * empty) one is computed from the variables it depends on, as they are set or defaulted.
 */
export const TOPOLOGY_DERIVED_DEFAULTS = {
  GOVERNANCE_URL: (b: Base) => `http://${dialHost(b.GOVERNANCE_HOST)}:${b.GOVERNANCE_PORT}`,
  AUTH_DEV_ISSUER_BASE: (b: Base) =>
    `http://${dialHost(b.GOVERNANCE_HOST, 'localhost')}:${b.GOVERNANCE_PORT}/governance/dev-idp`,
  AUTH_DATA_DIR: (b: Base) => under(b.DATA_DIR, 'auth'),
  // Where the web console (served by Assets) receives its OIDC code, on both loopback spellings.
  AUTH_DEV_CONSOLE_REDIRECT_URIS: (b: Base) =>
    ['localhost', '127.0.0.1'].map((host) => `http://${host}:${b.ASSETS_PORT}/console/callback`).join(','),
  // Each metrics port follows its app's port (9464 and 9465 for the defaults), so copies moved
  // side by side by their app ports never collide on a metrics listener.
  GOVERNANCE_METRICS_PORT: (b: Base) => String(Number(b.GOVERNANCE_PORT) + METRICS_PORT_OFFSET),
  ASSETS_METRICS_PORT: (b: Base) => String(Number(b.ASSETS_PORT) + METRICS_PORT_OFFSET),
  OBSTORE_LOCAL_PREFIX: (b: Base) => under(b.DATA_DIR, 'storage'),
} as const;

const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * The env with every derived topology variable filled in. Applied by `loadConfig` to every
 * namespace, so no config class can carry a default of its own for one of these.
 */
export function withTopologyDefaults(givenEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = withMetricsOff(givenEnv);
  const base = Object.fromEntries(
    Object.entries(TOPOLOGY_BASE_DEFAULTS).map(([key, fallback]) => [
      key,
      isSet(env[key]) ? env[key] : String(fallback),
    ]),
  ) as Base;
  const derived: Record<string, string> = {};
  for (const [key, derive] of Object.entries(TOPOLOGY_DERIVED_DEFAULTS)) {
    if (!isSet(env[key])) derived[key] = derive(base);
  }
  return Object.keys(derived).length ? { ...env, ...derived } : env;
}

const METRICS_PORTS = ['GOVERNANCE_METRICS_PORT', 'ASSETS_METRICS_PORT'] as const;

/** `<APP>_METRICS_PORT=off` reads as 0: no metrics listener. */
function withMetricsOff(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const off = METRICS_PORTS.filter((key) => env[key]?.trim().toLowerCase() === 'off');
  return off.length ? { ...env, ...Object.fromEntries(off.map((key) => [key, '0'])) } : env;
}

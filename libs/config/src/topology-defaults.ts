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
} as const;

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
  OBSTORE_LOCAL_PREFIX: (b: Base) => under(b.DATA_DIR, 'storage'),
} as const;

const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * The env with every derived topology variable filled in. Applied by `loadConfig` to every
 * namespace, so no config class can carry a default of its own for one of these.
 */
export function withTopologyDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
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

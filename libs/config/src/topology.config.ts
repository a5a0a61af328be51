import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { loadConfig } from './load-config.js';
import { dialHost, TOPOLOGY_BASE_DEFAULTS } from './topology-defaults.js';

const HTTP_URL = /^https?:\/\/[^\s]+$/;

/**
 * Where this deployment listens and keeps its files: the one config both apps, the dev
 * launcher and the CLIs read for ports, hosts, DATA_DIR and the URLs derived from them. Each
 * derived variable defaults from the variable it depends on (see TOPOLOGY_DERIVED_DEFAULTS);
 * an explicit value always wins.
 */
export class TopologyConfig {
  /** Dev-mode state: embedded databases, dev keys and secrets, local object storage. */
  @IsString() @MinLength(1, { message: 'DATA_DIR must not be empty' }) DATA_DIR: string =
    TOPOLOGY_BASE_DEFAULTS.DATA_DIR;
  @IsInt() @Min(1) @Max(65535) GOVERNANCE_PORT: number = TOPOLOGY_BASE_DEFAULTS.GOVERNANCE_PORT;
  @IsString() GOVERNANCE_HOST: string = TOPOLOGY_BASE_DEFAULTS.GOVERNANCE_HOST;
  @IsInt() @Min(1) @Max(65535) ASSETS_PORT: number = TOPOLOGY_BASE_DEFAULTS.ASSETS_PORT;
  @IsString() ASSETS_HOST: string = TOPOLOGY_BASE_DEFAULTS.ASSETS_HOST;
  /**
   * Dev mode with the embedded engine: Governance also serves the OpenFGA HTTP API on this
   * loopback port for Assets. 0 turns it off.
   */
  @IsInt() @Min(0) @Max(65535) EMBEDDED_OPENFGA_PORT: number = TOPOLOGY_BASE_DEFAULTS.EMBEDDED_OPENFGA_PORT;
  /**
   * Prometheus `/metrics` listeners, apart from the public ones. Default `<APP>_PORT + 1463`
   * (9464 and 9465); 0 or `off` turns one off. The initializers only type the value: the derived
   * default always fills it in.
   */
  @IsInt() @Min(0) @Max(65535) GOVERNANCE_METRICS_PORT: number = 0;
  @IsInt() @Min(0) @Max(65535) ASSETS_METRICS_PORT: number = 0;
  /** Where both metrics listeners bind. */
  @IsString() METRICS_HOST: string = TOPOLOGY_BASE_DEFAULTS.METRICS_HOST;
  /** Default `http://127.0.0.1:<GOVERNANCE_PORT>` (GOVERNANCE_HOST when it is not a wildcard). */
  @Matches(HTTP_URL, { message: 'GOVERNANCE_URL must be an http(s) URL' }) GOVERNANCE_URL: string;
  /** Default `http://localhost:<GOVERNANCE_PORT>/governance/dev-idp`. */
  @Matches(HTTP_URL, { message: 'AUTH_DEV_ISSUER_BASE must be an http(s) URL' }) AUTH_DEV_ISSUER_BASE: string;
  /** Default `<DATA_DIR>/auth`. */
  @IsString() @MinLength(1, { message: 'AUTH_DATA_DIR must not be empty' }) AUTH_DATA_DIR: string;
  /** Default `<DATA_DIR>/storage`. */
  @IsString()
  @MinLength(1, { message: 'OBSTORE_LOCAL_PREFIX must not be empty' })
  OBSTORE_LOCAL_PREFIX: string;

  /** Governance's dev OpenFGA endpoint as this topology places it; null when it is off. */
  get embeddedOpenFgaUrl(): string | null {
    return this.EMBEDDED_OPENFGA_PORT > 0 ? `http://127.0.0.1:${this.EMBEDDED_OPENFGA_PORT}` : null;
  }

  /** Where a client on this machine reaches Governance's own listener. */
  get governanceLocalUrl(): string {
    return `http://${dialHost(this.GOVERNANCE_HOST)}:${this.GOVERNANCE_PORT}`;
  }

  /** Every port this deployment listens on (for the egress policy's own-port rule). */
  get listeningPorts(): number[] {
    return [
      this.ASSETS_PORT,
      this.GOVERNANCE_PORT,
      this.EMBEDDED_OPENFGA_PORT,
      this.ASSETS_METRICS_PORT,
      this.GOVERNANCE_METRICS_PORT,
    ].filter((port) => port > 0);
  }
}

export function loadTopology(env: NodeJS.ProcessEnv = process.env): TopologyConfig {
  return loadConfig('topology', TopologyConfig, env);
}

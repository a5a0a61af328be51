import type tls from 'node:tls';
import { ConfigReader, HOST_PATTERN, IDENTIFIER_PATTERN } from '../../config-fields.js';
import { DriverError } from '../../driver-error.js';
import type { PinnedDestination } from '../../../egress/index.js';
import type { VerificationInput } from '../../verification.types.js';

export const POSTGRES_SSL_MODES = [
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
] as const;
export type PostgresSslMode = (typeof POSTGRES_SSL_MODES)[number];

export interface PostgresSettings {
  host: string;
  port: number;
  database: string;
  dbSchema: string;
  sslMode: PostgresSslMode;
  user: string;
  password: string;
  ca?: string;
  cert?: string;
  key?: string;
}

export interface PostgresFlavour {
  defaultPort: number;
  defaultSslMode: PostgresSslMode;
  credentialFields: readonly string[];
}

const CONFIG_FIELDS = ['auth_type', 'host', 'port', 'database', 'db_schema', 'ssl_mode', 'selected_tables'];

/** Reads only the structured fields the registry defines; never a URL or connection string. */
export function readPostgresSettings(input: VerificationInput, flavour: PostgresFlavour): PostgresSettings {
  if (input.auth_type !== 'basic') throw new DriverError('invalid_config', 'auth_type must be basic');
  const config = new ConfigReader(input.config, 'config').only(CONFIG_FIELDS);
  const creds = new ConfigReader(input.credentials, 'credentials').only(flavour.credentialFields);
  const settings: PostgresSettings = {
    host: config.required('host', { pattern: HOST_PATTERN, max: 255 }),
    port: config.port('port', flavour.defaultPort),
    database: config.required('database', { pattern: IDENTIFIER_PATTERN, max: 127 }),
    dbSchema: config.string('db_schema', { pattern: IDENTIFIER_PATTERN, max: 127 }) ?? 'public',
    sslMode: config.enumOf('ssl_mode', POSTGRES_SSL_MODES, flavour.defaultSslMode),
    // Always a non-empty string: pg falls back to PGPASSWORD and ~/.pgpass on an empty one.
    user: creds.required('username', { max: 255, pattern: /^[^\u0000-\u001f\u007f]+$/ }),
    password: creds.required('password', { max: 1024 }),
    ca: creds.pem('ca_cert'),
    cert: creds.pem('client_cert'),
    key: creds.pem('client_key'),
  };
  if (Boolean(settings.cert) !== Boolean(settings.key)) {
    throw new DriverError('invalid_config', 'client_cert and client_key must be given together');
  }
  return settings;
}

/**
 * TLS options per libpq ssl_mode. `servername` keeps the user's hostname for SNI and
 * verification while the socket goes to the pinned address.
 */
export function postgresTlsOptions(
  settings: PostgresSettings,
  dest: PinnedDestination,
): tls.ConnectionOptions | false {
  if (settings.sslMode === 'disable') return false;
  const base: tls.ConnectionOptions = {
    ...(isIpLiteral(dest.hostname) ? {} : { servername: dest.hostname }),
    ...(settings.ca ? { ca: settings.ca } : {}),
    ...(settings.cert ? { cert: settings.cert, key: settings.key } : {}),
  };
  switch (settings.sslMode) {
    case 'allow':
    case 'prefer':
      return { ...base, rejectUnauthorized: false };
    case 'require':
      // libpq: with a root certificate, require behaves like verify-ca.
      return settings.ca
        ? { ...base, rejectUnauthorized: true, checkServerIdentity: () => undefined }
        : { ...base, rejectUnauthorized: false };
    case 'verify-ca':
      return { ...base, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ...base, rejectUnauthorized: true };
    default: {
      const unreachable: never = settings.sslMode;
      return unreachable;
    }
  }
}

export function isIpLiteral(host: string): boolean {
  return /^[0-9.]+$/.test(host) || host.includes(':');
}

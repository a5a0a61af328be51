import type { JsonSchema } from './json-schema.validator.js';

/**
 * Building blocks for the per-type schemas. Every string has a length cap and, where the value ends
 * up in a network address, a pattern that rules out schemes, userinfo (`@`), paths and whitespace, so
 * no field can smuggle in a connection string or a URL with embedded credentials.
 */

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Hostname or IPv4 literal only: no scheme, no slash, no `@`, no port, no spaces. */
export const HOSTNAME_PATTERN = '^[A-Za-z0-9.-]{1,253}$';
const PORT_SUFFIX =
  '(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?';
const URL_HOST = '[A-Za-z0-9.-]{1,253}';
const LOOPBACK_HOST = '(?:localhost|127(?:\\.[0-9]{1,3}){3})';
/** Printable text without control characters (newlines in a username are never intended). */
const SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F]+$';
const NO_WHITESPACE = '^\\S+$';
/** One or more PEM blocks (a CA bundle may hold a chain). */
const PEM_PATTERN = '^\\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\\s\\S]+-----END [A-Z0-9 ]{1,64}-----\\s*$';
export const PEM_MAX_LENGTH = 16 * 1024;
export const SELECTED_TABLES_MAX = 10_000;

/** S3 bucket naming rules: 3–63 chars, lowercase/digits/dots/hyphens, alnum at both ends, not an IP. */
const S3_BUCKET_PATTERN =
  '^(?!\\d{1,3}(?:\\.\\d{1,3}){3}$)(?!xn--)(?!sthree-)(?!.*\\.\\.)(?!.*\\.-)(?!.*-\\.)(?!.*-s3alias$)(?!.*--ol-s3$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$';
/** GCS: 3–222 chars, dot-separated components of at most 63, no "goog" prefix or "google" inside. */
const GCS_BUCKET_PATTERN =
  '^(?!goog)(?!.*google)(?!.*g00gle)(?!\\d{1,3}(?:\\.\\d{1,3}){3}$)(?!.*\\.\\.)(?!.*[^.]{64})[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$';
/** Azure: storage accounts are 3–24 lowercase letters and digits. */
const AZURE_ACCOUNT_PATTERN = '^[a-z0-9]{3,24}$';
/** Azure containers: 3–63 lowercase letters, digits and single hyphens, alnum first and last. */
const AZURE_CONTAINER_PATTERN = '^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$';
/** GCP project ids, including legacy domain-scoped ones (`example.com:project`). */
const GCP_PROJECT_PATTERN = '^(?:[a-z][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$';
/** Object-key prefix: relative, no `..` segment, no whitespace; `=` allowed for Hive-style partitions. */
const PREFIX_PATTERN = "^(?!/)(?!(?:.*/)?\\.\\.(?:/|$))[A-Za-z0-9!_.*'()/=+-]{1,1024}$";

export function str(maxLength: number, extra: Record<string, unknown> = {}): JsonSchema {
  return { type: 'string', minLength: 1, maxLength, pattern: SINGLE_LINE, ...extra };
}

export function hostname(description: string): JsonSchema {
  return { type: 'string', minLength: 1, maxLength: 253, pattern: HOSTNAME_PATTERN, description };
}

export function port(defaultPort: number): JsonSchema {
  return {
    type: 'integer',
    minimum: 1,
    maximum: 65535,
    default: defaultPort,
    description: `TCP port (default ${defaultPort}).`,
  };
}

/** Database, schema, role or warehouse name: an identifier, never a path or URL. */
export function identifier(description: string, maxLength = 255): JsonSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength,
    pattern: '^[A-Za-z0-9_$-][A-Za-z0-9_$.-]*$',
    description,
  };
}

export function authType(methods: readonly string[]): JsonSchema {
  return {
    type: 'string',
    enum: [...methods],
    default: methods[0],
    description: `How to authenticate (default ${methods[0]}); selects the credentials schema.`,
  };
}

export const SELECTED_TABLES: JsonSchema = {
  type: 'array',
  maxItems: SELECTED_TABLES_MAX,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9_$.-]{1,255}$' },
  description: 'Limit discovery and access to these tables (`table` or `schema.table`); omit for all.',
};

export type EndpointScheme = 'https' | 'https-or-loopback-http' | 'http-or-https';

/**
 * Base URL of a service: scheme, host and optional port only (Azure allows one path segment for the
 * emulator's account). No userinfo, query or fragment, so credentials cannot ride along.
 */
export function endpoint(
  scheme: EndpointScheme,
  description: string,
  allowAccountSegment = false,
): JsonSchema {
  const path = allowAccountSegment ? '(?:/[A-Za-z0-9._-]{1,255})?' : '';
  const origin =
    scheme === 'https'
      ? `https://${URL_HOST}`
      : scheme === 'http-or-https'
        ? `https?://${URL_HOST}`
        : `(?:https://${URL_HOST}|http://${LOOPBACK_HOST})`;
  return {
    type: 'string',
    format: 'uri',
    maxLength: 512,
    pattern: `^${origin}${PORT_SUFFIX}${path}/?$`,
    description,
  };
}

export const S3_BUCKET: JsonSchema = {
  type: 'string',
  minLength: 3,
  maxLength: 63,
  pattern: S3_BUCKET_PATTERN,
  description: 'Bucket name (S3 naming rules: 3–63 lowercase letters, digits, dots and hyphens).',
};

export const GCS_BUCKET: JsonSchema = {
  type: 'string',
  minLength: 3,
  maxLength: 222,
  pattern: GCS_BUCKET_PATTERN,
  description: 'Bucket name (GCS naming rules).',
};

export const AZURE_ACCOUNT_NAME: JsonSchema = {
  type: 'string',
  minLength: 3,
  maxLength: 24,
  pattern: AZURE_ACCOUNT_PATTERN,
  description: 'Storage account name (3–24 lowercase letters and digits).',
};

export const AZURE_CONTAINER: JsonSchema = {
  type: 'string',
  minLength: 3,
  maxLength: 63,
  pattern: AZURE_CONTAINER_PATTERN,
  description: 'Blob container name.',
};

export const GCP_PROJECT_ID: JsonSchema = {
  type: 'string',
  minLength: 6,
  maxLength: 94,
  pattern: GCP_PROJECT_PATTERN,
  description: 'Google Cloud project id (not the project number or display name).',
};

export const REGION: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[a-z0-9-]{1,64}$',
  default: 'us-east-1',
  description: 'Region used for request signing (default us-east-1).',
};

export const OBJECT_PREFIX: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 1024,
  pattern: PREFIX_PATTERN,
  description: 'Only use keys under this prefix (relative, e.g. `raw/events/`).',
};

// ---- credentials -------------------------------------------------------------------------------

export const USERNAME: JsonSchema = str(255, { description: 'User name.' });

/** A secret a UI must mask and the API never returns. */
export function secret(maxLength: number, description: string, pattern?: string): JsonSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength,
    ...(pattern ? { pattern } : {}),
    writeOnly: true,
    format: 'password',
    description,
  };
}

export const PASSWORD: JsonSchema = secret(1024, 'Password.');

export function pem(description: string, isSecret: boolean): JsonSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength: PEM_MAX_LENGTH,
    pattern: PEM_PATTERN,
    ...(isSecret ? { writeOnly: true, format: 'password' } : {}),
    description,
  };
}

export const NO_WHITESPACE_PATTERN = NO_WHITESPACE;

/**
 * A Google service-account key file. The URI fields are pinned to Google's endpoints: a key file
 * pointing `token_uri` elsewhere would send signed assertions to a third party.
 */
export const SERVICE_ACCOUNT_JSON: JsonSchema = {
  type: 'object',
  writeOnly: true,
  description: 'The service account key file (JSON), pasted or uploaded as an object.',
  additionalProperties: false,
  required: ['type', 'project_id', 'private_key', 'client_email'],
  properties: {
    type: { type: 'string', const: 'service_account' },
    project_id: GCP_PROJECT_ID,
    private_key_id: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9<>_-]+$' },
    private_key: pem('PEM private key from the key file.', true),
    client_email: { type: 'string', format: 'email', maxLength: 255 },
    client_id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9<>_-]+$' },
    auth_uri: { type: 'string', const: 'https://accounts.google.com/o/oauth2/auth' },
    token_uri: { type: 'string', const: 'https://oauth2.googleapis.com/token' },
    auth_provider_x509_cert_url: { type: 'string', const: 'https://www.googleapis.com/oauth2/v1/certs' },
    client_x509_cert_url: {
      type: 'string',
      maxLength: 512,
      pattern: '^https://www\\.googleapis\\.com/robot/v1/metadata/x509/[A-Za-z0-9.%@_-]{1,255}$',
    },
    universe_domain: { type: 'string', const: 'googleapis.com' },
  },
};

export const FAKE_PEM_CERT = '-----BEGIN CERTIFICATE-----\n<base64 certificate>\n-----END CERTIFICATE-----\n';
export const FAKE_PEM_KEY = '-----BEGIN PRIVATE KEY-----\n<base64 private key>\n-----END PRIVATE KEY-----\n';

export const SERVICE_ACCOUNT_EXAMPLE = {
  type: 'service_account',
  project_id: 'my-analytics-project',
  private_key_id: '<private-key-id>',
  private_key: FAKE_PEM_KEY,
  client_email: 'reader@my-analytics-project.iam.gserviceaccount.com',
  client_id: '<client-id>',
  token_uri: 'https://oauth2.googleapis.com/token',
};

/** Wraps config properties into a closed object schema. */
export function objectSchema(
  title: string,
  required: readonly string[],
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title,
    type: 'object',
    additionalProperties: false,
    required: [...required],
    properties,
  };
}

// ---- SSH tunnel --------------------------------------------------------------------------------

export const SSH_AUTH_METHODS = ['managed_key', 'private_key', 'password'] as const;
export const SSH_FINGERPRINT_PATTERN = '^SHA256:[A-Za-z0-9+/]{43}$';
/** Fields of `ssh_tunnel` the server sets (a managed key's public half, a rotation's predecessor). */
export const SSH_TUNNEL_SERVER_FIELDS = [
  'public_key',
  'previous_public_key',
  'previous_key_expires_at',
] as const;

const AUTHORIZED_KEYS_LINE: JsonSchema = {
  type: 'string',
  maxLength: 2048,
  pattern: '^ssh-[a-z0-9-]+ [A-Za-z0-9+/=]+( [^\\u0000-\\u001F\\u007F]*)?$',
  readOnly: true,
};

/** `config.ssh_tunnel`: where the bastion is and how to trust it; nothing secret. */
export const SSH_TUNNEL_CONFIG: JsonSchema = {
  type: 'object',
  title: 'SSH tunnel',
  description:
    'Reach the database through an SSH bastion. The bastion resolves `host`; the database steps run over the forwarded connection.',
  additionalProperties: false,
  required: ['host', 'username'],
  properties: {
    host: hostname('Bastion hostname or IP address (no scheme, port or path).'),
    port: port(22),
    username: str(64, {
      pattern: '^[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}$',
      description: 'User on the bastion.',
    }),
    auth_method: {
      type: 'string',
      enum: [...SSH_AUTH_METHODS],
      default: 'managed_key',
      description:
        '`managed_key` (default): the platform generates an Ed25519 key for this connection, read its public half at GET …/ssh-public-key. `private_key`: yours, in `credentials.ssh_tunnel.private_key`. `password`: in `credentials.ssh_tunnel.password`.',
    },
    host_key_fingerprint: {
      type: 'string',
      maxLength: 50,
      pattern: SSH_FINGERPRINT_PATTERN,
      description:
        "The bastion's host key, as `ssh-keygen -lf` prints it (`SHA256:…`). Omit it and the first verification shows the key the bastion presents, to approve with POST …/ssh-host-key/approve.",
    },
    public_key: {
      ...AUTHORIZED_KEYS_LINE,
      description: "Set by the server (managed_key): the line for the bastion's authorized_keys.",
    },
    previous_public_key: {
      ...AUTHORIZED_KEYS_LINE,
      description:
        'Set by the server: the managed key a rotation replaced, still used until previous_key_expires_at.',
    },
    previous_key_expires_at: {
      type: 'string',
      maxLength: 40,
      pattern: '^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z$',
      readOnly: true,
      description: 'Set by the server: when the previous managed key stops being offered.',
    },
  },
};

/** `credentials.ssh_tunnel`: the private half, stored in Governance with the other credentials. */
export const SSH_TUNNEL_CREDENTIALS: JsonSchema = {
  type: 'object',
  title: 'SSH tunnel credentials',
  description: 'Only for ssh_tunnel.auth_method `private_key` or `password`; a managed key is never sent.',
  additionalProperties: false,
  properties: {
    private_key: {
      type: 'string',
      minLength: 1,
      maxLength: 16 * 1024,
      pattern: '^\\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\\s\\S]+-----END [A-Z0-9 ]{1,64}-----\\s*$',
      writeOnly: true,
      format: 'password',
      description: 'OpenSSH or PEM private key (auth_method private_key).',
    },
    passphrase: secret(1024, 'Passphrase of an encrypted private_key.'),
    password: secret(1024, 'Password on the bastion (auth_method password).'),
  },
};

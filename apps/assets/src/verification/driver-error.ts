import type { VerificationErrorCode, VerificationStepName } from './verification.types.js';

/** A driver's own verdict: a failure it has already classified (bad config, missing bucket…). */
export class DriverError extends Error {
  constructor(
    readonly code: VerificationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DriverError';
  }
}

export interface ClassifiedError {
  code: VerificationErrorCode;
  /** Short, fixed per code, plus a safe detail (an error code name); never driver prose. */
  message: string;
}

const FIXED_MESSAGES: Record<VerificationErrorCode, string> = {
  auth_failed: 'authentication failed: check the user name and password',
  unreachable: 'the server could not be reached',
  timeout: 'the server did not answer in time',
  tls_error: 'the TLS connection could not be established',
  permission_denied: 'the credential lacks a permission this check needs',
  not_found: 'the database, bucket or object does not exist',
  invalid_config: 'the connection configuration is invalid',
  egress_denied: 'this destination is not allowed by the egress policy',
  ssh_hostkey_unapproved: "the SSH bastion's host key is not approved yet",
  ssh_hostkey_mismatch: 'the SSH bastion presented a different host key than the approved one',
};

const PG_CODES: Record<string, VerificationErrorCode> = {
  '28P01': 'auth_failed',
  '28000': 'auth_failed',
  '3D000': 'not_found',
  '3F000': 'not_found',
  '42P01': 'not_found',
  '42501': 'permission_denied',
  '57014': 'timeout',
  '53300': 'unreachable',
  '57P03': 'unreachable',
};

const MYSQL_CODES: Record<string, VerificationErrorCode> = {
  ER_ACCESS_DENIED_ERROR: 'auth_failed',
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'auth_failed',
  ER_DBACCESS_DENIED_ERROR: 'permission_denied',
  ER_TABLEACCESS_DENIED_ERROR: 'permission_denied',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'permission_denied',
  ER_BAD_DB_ERROR: 'not_found',
  ER_NO_SUCH_TABLE: 'not_found',
  ER_CON_COUNT_ERROR: 'unreachable',
  ER_HOST_NOT_PRIVILEGED: 'permission_denied',
  HANDSHAKE_NO_SSL_SUPPORT: 'tls_error',
  PROTOCOL_SEQUENCE_TIMEOUT: 'timeout',
};

const S3_CODES: Record<string, VerificationErrorCode> = {
  InvalidAccessKeyId: 'auth_failed',
  SignatureDoesNotMatch: 'auth_failed',
  InvalidToken: 'auth_failed',
  ExpiredToken: 'auth_failed',
  TokenRefreshRequired: 'auth_failed',
  AccessDenied: 'permission_denied',
  AllAccessDisabled: 'permission_denied',
  Forbidden: 'permission_denied',
  NoSuchBucket: 'not_found',
  NotFound: 'not_found',
  PermanentRedirect: 'invalid_config',
  AuthorizationHeaderMalformed: 'invalid_config',
  InvalidBucketName: 'invalid_config',
  RequestTimeout: 'timeout',
  TimeoutError: 'timeout',
};

const NETWORK_CODES: Record<string, VerificationErrorCode> = {
  ECONNREFUSED: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EAI_FAIL: 'unreachable',
  ECONNRESET: 'unreachable',
  EPIPE: 'unreachable',
  PROTOCOL_CONNECTION_LOST: 'unreachable',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ABORT_ERR: 'timeout',
  EGRESS_DENIED: 'egress_denied',
  INVALID_DESTINATION: 'invalid_config',
};

const SAFE_DETAIL = /^[A-Za-z0-9_.-]{1,64}$/;

/** Where a failure at this step most likely comes from, when the error says nothing useful. */
const STEP_DEFAULTS: Record<VerificationStepName, VerificationErrorCode> = {
  resolve: 'unreachable',
  egress_policy: 'egress_denied',
  connect: 'unreachable',
  tls: 'tls_error',
  authenticate: 'auth_failed',
  discover: 'permission_denied',
  privileges: 'permission_denied',
  ssh_resolve: 'unreachable',
  ssh_egress_policy: 'egress_denied',
  ssh_connect: 'unreachable',
  ssh_host_key: 'ssh_hostkey_mismatch',
  ssh_authenticate: 'auth_failed',
  tunnel: 'unreachable',
};

function field(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function isTlsError(error: unknown): boolean {
  const code = field(error, 'code') ?? '';
  const message = field(error, 'message') ?? '';
  return (
    /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL_|HOSTNAME_MISMATCH)/.test(code) ||
    /does not support SSL|error establishing an SSL|Server does not support secure connection|SSL routines|certificate/i.test(
      message,
    )
  );
}

function isTimeout(error: unknown): boolean {
  const name = field(error, 'name') ?? '';
  const message = field(error, 'message') ?? '';
  return (
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    /timeout expired|timed out|Query read timeout/i.test(message)
  );
}

/**
 * Maps any error to one of the report's codes and a fixed message. Driver text is never
 * copied: it can echo connection parameters. Only an error's code name (e.g. `28P01`,
 * `ECONNREFUSED`, `NoSuchBucket`) is appended, and only when it looks like a code.
 */
export function classifyError(error: unknown, step: VerificationStepName): ClassifiedError {
  if (error instanceof DriverError) return { code: error.code, message: error.message };
  const redirect = redirectStatusOf(error);
  if (redirect !== undefined) {
    return {
      code: 'egress_denied',
      message: `the endpoint answered with a redirect (HTTP ${redirect}), which is never followed: use the final address as the endpoint`,
    };
  }
  const code = field(error, 'code');
  const name = field(error, 'name');
  const s3Code = field(error, 'Code') ?? name;
  let mapped: VerificationErrorCode | undefined;
  let detail: string | undefined;
  if (code && PG_CODES[code]) [mapped, detail] = [PG_CODES[code], `SQLSTATE ${code}`];
  else if (code && MYSQL_CODES[code]) [mapped, detail] = [MYSQL_CODES[code], code];
  else if (code && NETWORK_CODES[code]) [mapped, detail] = [NETWORK_CODES[code], code];
  else if (isTlsError(error)) [mapped, detail] = ['tls_error', code];
  else if (isTimeout(error)) mapped = 'timeout';
  else if (s3Code && S3_CODES[s3Code]) [mapped, detail] = [S3_CODES[s3Code], s3Code];
  else if (field(error, 'code') === 'ER_NOT_SUPPORTED_AUTH_MODE') mapped = 'auth_failed';
  if (!mapped) {
    const status = Number((error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode);
    if (status === 401) mapped = 'auth_failed';
    else if (status === 403) mapped = 'permission_denied';
    else if (status === 404) mapped = 'not_found';
  }
  const finalCode = mapped ?? STEP_DEFAULTS[step];
  const safeDetail = detail && SAFE_DETAIL.test(detail.replace('SQLSTATE ', '')) ? ` (${detail})` : '';
  return { code: finalCode, message: FIXED_MESSAGES[finalCode] + safeDetail };
}

/** The status of a refused redirect (pinned-connection's EREDIRECT_REFUSED), however an SDK wrapped it. */
function redirectStatusOf(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (field(current, 'code') === 'EREDIRECT_REFUSED') {
      const status = Number((current as { status?: unknown }).status);
      return Number.isInteger(status) ? status : 0;
    }
    const next = current as { cause?: unknown; originalError?: unknown; error?: unknown };
    current = next.cause ?? next.originalError ?? next.error;
  }
  return undefined;
}

export function fixedMessage(code: VerificationErrorCode): string {
  return FIXED_MESSAGES[code];
}

/** Identifiers and public certificates: scrubbing them would only mangle harmless text. */
const PUBLIC_CREDENTIAL_FIELDS = new Set(['username', 'access_key', 'ca_cert', 'client_cert']);

/** Every secret string inside the credentials (nested too): these must never leave the engine. */
export function collectSecrets(credentials: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const top = Object.entries(credentials ?? {}).filter(([key]) => !PUBLIC_CREDENTIAL_FIELDS.has(key));
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 3) out.push(value);
      // A JSON key file carries its own secrets; PEM bodies are matched line by line below.
      if (value.includes('\n'))
        for (const line of value.split('\n')) if (line.trim().length >= 8) out.push(line.trim());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  for (const [, value] of top) walk(value);
  return out;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every credential value, and its URL-encoded, form-encoded, base64 and base64url
 * forms, with `***`. The last line of defence: messages are fixed already.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
    const b64 = Buffer.from(secret, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const sorted = [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
  for (const form of sorted) out = out.replace(new RegExp(escapeRegExp(form), 'gi'), '***');
  return out;
}

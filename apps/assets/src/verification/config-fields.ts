import { DriverError } from './driver-error.js';

/**
 * Strict readers over the validated config: a second line of defence behind the request
 * validator. Each driver names every field it accepts; anything else, or anything of the wrong
 * shape, is `invalid_config`, so no field can smuggle a connection string, a file path or a
 * client option through.
 */
export class ConfigReader {
  constructor(
    private readonly source: Record<string, unknown>,
    private readonly what: 'config' | 'credentials',
  ) {}

  /** Rejects any field outside `allowed`. */
  only(allowed: readonly string[]): this {
    for (const key of Object.keys(this.source ?? {})) {
      if (!allowed.includes(key)) throw invalid(`${this.what} field "${key}" is not supported`);
    }
    return this;
  }

  string(key: string, opts: { required?: boolean; pattern?: RegExp; max?: number } = {}): string | undefined {
    const value = this.source?.[key];
    if (value === undefined || value === null) {
      if (opts.required) throw invalid(`${this.what} field "${key}" is required`);
      return undefined;
    }
    if (typeof value !== 'string' || value.length === 0 || value.length > (opts.max ?? 1024)) {
      throw invalid(`${this.what} field "${key}" must be a non-empty string`);
    }
    // Pattern failures never echo the value: it may be a secret.
    if (opts.pattern && !opts.pattern.test(value))
      throw invalid(`${this.what} field "${key}" has an invalid format`);
    return value;
  }

  required(key: string, opts: { pattern?: RegExp; max?: number } = {}): string {
    return this.string(key, { ...opts, required: true }) as string;
  }

  enumOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const value = this.source?.[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw invalid(`${this.what} field "${key}" must be one of ${values.join(', ')}`);
    }
    return value as T;
  }

  port(key: string, fallback: number): number {
    const value = this.source?.[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
      throw invalid(`${this.what} field "${key}" must be a port number`);
    }
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.source?.[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') throw invalid(`${this.what} field "${key}" must be a boolean`);
    return value;
  }

  /** A PEM block (certificate or key) given inline; never a path. */
  pem(key: string): string | undefined {
    return this.string(key, { pattern: PEM, max: 16 * 1024 });
  }
}

function invalid(message: string): DriverError {
  return new DriverError('invalid_config', message);
}

/** Host names and IP literals only: no scheme, port, path, query or userinfo. */
export const HOST_PATTERN = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.:-]{1,253})$/;
/** Database, schema and role identifiers as the registry allows them. */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9_$-][A-Za-z0-9_$.-]{0,254}$/;
export const PEM = /^\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\s\S]+-----END [A-Z0-9 ]{1,64}-----\s*$/;

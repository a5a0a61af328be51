import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

/** A JSON Schema (draft 2020-12) document, kept as plain data so it can be served as-is. */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

export type SchemaCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Enough to fill a form; a body with thousands of unknown keys must not produce thousands of errors. */
export const MAX_REPORTED_ERRORS = 50;

// ajv-formats is CommonJS: depending on the loader the default import is the plugin or its module.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

let ajv: Ajv2020 | undefined;

/**
 * One ajv instance for every connection schema, made on the first compile. `verbose` stays off so
 * errors never carry the submitted data, and `coerceTypes` stays off so `"5432"` is not silently a port.
 */
function schemaCompiler(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      useDefaults: true,
      coerceTypes: false,
      verbose: false,
      messages: true,
    });
    addFormats(ajv, ['uri', 'email', 'password']);
  }
  return ajv;
}

/** Keys are echoed so the caller can see which field is unknown, but never unbounded or unprintable. */
function displayKey(key: string): string {
  const printable = key.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
}

function pointerToPath(prefix: string, instancePath: string): string {
  if (instancePath === '') return prefix;
  let path = prefix;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : `.${displayKey(segment)}`;
  }
  return path;
}

/** Maps ajv errors to `{field, message}` pairs; messages describe the rule, never the value. */
export function toFieldErrors(
  prefix: string,
  errors: readonly ErrorObject[] | null | undefined,
): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors ?? []) {
    const base = pointerToPath(prefix, error.instancePath);
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      out.push({ field: `${base}.${displayKey(missing)}`, message: 'is required' });
    } else if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      out.push({ field: `${base}.${displayKey(extra)}`, message: 'is not an allowed field' });
    } else if (error.keyword === 'enum') {
      // The allowed values come from the schema, never from the request.
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      out.push({ field: base, message: `must be one of: ${allowed.map(String).join(', ')}` });
    } else {
      out.push({ field: base, message: error.message ?? 'is invalid' });
    }
  }
  return out;
}

export interface CompiledSchema {
  /** Validates a deep copy of `data` (defaults are applied to the copy) and returns it on success. */
  check(data: unknown, fieldPrefix: string): SchemaCheck<Record<string, unknown>>;
}

/**
 * Compiles on the first check, once: compiling every type's schemas at boot cost Assets 2 MiB of
 * idle heap and about 0.2 s of start, and most deployments use a few types. The specs compile
 * every schema (each type's example with each auth method), so a broken one fails there.
 */
export function compileSchema(schema: JsonSchema): CompiledSchema {
  let validate: ValidateFunction | undefined;
  return {
    check(data, fieldPrefix) {
      validate ??= schemaCompiler().compile(schema as Record<string, unknown>);
      const copy = structuredClone(data);
      if (validate(copy)) return { ok: true, value: copy as Record<string, unknown> };
      return { ok: false, errors: toFieldErrors(fieldPrefix, validate.errors).slice(0, MAX_REPORTED_ERRORS) };
    },
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

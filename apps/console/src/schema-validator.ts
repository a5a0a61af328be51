import {
  toErrorSchema,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

type Schema = Record<string, unknown>;

/**
 * A validator for react-jsonschema-form that never compiles code: Ajv generates functions with
 * `new Function`, which the console's CSP (script-src 'self', no 'unsafe-eval') forbids. It checks
 * what a form can get wrong (required, type, enum/const, lengths, patterns, ranges, items,
 * oneOf/anyOf/allOf); the API validates the full schema and its errors land on the same fields.
 */
export const schemaValidator: ValidatorType = {
  validateFormData(formData, schema, _custom, transformErrors?: ErrorTransformer): ValidationData<unknown> {
    let errors = check(schema as Schema, formData, schema as Schema, '');
    if (transformErrors) errors = transformErrors(errors);
    return { errors, errorSchema: toErrorSchema(errors) };
  },
  isValid(schema, formData, rootSchema) {
    return check(schema as Schema, formData, rootSchema as Schema, '').length === 0;
  },
  rawValidation(schema: RJSFSchema, formData?: unknown) {
    return { errors: check(schema as Schema, formData, schema as Schema, '') as never[] };
  },
};

function error(property: string, message: string, name: string): RJSFValidationError {
  return { name, property, message, stack: `${property || 'form'} ${message}`.trim() };
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema | undefined)?.[part];
  return { ...((node as Schema | undefined) ?? {}), ...schema, $ref: undefined };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(expected: unknown, value: unknown): boolean {
  if (expected === undefined) return true;
  const actual = typeOf(value);
  const types = Array.isArray(expected) ? expected : [expected];
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function check(raw: Schema, value: unknown, root: Schema, path: string): RJSFValidationError[] {
  const schema = resolve(raw, root);
  if (value === undefined) return [];
  const errors: RJSFValidationError[] = [];
  if (!matchesType(schema.type, value)) return [error(path, `must be ${String(schema.type)}`, 'type')];
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    errors.push(error(path, 'must be the allowed value', 'const'));
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))
  )
    errors.push(error(path, 'must be one of the listed values', 'enum'));
  if (typeof value === 'string') errors.push(...checkString(schema, value, path));
  if (typeof value === 'number') errors.push(...checkNumber(schema, value, path));
  if (Array.isArray(value)) errors.push(...checkArray(schema, value, root, path));
  if (typeOf(value) === 'object') errors.push(...checkObject(schema, value as Schema, root, path));
  for (const sub of (schema.allOf as Schema[] | undefined) ?? [])
    errors.push(...check(sub, value, root, path));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = schema[keyword] as Schema[] | undefined;
    if (options?.length && !options.some((option) => check(option, value, root, path).length === 0))
      errors.push(error(path, 'must match one of the allowed shapes', keyword));
  }
  return errors;
}

function checkString(schema: Schema, value: string, path: string): RJSFValidationError[] {
  const errors: RJSFValidationError[] = [];
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength)
    errors.push(error(path, `must be at least ${schema.minLength} characters`, 'minLength'));
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    errors.push(error(path, `must be at most ${schema.maxLength} characters`, 'maxLength'));
  if (typeof schema.pattern === 'string' && !patternOf(schema.pattern)?.test(value))
    errors.push(error(path, 'has an invalid format', 'pattern'));
  return errors;
}

const patterns = new Map<string, RegExp | null>();
function patternOf(source: string): RegExp | null {
  if (!patterns.has(source)) {
    let compiled: RegExp | null;
    try {
      compiled = new RegExp(source, 'u');
    } catch {
      compiled = null; // A pattern this browser cannot read is left to the API.
    }
    patterns.set(source, compiled);
  }
  return patterns.get(source) ?? ({ test: () => true } as unknown as RegExp);
}

function checkNumber(schema: Schema, value: number, path: string): RJSFValidationError[] {
  const errors: RJSFValidationError[] = [];
  if (typeof schema.minimum === 'number' && value < schema.minimum)
    errors.push(error(path, `must be ≥ ${schema.minimum}`, 'minimum'));
  if (typeof schema.maximum === 'number' && value > schema.maximum)
    errors.push(error(path, `must be ≤ ${schema.maximum}`, 'maximum'));
  return errors;
}

function checkArray(schema: Schema, value: unknown[], root: Schema, path: string): RJSFValidationError[] {
  const errors: RJSFValidationError[] = [];
  if (typeof schema.minItems === 'number' && value.length < schema.minItems)
    errors.push(error(path, `must have at least ${schema.minItems} items`, 'minItems'));
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
    errors.push(error(path, `must have at most ${schema.maxItems} items`, 'maxItems'));
  const items = schema.items as Schema | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items))
    value.forEach((item, index) => errors.push(...check(items, item, root, `${path}.${index}`)));
  return errors;
}

function checkObject(schema: Schema, value: Schema, root: Schema, path: string): RJSFValidationError[] {
  const errors: RJSFValidationError[] = [];
  for (const name of (schema.required as string[] | undefined) ?? [])
    if (value[name] === undefined || value[name] === '')
      errors.push(error(`${path}.${name}`, 'is required', 'required'));
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  for (const [name, property] of Object.entries(properties))
    errors.push(...check(property, value[name], root, `${path}.${name}`));
  return errors;
}

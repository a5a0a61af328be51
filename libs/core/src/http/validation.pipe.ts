import {
  type ArgumentMetadata,
  Injectable,
  type Type,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { AppException } from '../errors/app.exception.js';

/** The one shape of validation details: `details.fields`, one entry per problem. */
export interface FieldProblem {
  field: string;
  /** What is wrong, without the field's name or value (`must be an object`, `is required`). */
  message: string;
}

/** `details` naming one field: `{ fields: [{ field, message }] }`, the one shape of validation details. */
export function fieldProblem(field: string, message: string): { fields: FieldProblem[] } {
  return { fields: [{ field, message }] };
}

/** class-validator messages open with the property name; the field already says it. */
function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    // An absent field fails every type check; say what the caller has to fix.
    const own =
      constraints.length === 0
        ? []
        : e.value === undefined && !('whitelistValidation' in (e.constraints ?? {}))
          ? [{ field, message: 'is required' }]
          : constraints.map(([name, message]) => ({
              field,
              message:
                name === 'whitelistValidation' ? 'is not allowed' : withoutProperty(message, e.property),
            }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const ACCEPTED_WHEN = Symbol('acceptedWhen');

/**
 * A DTO's own check of input it takes as it is, without class-transformer and class-validator:
 * for a hot route's body, whose validation by decorators costs more than the work it asks for.
 * `check` must be at least as strict as the decorators (a spec holds it to them) and refuse any
 * field they do not declare. Input it does not pass still goes through the decorators, so every
 * refusal, and its details, is theirs. The handler then gets the plain input, not an instance.
 */
export function AcceptedWhen(check: (value: unknown) => boolean): ClassDecorator {
  return (target) => {
    Object.defineProperty(target, ACCEPTED_WHEN, { value: check });
  };
}

function acceptedWhenOf(metatype: Type | undefined): ((value: unknown) => boolean) | undefined {
  return metatype && Object.hasOwn(metatype, ACCEPTED_WHEN)
    ? (metatype as unknown as Record<symbol, (value: unknown) => boolean>)[ACCEPTED_WHEN]
    : undefined;
}

/**
 * Rejects unknown fields. A bad body is 422 VALIDATION_ERROR (well-formed but invalid);
 * bad query/path/header input is 400 INVALID_REQUEST. Messages name fields, never values.
 */
@Injectable()
export class EnvelopeValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // The value is read only to tell a missing field apart; messages never carry it.
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => flatten(errors),
    });
  }

  /**
   * What `{}` became for each DTO class that accepts it. Most queries arrive empty (`?version` on
   * the secret read), and class-transformer plus class-validator on them cost as much as the rest
   * of a cached read; an empty input always gives the same instance, so it is validated once.
   */
  private readonly fromEmpty = new WeakMap<Type, Record<string, unknown>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    if (acceptedWhenOf(metatype)?.(value)) return value;
    const empty = metatype !== undefined && isEmptyObject(value);
    const known = empty ? this.fromEmpty.get(metatype) : undefined;
    if (known) return Object.assign(new metatype!(), known);
    try {
      const result = await super.transform(value, metadata);
      if (empty && result !== value && result instanceof metatype && hasOnlyPrimitives(result))
        this.fromEmpty.set(metatype, { ...result });
      return result;
    } catch (problems) {
      if (!Array.isArray(problems)) throw problems;
      const details = { fields: problems as FieldProblem[] };
      if (metadata.type === 'body') throw AppException.validation('Request body failed validation', details);
      throw AppException.invalidRequest(`Invalid ${metadata.type} parameters`, details);
    }
  }
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/** Copied field by field, such an instance shares nothing with the one it was copied from. */
function hasOnlyPrimitives(instance: object): boolean {
  return Object.values(instance).every(
    (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  );
}

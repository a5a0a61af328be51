import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
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

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (problems) {
      if (!Array.isArray(problems)) throw problems;
      const details = { fields: problems as FieldProblem[] };
      if (metadata.type === 'body') throw AppException.validation('Request body failed validation', details);
      throw AppException.invalidRequest(`Invalid ${metadata.type} parameters`, details);
    }
  }
}

import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from '../errors/app.exception.js';

interface FieldProblem {
  field: string;
  errors: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
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
      validationError: { target: false, value: false },
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

import { AssetsApiError } from '@sdk';

/** One field the envelope blames: `database_config.host`, say. */
export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof AssetsApiError)) return [];
  const fields = (error.details as { fields?: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter(
      (f): f is { field: string; message?: string; messages?: string[] } => typeof f?.field === 'string',
    )
    .map((f) => ({ field: f.field, message: f.message ?? f.messages?.join('; ') ?? 'invalid' }));
}

export function messageOf(error: unknown): string {
  if (error instanceof AssetsApiError) return `${error.message.replace(/^.*? failed with /, '')}`;
  return error instanceof Error ? error.message : String(error);
}

/** The HTTP status of a failed API call (undefined for anything else). */
export function statusOf(error: unknown): number | undefined {
  return error instanceof AssetsApiError ? error.status : undefined;
}

/** The envelope's messages about one field, joined; undefined when it names none. */
export function fieldMessage(errors: FieldError[], field: string): string | undefined {
  const messages = errors.filter((f) => f.field === field).map((f) => f.message);
  return messages.length ? messages.join('; ') : undefined;
}

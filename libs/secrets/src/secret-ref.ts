import { AppException, fieldProblem } from '@app/core';
import type { SecretRef, SecretScope } from './secrets-backend.js';

export const SECRET_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
/** GCP Secret Manager's payload limit; applied to every backend so they behave alike. */
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;
export const MAX_DESCRIPTION_LENGTH = 1024;
const MAX_ID_LENGTH = 128;
const MAX_RESOURCE_URI_LENGTH = 1024;

/** A scope with nulls made explicit, so adapters never see `undefined`. */
export interface NormalizedScope {
  orgId: string;
  projectId: string | null;
  resourceUri: string | null;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++)
    if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return true;
  return false;
}

function assertId(value: unknown, field: string, max: number): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || hasControlCharacter(value)) {
    throw AppException.validation(
      `Invalid ${field}`,
      fieldProblem(field, `must be 1 to ${max} characters without control characters`),
    );
  }
}

export function normalizeScope(scope: SecretScope): NormalizedScope {
  assertId(scope.orgId, 'org_id', MAX_ID_LENGTH);
  if (scope.projectId !== null) assertId(scope.projectId, 'project_id', MAX_ID_LENGTH);
  const resourceUri = scope.resourceUri ?? null;
  if (resourceUri !== null) assertId(resourceUri, 'resource_uri', MAX_RESOURCE_URI_LENGTH);
  return { orgId: scope.orgId, projectId: scope.projectId, resourceUri };
}

export function normalizeRef(ref: SecretRef): NormalizedScope & { name: string } {
  const scope = normalizeScope(ref);
  if (typeof ref.name !== 'string' || !SECRET_NAME_PATTERN.test(ref.name)) {
    throw AppException.validation(
      'Invalid secret name: use 1-128 characters from [A-Za-z0-9_.-]',
      fieldProblem('name', 'must be 1 to 128 characters from [A-Za-z0-9_.-]'),
    );
  }
  return { ...scope, name: ref.name };
}

/** Checks size and type only; the message never echoes the value. */
export function assertSecretValue(value: unknown): asserts value is string {
  if (typeof value !== 'string')
    throw AppException.validation('Secret value must be a string', fieldProblem('value', 'must be a string'));
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_SECRET_VALUE_BYTES) {
    throw AppException.validation(
      'Secret value is too large',
      fieldProblem('value', `must be 1 to ${MAX_SECRET_VALUE_BYTES} bytes of UTF-8`),
    );
  }
}

/** '' and null both mean "no description"; undefined means "leave as is" (on update). */
export function normalizeDescription(description: string | null | undefined): string | null | undefined {
  if (description === undefined) return undefined;
  if (description === null || description === '') return null;
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH) {
    throw AppException.validation(
      `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
      fieldProblem('description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters`),
    );
  }
  return description;
}

/** Bound on one page of a resource-secret listing. */
export const MAX_RESOURCE_SECRET_PAGE = 500;

/** An opaque listing cursor: base64url of a JSON array of strings. */
export function encodeListCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The parts of a cursor made by encodeListCursor with `arity` parts; anything else is a 400 (a bad query). */
export function decodeListCursor(cursor: string | null | undefined, arity: number): string[] | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  let parts: unknown;
  try {
    if (typeof cursor !== 'string' || cursor.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(cursor))
      throw new Error('malformed');
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw AppException.invalidRequest(
      'Invalid cursor',
      fieldProblem('cursor', 'must be the next_cursor of a previous page'),
    );
  }
  if (!Array.isArray(parts) || parts.length !== arity || !parts.every((p) => typeof p === 'string')) {
    throw AppException.invalidRequest(
      'Invalid cursor',
      fieldProblem('cursor', 'must be the next_cursor of a previous page'),
    );
  }
  return parts as string[];
}

/** A page size within 1..MAX_RESOURCE_SECRET_PAGE. */
export function assertPageLimit(limit: unknown): number {
  if (
    typeof limit !== 'number' ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > MAX_RESOURCE_SECRET_PAGE
  ) {
    throw AppException.invalidRequest(
      `limit must be an integer in 1..${MAX_RESOURCE_SECRET_PAGE}`,
      fieldProblem('limit', `must be an integer in 1..${MAX_RESOURCE_SECRET_PAGE}`),
    );
  }
  return limit;
}

import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@app/core';
import { dataConnectionFromParam } from '@app/authz';

/** The `{resource_uri}` path parameter of every route under /assets/data/{resource_uri}. */
export const CONNECTION_URI_PARAM = {
  name: 'resource_uri',
  example: 'data:acme-corp:analytics-prod:customer-analytics-db',
  description: 'One path segment; raw colons and percent-encoded `%3A` both work',
};

/** The connection a route authorizes against: the one its path names. */
export const connectionInPath = dataConnectionFromParam('resource_uri');

/** An error status whose meaning on this route is more specific than ApiErrors' generic line. */
export const errorResponse = (status: number, description: string) =>
  ApiResponse({ status, type: ErrorEnvelopeDto, description });

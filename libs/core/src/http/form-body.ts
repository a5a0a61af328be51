import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/** Fastify route config key of the routes that take `application/x-www-form-urlencoded`. */
export const ACCEPTS_FORM_BODY = 'acceptsFormBody';

/**
 * Opts one route in to form bodies (an HTML form, an OAuth token request): every other route
 * answers 415 to them (see registerInputGuards). The body arrives as an object of strings, a
 * repeated field as an array of them.
 */
export const AcceptsFormBody = (): MethodDecorator => RouteConfig({ [ACCEPTS_FORM_BODY]: true });

export function acceptsFormBody(request: FastifyRequest): boolean {
  const config = request.routeOptions?.config as unknown as Record<string, unknown> | undefined;
  return config?.[ACCEPTS_FORM_BODY] === true;
}

/** Without a prototype, so no field name (`__proto__`, `constructor`) means anything. */
export function parseFormBody(text: string): Record<string, string | string[]> {
  const fields = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
}

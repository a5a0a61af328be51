import { SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { PROJECT_HEADER_POLICY_KEY, PROJECT_SLUG } from '../auth.constants.js';

/**
 * `required`: the route acts inside one project (the default for undecorated routes).
 * `optional`: without the header the route acts at org level (`projectId` null).
 * `none`: the header is ignored.
 */
export type ProjectHeaderPolicy = 'required' | 'optional' | 'none';

export const DEFAULT_PROJECT_HEADER_POLICY: ProjectHeaderPolicy = 'required';

function apiHeader(policy: 'required' | 'optional'): MethodDecorator {
  return ApiHeader({
    name: 'X-Project-ID',
    required: policy === 'required',
    description:
      policy === 'required'
        ? 'Project the request acts in; it must belong to the caller’s organization.'
        : 'Project the request acts in; omit to act at organization level.',
    schema: { type: 'string', pattern: PROJECT_SLUG.source },
  });
}

/**
 * Sets the X-Project-ID policy for a controller or handler and documents the header in
 * OpenAPI. On a controller the header is documented on each of its own handlers that has
 * no policy of its own (method decorators run first), because Swagger would otherwise
 * list a class-level header next to a handler's, with conflicting `required`.
 */
export function ProjectHeader(policy: ProjectHeaderPolicy): ClassDecorator & MethodDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      SetMetadata(PROJECT_HEADER_POLICY_KEY, policy)(target, key as string | symbol, descriptor);
      if (policy !== 'none') apiHeader(policy)(target, key as string | symbol, descriptor);
      return descriptor;
    }
    const controller = target as abstract new (...args: never[]) => unknown;
    SetMetadata(PROJECT_HEADER_POLICY_KEY, policy)(controller);
    if (policy === 'none') return;
    const proto = controller.prototype as object;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method = Object.getOwnPropertyDescriptor(proto, name);
      if (name === 'constructor' || typeof method?.value !== 'function') continue;
      if (Reflect.hasOwnMetadata(PROJECT_HEADER_POLICY_KEY, method.value)) continue;
      apiHeader(policy)(proto, name, method);
    }
  }) as ClassDecorator & MethodDecorator;
}

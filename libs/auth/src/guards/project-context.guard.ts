import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import {
  AppException,
  DependencyUnavailableError,
  fieldProblem,
  PROJECT_HEADER,
  RequestContext,
} from '@app/core';
import { PROJECT_HEADER_POLICY_KEY, PROJECT_SLUG } from '../auth.constants.js';
import {
  DEFAULT_PROJECT_HEADER_POLICY,
  type ProjectHeaderPolicy,
} from '../decorators/project-header.decorator.js';
import { ProjectDirectory } from '../project-directory.js';
import { isPublic } from './is-public.js';

/**
 * Global guard after JwtAuthGuard: validates X-Project-ID against the route's
 * @ProjectHeader policy (default `required`) and checks the project exists in the
 * token's org. Leaves the result on `request.projectId`.
 */
@Injectable()
export class ProjectContextGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly directory: ProjectDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = request.principal;
    // Fail closed if this guard ever ran without the JWT guard before it.
    if (!principal) throw AppException.invalidToken();

    const policy =
      this.reflector.getAllAndOverride<ProjectHeaderPolicy>(PROJECT_HEADER_POLICY_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_PROJECT_HEADER_POLICY;
    request.projectId = null;
    RequestContext.setProject(null);
    if (policy === 'none') return true;

    const raw = request.headers[PROJECT_HEADER];
    if (raw === undefined || raw === '') {
      if (policy === 'required')
        throw AppException.invalidRequest(
          'The X-Project-ID header is required',
          fieldProblem('X-Project-ID', 'is required'),
        );
      return true;
    }
    if (typeof raw !== 'string' || !PROJECT_SLUG.test(raw)) {
      throw AppException.invalidRequest(
        'The X-Project-ID header must be a project slug',
        fieldProblem('X-Project-ID', 'must be a project slug'),
      );
    }

    let exists: boolean;
    try {
      exists = await this.directory.exists(principal.orgId, raw, principal);
    } catch (err) {
      if (err instanceof AppException) throw err;
      throw new DependencyUnavailableError('Project directory', err);
    }
    if (!exists) throw AppException.notFound('Project');
    request.projectId = raw;
    RequestContext.setProject(raw);
    return true;
  }
}

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { auditedWriteSpecOf } from '@app/audit';
import { GrantsController } from './access/grants.controller.js';
import { ProjectsController } from './access/projects.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { InternalController } from './internal/internal.controller.js';
import { ProjectSecretsController } from './secrets/project-secrets.controller.js';
import { ResourceSecretsController } from './secrets/resource-secrets.controller.js';

const CONTROLLERS = [
  ProjectsController,
  GrantsController,
  AuditController,
  ProjectSecretsController,
  ResourceSecretsController,
  InternalController,
];

/** Write routes that commit their event through AuditedChanges without the decorator, and why. */
const AUDITED_BY_HAND: Record<string, string> = {
  'InternalController.recordEvent': 'the route is the audit write itself (AuditedChanges.record)',
  'InternalController.deleteResourceSecret':
    'a service cleanup event built from the resource URI (AuditedChanges.apply)',
};

function writeRoutes(): string[] {
  return CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .filter((name) => {
        const handler = (controller.prototype as unknown as Record<string, object>)[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        return (
          Reflect.getMetadata(PATH_METADATA, handler) !== undefined &&
          method !== undefined &&
          method !== RequestMethod.GET &&
          method !== RequestMethod.HEAD
        );
      })
      .map((name) => `${controller.name}.${name}`),
  );
}

describe('Governance write routes', () => {
  it('should commit every write with its audit event (@AuditedWrite), or say why not', () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const undeclared = routes.filter((route) => {
      const [controller, name] = route.split('.');
      const handler = (
        CONTROLLERS.find((c) => c.name === controller)!.prototype as unknown as Record<string, object>
      )[name];
      return !auditedWriteSpecOf(handler) && !(route in AUDITED_BY_HAND);
    });
    expect(undeclared).toEqual([]);
  });
});

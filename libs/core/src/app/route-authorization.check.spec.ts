import { Controller, Get, type INestApplication, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  AuthenticatedOnly,
  AuthorizedInService,
  Public,
  routeAuthorizationOf,
} from '../http/route-authorization.decorator.js';
import { configureHttpApp, createHttpAdapter } from './create-http-app.js';
import { assertEveryRouteDeclaresAuthorization, discoverRoutes } from './route-authorization.check.js';

@Public()
@Controller('open')
class OpenController {
  @Get()
  index(): string {
    return 'open';
  }

  @Post('narrowed')
  @AuthenticatedOnly('the handler narrows what its controller allows')
  narrowed(): string {
    return 'narrowed';
  }
}

@Controller('things')
class ThingsController {
  @Get()
  @AuthorizedInService('lists only what the caller can read')
  list(): string[] {
    return [];
  }

  @Post()
  create(): string {
    return 'created';
  }

  /** Not a route: no method decorator. */
  helper(): void {}
}

async function appWith(...controllers: Array<new () => unknown>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers }).compile();
  return moduleRef.createNestApplication(createHttpAdapter({}));
}

describe(discoverRoutes.name, () => {
  it('should list each route handler with the declaration that applies to it', async () => {
    const app = await appWith(OpenController, ThingsController);
    try {
      const routes = discoverRoutes(app).map(({ method, path, handler, authorization }) => ({
        method,
        path,
        handler,
        kind: authorization?.kind,
      }));
      expect(routes).toEqual(
        expect.arrayContaining([
          { method: 'GET', path: 'open', handler: 'OpenController.index', kind: 'public' },
          {
            method: 'POST',
            path: 'open/narrowed',
            handler: 'OpenController.narrowed',
            kind: 'authenticated',
          },
          { method: 'GET', path: 'things', handler: 'ThingsController.list', kind: 'service' },
          { method: 'POST', path: 'things', handler: 'ThingsController.create', kind: undefined },
        ]),
      );
      expect(routes).toHaveLength(4);
    } finally {
      await app.close();
    }
  });
});

describe(assertEveryRouteDeclaresAuthorization.name, () => {
  it('should name each route that declares no authorization', async () => {
    const app = await appWith(OpenController, ThingsController);
    try {
      expect(() => assertEveryRouteDeclaresAuthorization(app)).toThrow(
        /Routes without an authorization declaration: POST things \(ThingsController\.create\)\./,
      );
    } finally {
      await app.close();
    }
  });

  it('should accept an app whose routes all declare one', async () => {
    const app = await appWith(OpenController);
    try {
      expect(() => assertEveryRouteDeclaresAuthorization(app)).not.toThrow();
    } finally {
      await app.close();
    }
  });

  it('should keep an app with an undeclared route from being configured', async () => {
    const app = (await appWith(ThingsController)) as NestFastifyApplication;
    try {
      expect(() =>
        configureHttpApp(app, {
          service: 'test',
          prefix: 'test',
          title: 'Test',
          description: 'Test',
          server: { defaultHost: 'localhost', description: 'Test' },
        }),
      ).toThrow(/ThingsController\.create/);
    } finally {
      await app.close();
    }
  });
});

describe(routeAuthorizationOf.name, () => {
  it("should prefer the handler's declaration over its controller's", () => {
    const proto = OpenController.prototype;
    expect(routeAuthorizationOf(proto.narrowed, OpenController)).toEqual({
      kind: 'authenticated',
      reason: 'the handler narrows what its controller allows',
    });
    expect(routeAuthorizationOf(proto.index, OpenController)).toEqual({ kind: 'public' });
  });
});

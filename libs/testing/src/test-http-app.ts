import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { configureHttpApp, createHttpAdapter, type HttpAppOptions } from '@app/core';

/** A provider replaced for one test app: a fake clock, a fault-injecting sink, a fake endpoint. */
export interface ProviderOverride {
  provide: unknown;
  useValue: unknown;
}

/**
 * The app exactly as `createHttpApp` builds it, with providers replaced the Nest way
 * (`overrideProvider`), wherever in the module tree they are declared.
 */
export async function createTestHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
  overrides: readonly ProviderOverride[] = [],
): Promise<NestFastifyApplication> {
  let builder = Test.createTestingModule({ imports: [module] });
  for (const { provide, useValue } of overrides)
    builder = builder.overrideProvider(provide).useValue(useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(options), {
    bufferLogs: true,
  });
  return configureHttpApp(app, options);
}

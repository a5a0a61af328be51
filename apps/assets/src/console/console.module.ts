import { type DynamicModule, Module } from '@nestjs/common';
import { ConsoleServer } from './console-server.js';
import type { ConsoleSettings } from './console.settings.js';
import { CONSOLE_SETTINGS } from './console.tokens.js';

/** The tenant web console (apps/console, built to dist/console) at /console. */
@Module({})
export class ConsoleModule {
  static register(settings: ConsoleSettings): DynamicModule {
    return {
      module: ConsoleModule,
      providers: [{ provide: CONSOLE_SETTINGS, useValue: settings }, ConsoleServer],
    };
  }
}

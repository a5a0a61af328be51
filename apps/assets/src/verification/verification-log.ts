import { Injectable } from '@nestjs/common';
import { ServiceLogger } from '@app/core';
import type { VerificationLogger } from './verification.service.js';

/** One structured line per verification in the app's log: codes and timings, never messages or credentials. */
@Injectable()
export class VerificationLog implements VerificationLogger {
  constructor(private readonly pino: ServiceLogger) {
    pino.setContext('Verification');
  }

  log(message: string, context: Record<string, unknown> = {}): void {
    this.pino.info(context, message);
  }

  warn(message: string, context: Record<string, unknown> = {}): void {
    this.pino.warn(context, message);
  }
}

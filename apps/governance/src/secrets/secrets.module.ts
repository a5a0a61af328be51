import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ProjectSecretsController } from './project-secrets.controller.js';
import { ResourceSecretsController } from './resource-secrets.controller.js';
import { SecretsService } from './secrets.service.js';

/** The Secrets API over the configured backend; every read and write is audited. */
@Module({
  imports: [AuditModule],
  controllers: [ProjectSecretsController, ResourceSecretsController],
  providers: [SecretsService],
  exports: [SecretsService],
})
export class SecretsModule {}

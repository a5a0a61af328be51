import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { SecretsModule } from '../secrets/index.js';
import { InternalController } from './internal.controller.js';
import { ResourceSecretsInventoryController } from './resource-secrets-inventory.controller.js';
import { WebhookSecretsController } from './webhook-secrets.controller.js';

/** `/internal`: routes only trusted service accounts (Assets) may call. TRUSTED_SERVICES comes from the infrastructure module. */
@Module({
  imports: [AuditModule, SecretsModule],
  controllers: [InternalController, ResourceSecretsInventoryController, WebhookSecretsController],
})
export class InternalModule {}

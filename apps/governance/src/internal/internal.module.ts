import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { SecretsModule } from '../secrets/index.js';
import { InternalController } from './internal.controller.js';
import { ResourceSecretsInventoryController } from './resource-secrets-inventory.controller.js';
import { WebhookSecretsController } from './webhook-secrets.controller.js';
import { ForwardedSecretReadsController } from './forwarded-secret-reads.controller.js';
import { ForwardedSecretReads } from './forwarded-secret-reads.js';

/** `/internal`: routes only trusted service accounts (Assets) may call. TRUSTED_SERVICES comes from the infrastructure module. */
@Module({
  imports: [AuditModule, SecretsModule],
  controllers: [
    InternalController,
    ResourceSecretsInventoryController,
    WebhookSecretsController,
    ForwardedSecretReadsController,
  ],
  providers: [ForwardedSecretReads],
})
export class InternalModule {}

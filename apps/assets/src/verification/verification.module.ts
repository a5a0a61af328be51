import { Module } from '@nestjs/common';
import { VerificationLog } from './verification-log.js';
import { VERIFICATION_LOGGER, VerificationService } from './verification.service.js';

/**
 * Verification: probes a destination with a type's driver under the egress policy. Needs
 * VerificationConfig and EgressPolicy from the infrastructure module.
 */
@Module({
  providers: [VerificationService, { provide: VERIFICATION_LOGGER, useClass: VerificationLog }],
  exports: [VerificationService],
})
export class VerificationModule {}

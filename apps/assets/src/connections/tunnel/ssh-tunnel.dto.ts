import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { SSH_FINGERPRINT_PATTERN } from '../../verification/index.js';

/** Bounds of a managed key rotation's grace period: at least an hour, at most 30 days. */
export const SSH_KEY_GRACE_HOURS = { min: 1, max: 720, default: 24 } as const;

export class SshPublicKeyDto {
  @ApiProperty({ example: 'data:acme-corp:analytics-prod:customer-analytics-db' }) resource_uri: string;
  @ApiProperty({
    example:
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHv0m0Yf2r4e5bq2xW0kC9dD8Zk0n0uB2xJ8wK7cQyQv assets data:acme-corp:analytics-prod:customer-analytics-db',
    description: "The line to add to the tunnel user's `~/.ssh/authorized_keys` on the bastion",
  })
  public_key: string;
  @ApiProperty({ example: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' }) fingerprint: string;
  @ApiProperty({ example: 'ssh-ed25519', description: 'Key algorithm' }) key_type: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'The key the last rotation replaced: keep it in authorized_keys until `previous_key_expires_at`, when the platform stops offering it',
  })
  previous_public_key: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  previous_key_expires_at: string | null;
}

export class ApproveHostKeyDto {
  @ApiProperty({
    example: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
    description:
      "The bastion's host key fingerprint, as the verification report showed it (`details.ssh_host_key_fingerprint`) and as `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` prints it on the bastion",
  })
  @IsString()
  @Matches(new RegExp(SSH_FINGERPRINT_PATTERN), {
    message: 'fingerprint must look like SHA256: and 43 base64 characters',
  })
  fingerprint: string;
}

export class RotateSshKeyDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: SSH_KEY_GRACE_HOURS.min,
    maximum: SSH_KEY_GRACE_HOURS.max,
    default: SSH_KEY_GRACE_HOURS.default,
    description:
      'How long the replaced key is still offered to the bastion, while its authorized_keys is updated',
  })
  @IsOptional()
  @IsInt()
  @Min(SSH_KEY_GRACE_HOURS.min)
  @Max(SSH_KEY_GRACE_HOURS.max)
  grace_period_hours?: number;
}

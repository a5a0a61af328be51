import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { RequirePermission } from '@app/authz';
import { ConnectionDto } from '../dto/connection.dto.js';
import { VERIFIED_CONNECTION_EXAMPLE } from '../dto/connection.examples.js';
import { ApproveHostKeyDto, RotateSshKeyDto, SshPublicKeyDto } from './ssh-tunnel.dto.js';
import { SshTunnelService } from './ssh-tunnel.service.js';
import { CONNECTION_URI_PARAM, connectionInPath, errorResponse } from '../connection-route.docs.js';

const URI_PARAM = CONNECTION_URI_PARAM;
const connection = connectionInPath;
const error = errorResponse;
const UNAVAILABLE = error(
  503,
  'SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; nothing was changed',
);
const PUBLIC_KEY_EXAMPLE = {
  resource_uri: 'data:acme-corp:analytics-prod:customer-analytics-db',
  public_key:
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHv0m0Yf2r4e5bq2xW0kC9dD8Zk0n0uB2xJ8wK7cQyQv assets data:acme-corp:analytics-prod:customer-analytics-db',
  fingerprint: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
  key_type: 'ssh-ed25519',
  previous_public_key: null,
  previous_key_expires_at: null,
} satisfies SshPublicKeyDto;

@ApiTags('data connections')
@Controller('data')
export class SshTunnelController {
  constructor(private readonly tunnels: SshTunnelService) {}

  @Get(':resource_uri/ssh-public-key')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_read', connection, 'Data connection')
  @ApiOperation({
    operationId: 'getConnectionSshPublicKey',
    summary: "The platform-managed SSH key's public half, for the bastion's authorized_keys",
    description:
      'Only for `ssh_tunnel.auth_method: managed_key` (404 otherwise). The private half never leaves Governance except to `GET …/secret` callers.',
  })
  @ApiOkResponse({ type: SshPublicKeyDto, example: PUBLIC_KEY_EXAMPLE })
  @error(
    404,
    'RESOURCE_NOT_FOUND: no such connection visible to the caller, or it has no platform-managed key',
  )
  @UNAVAILABLE
  publicKey(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
  ): Promise<SshPublicKeyDto> {
    return this.tunnels.publicKey(principal, project, uri);
  }

  @Post(':resource_uri/ssh-host-key/approve')
  @HttpCode(200)
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_manage_secrets', connection, 'Data connection')
  @ApiOperation({
    operationId: 'approveConnectionSshHostKey',
    summary: "Pin the SSH bastion's host key",
    description:
      "Needs `can_manage_secrets`. Verifications stop at `ssh_host_key` until a fingerprint is pinned (`ssh_hostkey_unapproved`, with the key seen in `details.ssh_host_key_fingerprint`); afterwards any other key fails with `ssh_hostkey_mismatch` before a credential is sent. Check the fingerprint with the bastion's administrator before approving it. Audited as `data_connection.ssh_host_key.approve`.",
  })
  @ApiBody({
    type: ApproveHostKeyDto,
    examples: {
      approve: {
        summary: 'The fingerprint the first verification reported',
        value: { fingerprint: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
      },
    },
  })
  @ApiOkResponse({
    type: ConnectionDto,
    description: 'The connection with the pinned fingerprint',
    example: {
      ...VERIFIED_CONNECTION_EXAMPLE,
      database_config: {
        ...VERIFIED_CONNECTION_EXAMPLE.database_config,
        ssh_tunnel: {
          host: 'bastion.acme.example.com',
          port: 22,
          username: 'tunnel',
          auth_method: 'managed_key',
          host_key_fingerprint: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
          public_key: PUBLIC_KEY_EXAMPLE.public_key,
        },
      },
    },
  })
  @error(422, 'VALIDATION_ERROR: the fingerprint is not `SHA256:` and 43 base64 characters')
  @error(404, 'RESOURCE_NOT_FOUND: no such connection visible to the caller, or it has no SSH tunnel')
  @error(409, 'CONFLICT: another change of this connection came first; read it again and retry')
  @UNAVAILABLE
  approveHostKey(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Body() body: ApproveHostKeyDto,
  ): Promise<ConnectionDto> {
    return this.tunnels.approveHostKey(principal, project, uri, body.fingerprint);
  }

  @Post(':resource_uri/ssh-key/rotate')
  @HttpCode(200)
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_manage_secrets', connection, 'Data connection')
  @ApiOperation({
    operationId: 'rotateConnectionSshKey',
    summary: 'Replace the platform-managed SSH key; the old one keeps working for a grace period',
    description:
      'Needs `can_manage_secrets`. Generates a new Ed25519 key and stores it as a new credentials version. Until `previous_key_expires_at` the platform offers the new key first, then the old one: add the new line to authorized_keys, verify, then remove the old line. Audited as `data_connection.ssh_key.rotate`.',
  })
  @ApiBody({
    type: RotateSshKeyDto,
    required: false,
    examples: { day: { summary: 'Keep the old key working for a day', value: { grace_period_hours: 24 } } },
  })
  @ApiOkResponse({
    type: SshPublicKeyDto,
    example: {
      ...PUBLIC_KEY_EXAMPLE,
      previous_public_key:
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN3l5m8wQ0bq7c2h1dT9oJ6vW3x0yPz4rK5sU1aB2cD3 assets data:acme-corp:analytics-prod:customer-analytics-db',
      previous_key_expires_at: '2026-01-06T10:00:00.000Z',
    },
  })
  @error(422, 'VALIDATION_ERROR: grace_period_hours is not an integer between 1 and 720')
  @error(404, 'RESOURCE_NOT_FOUND: no such connection visible to the caller')
  @error(409, 'CONFLICT: the connection has no platform-managed key, or another change came first')
  @UNAVAILABLE
  rotateKey(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Body() body: RotateSshKeyDto,
  ): Promise<SshPublicKeyDto> {
    return this.tunnels.rotateKey(principal, project, uri, body?.grace_period_hours);
  }
}

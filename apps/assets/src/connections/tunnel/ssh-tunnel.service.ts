import { Injectable } from '@nestjs/common';
import { AppException, ErrorCode, type Principal, type TenantScope } from '@app/core';
import { AuditRecorder } from '../../governance/index.js';
import { fingerprintOfPublicLine, tunnelConfigOf, type SshTunnelConfig } from '../../verification/index.js';
import { ConnectionsService, toDto } from '../connections.service.js';
import type { ConnectionDto } from '../dto/connection.dto.js';
import { ConnectionSaga } from '../lifecycle/connection-saga.js';
import { ConnectionsRepository } from '../persistence/connections.repository.js';
import type { DataConnectionEntity } from '../persistence/data-connection.entity.js';
import { SSH_KEY_GRACE_HOURS, type SshPublicKeyDto } from './ssh-tunnel.dto.js';
import { isManaged, TunnelKeys } from './tunnel-keys.js';

/** A tunnel whose key the platform generated (and so can show and rotate). */
const managed = (tunnel: SshTunnelConfig | undefined): boolean =>
  isManaged(tunnel) && Boolean(tunnel.public_key);

/** The SSH tunnel routes: the managed key's public half, host-key approval, key rotation. */
@Injectable()
export class SshTunnelService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly repository: ConnectionsRepository,
    private readonly saga: ConnectionSaga,
    private readonly keys: TunnelKeys,
    private readonly audit: AuditRecorder,
  ) {}

  /** The guard checked can_read. */
  async publicKey(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
  ): Promise<SshPublicKeyDto> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    const tunnel = tunnelConfigOf(row.config);
    if (!managed(tunnel)) throw AppException.notFound('Platform-managed SSH key');
    return publicKeyDto(row.resourceUri, tunnel!);
  }

  /** The guard checked can_manage_secrets: trusting a bastion decides where credentials go. */
  async approveHostKey(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    fingerprint: string,
  ): Promise<ConnectionDto> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    const tunnel = tunnelConfigOf(row.config);
    if (!tunnel) throw AppException.notFound('SSH tunnel');
    const scope: TenantScope = { orgId: row.orgId, projectId: row.projectId };
    const config = { ...row.config, ssh_tunnel: { ...tunnel, host_key_fingerprint: fingerprint } };
    await this.repository.assertCurrent(scope, row);
    const updated = await this.audit.write(
      principal,
      {
        project_id: row.projectId,
        action: 'data_connection.ssh_host_key.approve',
        resource_type: 'data_connection',
        resource_id: row.resourceUri,
        details: { fingerprint, previous_fingerprint: tunnel.host_key_fingerprint ?? null },
      },
      () => this.repository.update(scope, row, { config }),
    );
    return toDto(updated);
  }

  /** The guard checked can_manage_secrets. The new key is stored as a new credentials version. */
  async rotateKey(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    graceHours: number = SSH_KEY_GRACE_HOURS.default,
  ): Promise<SshPublicKeyDto> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    const tunnel = tunnelConfigOf(row.config);
    if (!managed(tunnel)) {
      throw new AppException(
        ErrorCode.CONFLICT,
        'Only a platform-managed SSH key rotates here; for your own key or password send new credentials.ssh_tunnel with PATCH',
      );
    }
    const { config, secret } = await this.keys.rotate(principal, row, graceHours * 3600);
    const committed: DataConnectionEntity = await this.saga.replaceCredentials(
      principal,
      row,
      secret,
      { config },
      {
        project_id: row.projectId,
        action: 'data_connection.ssh_key.rotate',
        resource_type: 'data_connection',
        resource_id: row.resourceUri,
        details: {
          fingerprint: fingerprintOfPublicLine(tunnelConfigOf(config)!.public_key!) ?? null,
          previous_fingerprint: fingerprintOfPublicLine(tunnel!.public_key!) ?? null,
          grace_period_hours: graceHours,
        },
      },
    );
    return publicKeyDto(committed.resourceUri, tunnelConfigOf(committed.config)!);
  }
}

function publicKeyDto(resourceUri: string, tunnel: SshTunnelConfig): SshPublicKeyDto {
  const line = tunnel.public_key!;
  return {
    resource_uri: resourceUri,
    public_key: line,
    fingerprint: fingerprintOfPublicLine(line) ?? '',
    key_type: line.split(' ')[0],
    previous_public_key: tunnel.previous_public_key ?? null,
    previous_key_expires_at: tunnel.previous_key_expires_at ?? null,
  };
}

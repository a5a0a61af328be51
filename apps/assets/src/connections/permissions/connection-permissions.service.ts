import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import { AuthzClient, checkAll, dataConnectionObjectOf, parseDataResourceUri, userSubject } from '@app/authz';
import { ConnectionsService } from '../connections.service.js';
import { CHECKED_PERMISSIONS, type ConnectionPermissionsDto } from './connection-permissions.dto.js';

@Injectable()
export class ConnectionPermissionsService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly authz: AuthzClient,
  ) {}

  /** The guard checked can_read; the load checks the connection exists in the caller's scope. */
  async of(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
  ): Promise<ConnectionPermissionsDto> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    const user = userSubject(principal.userId);
    const object = dataConnectionObjectOf(parseDataResourceUri(row.resourceUri)!);
    const allowed = await checkAll(
      this.authz,
      CHECKED_PERMISSIONS.map((relation) => ({ user, relation, object })),
    );
    const permissions = Object.fromEntries(CHECKED_PERMISSIONS.map((p, i) => [p, allowed[i] === true]));
    return { resource_uri: row.resourceUri, can_read: true, ...permissions } as ConnectionPermissionsDto;
  }
}

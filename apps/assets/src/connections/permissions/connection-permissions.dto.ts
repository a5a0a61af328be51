import { ApiProperty } from '@nestjs/swagger';

/** What the caller may do with one connection, so that a client offers only what will work. */
export class ConnectionPermissionsDto {
  @ApiProperty({ example: 'data:acme-corp:analytics-prod:customer-analytics-db' })
  resource_uri!: string;
  @ApiProperty({ description: 'Read it (always true: a caller who may not gets 404)' })
  can_read!: boolean;
  @ApiProperty({ description: 'Update its settings (`PUT`/`PATCH`)' })
  can_write!: boolean;
  @ApiProperty({ description: 'Verify it and read its credentials (`…/verify`, `…/secret`)' })
  can_execute!: boolean;
  @ApiProperty({
    description: 'Rotate and roll back credentials, approve the SSH host key, rotate the SSH key',
  })
  can_manage_secrets!: boolean;
  @ApiProperty({ description: 'Delete it' })
  can_delete!: boolean;
}

/** The ones asked per request: can_read is the route's own guard, so always true here. */
export const CHECKED_PERMISSIONS = [
  'can_write',
  'can_execute',
  'can_manage_secrets',
  'can_delete',
] as const satisfies readonly (keyof ConnectionPermissionsDto)[];

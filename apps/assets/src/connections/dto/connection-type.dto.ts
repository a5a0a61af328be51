import { ApiProperty } from '@nestjs/swagger';
import {
  CONFIG_KEYS,
  CONNECTION_CATEGORIES,
  CONNECTION_TYPE_STATUSES,
  CONNECTION_TYPES,
  DISCOVERY_LEVELS,
  type AuthMethodView,
  type ConnectionTypeView,
  type ConnectionTypesDocument,
} from '../../connection-types/index.js';

// The wire shape of GET /assets/data/types (connection-types.view.ts builds it). The JSON Schemas
// are served as data (draft 2020-12), so the contract types them as free-form objects.
const FREE_FORM = { type: 'object', additionalProperties: true } as const;

export class AuthMethodDto implements AuthMethodView {
  @ApiProperty({ example: 'basic', description: 'The value of `auth_type` in the config' }) auth_type: string;
  @ApiProperty({ example: 'Username and password' }) display_name: string;
  @ApiProperty() description: string;
  @ApiProperty({ ...FREE_FORM, description: 'JSON Schema (2020-12) of `credentials` for this method' })
  credentials_schema: Record<string, unknown>;
  @ApiProperty({ ...FREE_FORM, description: 'Example `credentials` (placeholders, never real values)' })
  credentials_example: Record<string, unknown>;
}

export class ConnectionTypeDto implements ConnectionTypeView {
  @ApiProperty({ enum: CONNECTION_TYPES, example: 'postgres' }) type: (typeof CONNECTION_TYPES)[number];
  @ApiProperty({ example: 'PostgreSQL' }) display_name: string;
  @ApiProperty({ enum: CONNECTION_CATEGORIES }) category: (typeof CONNECTION_CATEGORIES)[number];
  @ApiProperty({
    enum: CONNECTION_TYPE_STATUSES,
    description:
      '`implemented`: verified against a real server in our tests; `preview`: settings and mapping tested only',
  })
  status: (typeof CONNECTION_TYPE_STATUSES)[number];
  @ApiProperty({
    example: 'Tested against PostgreSQL 15 (the real server).',
    description:
      'Why the type has its status, for clients to show: what an `implemented` type was tested against, what a `preview` type lacks',
  })
  status_reason: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CONFIG_KEYS, description: 'The body field that carries the settings' })
  config_key: (typeof CONFIG_KEYS)[number];
  @ApiProperty({ ...FREE_FORM, description: 'JSON Schema (2020-12) of the settings object' })
  config_schema: Record<string, unknown>;
  @ApiProperty({ ...FREE_FORM, description: 'Example settings' }) config_example: Record<string, unknown>;
  @ApiProperty({ example: 'basic', description: '`auth_type` when the config names none' })
  default_auth_type: string;
  @ApiProperty({ type: [AuthMethodDto] }) auth_methods: AuthMethodDto[];
  @ApiProperty({
    type: [String],
    description: 'Settings that decide where credentials are sent; changing one requires new credentials',
  })
  destination_fields: string[];
  @ApiProperty({ type: 'integer', nullable: true, example: 5432 }) default_port: number | null;
  @ApiProperty() supports_discovery: boolean;
  @ApiProperty({
    enum: DISCOVERY_LEVELS,
    description: '`tables`: schemas and tables; `server`: the server only; `prefixes`: key prefixes',
  })
  discovery_level: (typeof DISCOVERY_LEVELS)[number];
  @ApiProperty({
    description:
      'The config accepts `ssh_tunnel` (reach the database through an SSH bastion) and the credentials `ssh_tunnel`',
  })
  supports_ssh_tunnel: boolean;
}

export class ConnectionTypesDto implements ConnectionTypesDocument {
  @ApiProperty({ type: [ConnectionTypeDto] }) data: ConnectionTypeDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, PaginationDto } from '@app/core';

export const ORG_ROLES = ['owner', 'admin', 'member'] as const;
export const PROJECT_ROLES = ['owner', 'admin', 'developer', 'operator', 'viewer'] as const;
const ROLES = [...new Set([...ORG_ROLES, ...PROJECT_ROLES])];

/** `organization:<org_id>` or `project:<project_id>`, the object forms the grant API takes. */
const PUBLIC_OBJECT = /^(organization|project):[a-z0-9][a-z0-9-]{0,62}$/;
const OBJECT_MESSAGE = 'object must be organization:<org_id> or project:<project_id>';

export class GrantDto {
  @ApiProperty({
    example: 'user:8d2f4c1a-6b3e-4f7a-9c5d-2e1b0a9f8e7d',
    description: 'The subject: `user:<sub>` (the `sub` claim of the user’s token)',
  })
  @IsString()
  @MaxLength(300)
  @Matches(/^user:[^\s:#]{1,255}$/, { message: 'user must look like user:<id>' })
  user: string;

  @ApiProperty({
    example: 'developer',
    enum: ROLES,
    description: `Organization roles: ${ORG_ROLES.join(', ')}. Project roles: ${PROJECT_ROLES.join(', ')}.`,
  })
  @IsIn(ROLES, { message: `relation must be one of: ${ROLES.join(', ')}` })
  relation: string;

  @ApiProperty({
    example: 'project:analytics-prod',
    description: '`organization:<org_id>` (your org) or `project:<project_id>`',
    pattern: PUBLIC_OBJECT.source,
  })
  @IsString()
  @MaxLength(200)
  @Matches(PUBLIC_OBJECT, { message: OBJECT_MESSAGE })
  object: string;
}

export class GrantQueryDto extends PageQueryDto {
  @ApiProperty({ example: 'project:analytics-prod', pattern: PUBLIC_OBJECT.source })
  @IsString()
  @MaxLength(200)
  @Matches(PUBLIC_OBJECT, { message: OBJECT_MESSAGE })
  object: string;
}

export class GrantPageDto {
  @ApiProperty({ type: [GrantDto] }) data: GrantDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

/** OpenAPI examples. */
export const GRANT_EXAMPLE: GrantDto = {
  user: 'user:8d2f4c1a-6b3e-4f7a-9c5d-2e1b0a9f8e7d',
  relation: 'developer',
  object: 'project:analytics-prod',
};
export const ORG_GRANT_EXAMPLE: GrantDto = {
  user: 'user:8d2f4c1a-6b3e-4f7a-9c5d-2e1b0a9f8e7d',
  relation: 'admin',
  object: 'organization:acme-corp',
};

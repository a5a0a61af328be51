import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

export const ORG_ROLES = ['owner', 'admin', 'member'] as const;
export const PROJECT_ROLES = ['owner', 'admin', 'developer', 'operator', 'viewer'] as const;

export class GrantDto {
  @ApiProperty({ example: 'user:bob', description: 'The subject: `user:<sub>`' })
  @IsString()
  @MaxLength(300)
  @Matches(/^user:[^\s:#]{1,255}$/, { message: 'user must look like user:<id>' })
  user: string;

  @ApiProperty({ example: 'developer', enum: [...new Set([...ORG_ROLES, ...PROJECT_ROLES])] })
  @IsIn([...new Set([...ORG_ROLES, ...PROJECT_ROLES])])
  relation: string;

  @ApiProperty({
    example: 'project:analytics-prod',
    description: '`organization:<org_id>` (your org) or `project:<project_id>`',
  })
  @IsString()
  @MaxLength(200)
  object: string;
}

export class GrantQueryDto {
  @ApiProperty({ example: 'project:analytics-prod' })
  @IsString()
  @MaxLength(200)
  object: string;
}

export class GrantListDto {
  @ApiProperty({ type: [GrantDto] }) data: GrantDto[];
}

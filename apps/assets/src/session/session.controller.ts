import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedOnly, ErrorEnvelopeDto, type Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';

export class SessionDto {
  @ApiProperty({
    description: "The token's subject (a Keycloak service account: its `service-account-…` name)",
  })
  user_id: string;
  @ApiProperty({ description: "The token's org (a platform service account: its X-Org-Id)" }) org_id: string;
  @ApiProperty({ enum: ['user', 'service'] }) actor_type: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The validated X-Project-ID, or null at org scope',
  })
  project_id: string | null;
}

export const SESSION_EXAMPLE: SessionDto = {
  user_id: 'alice',
  org_id: 'acme-corp',
  actor_type: 'user',
  project_id: 'analytics-prod',
};

/** Who the service thinks you are: the quickest way to debug a token or a project header. */
@ApiTags('session')
@ApiBearerAuth()
@Controller('me')
export class SessionController {
  @Get()
  @ProjectHeader('optional')
  @AuthenticatedOnly("the caller's own identity and the project the project-context guard validated")
  @ApiOperation({
    operationId: 'getSession',
    summary: 'The caller as authenticated: user, org (from the token) and project (from X-Project-ID)',
  })
  @ApiOkResponse({ type: SessionDto, description: 'The caller', example: SESSION_EXAMPLE })
  @ApiErrors(400, 401)
  @ApiResponse({
    status: 404,
    type: ErrorEnvelopeDto,
    description: '`RESOURCE_NOT_FOUND`: the X-Project-ID project does not exist or the caller cannot read it',
  })
  @ApiResponse({
    status: 503,
    type: ErrorEnvelopeDto,
    description: '`SERVICE_UNAVAILABLE`: the identity provider or Governance (project lookup) is down',
  })
  me(@CurrentPrincipal() principal: Principal, @CurrentProject() projectId: string | null): SessionDto {
    return {
      user_id: principal.userId,
      org_id: principal.orgId,
      actor_type: principal.actorType,
      project_id: projectId,
    };
  }
}

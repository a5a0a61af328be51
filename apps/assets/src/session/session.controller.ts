import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AuthenticatedOnly, type Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';

export class SessionDto {
  @ApiProperty() user_id: string;
  @ApiProperty() org_id: string;
  @ApiProperty({ enum: ['user', 'service'] }) actor_type: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The validated X-Project-ID, or null at org scope',
  })
  project_id: string | null;
}

/** Who the service thinks you are: the quickest way to debug a token or a project header. */
@ApiTags('session')
@ApiBearerAuth()
@Controller('me')
export class SessionController {
  @Get()
  @ProjectHeader('optional')
  @AuthenticatedOnly("the caller's own identity and the project the project-context guard validated")
  @ApiOperation({
    summary: 'The caller as authenticated: user, org (from the token) and project (from X-Project-ID)',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 404)
  me(@CurrentPrincipal() principal: Principal, @CurrentProject() projectId: string | null): SessionDto {
    return {
      user_id: principal.userId,
      org_id: principal.orgId,
      actor_type: principal.actorType,
      project_id: projectId,
    };
  }
}

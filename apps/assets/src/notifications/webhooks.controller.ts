import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  AuthorizedInService,
  ErrorEnvelopeDto,
  NoStore,
  type Page,
  type Principal,
} from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import {
  CreateWebhookDto,
  ListWebhooksQuery,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookPageDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto.js';
import {
  CREATE_WEBHOOK_EXAMPLE,
  WEBHOOK_DELIVERY_PAGE_EXAMPLE,
  WEBHOOK_EXAMPLE,
  WEBHOOK_PAGE_EXAMPLE,
  WEBHOOK_WITH_SECRET_EXAMPLE,
} from './dto/webhook.examples.js';
import { WebhooksService } from './webhooks.service.js';

const error = (status: number, description: string) =>
  ApiResponse({ status, type: ErrorEnvelopeDto, description });

const ID_PARAM = { name: 'id', format: 'uuid', example: WEBHOOK_EXAMPLE.id };
const NOT_FOUND = error(
  404,
  'RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it',
);
const URL_REFUSED = error(
  422,
  'VALIDATION_ERROR: the url is not https (http is allowed outside production), carries credentials, or names a destination the egress policy denies; `details.fields` says which',
);
const UNAVAILABLE = error(
  503,
  'SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed)',
);
const MANAGE =
  '`admin` on the X-Project-ID project (org admins included), or org `admin` for an org webhook (no header)';
const READ = '`can_read` on the X-Project-ID project, or org `admin` for org webhooks (no header)';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(201)
  @NoStore()
  @ProjectHeader('optional')
  @AuthorizedInService(MANAGE)
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Subscribe a URL to data connection events; the signing secret is returned once',
    description: `Needs ${MANAGE}. With X-Project-ID the webhook receives that project's events; without it, every event of the org. The Standard Webhooks signing secret is kept in Governance and appears only in this answer.`,
  })
  @ApiBody({
    type: CreateWebhookDto,
    examples: { deleted: { summary: 'Connection deletions', value: CREATE_WEBHOOK_EXAMPLE } },
  })
  @ApiCreatedResponse({ type: WebhookWithSecretDto, example: WEBHOOK_WITH_SECRET_EXAMPLE })
  @ApiErrors(401, 403)
  @NOT_FOUND
  @URL_REFUSED
  @UNAVAILABLE
  create(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(principal, project, body);
  }

  @Get()
  @ProjectHeader('optional')
  @AuthorizedInService(READ)
  @ApiOperation({
    operationId: 'listWebhooks',
    summary: "The webhooks of the X-Project-ID project, or the org's own without the header",
  })
  @ApiOkResponse({ type: WebhookPageDto, example: WEBHOOK_PAGE_EXAMPLE })
  @error(400, 'INVALID_REQUEST: a bad paging parameter')
  @ApiErrors(401, 403)
  @NOT_FOUND
  @UNAVAILABLE
  list(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Query() query: ListWebhooksQuery,
  ): Promise<Page<WebhookDto>> {
    return this.webhooks.list(principal, project, query.page, query.limit);
  }

  @Get(':id')
  @ProjectHeader('optional')
  @ApiParam(ID_PARAM)
  @AuthorizedInService(READ)
  @ApiOperation({ operationId: 'getWebhook', summary: 'One webhook (never its signing secret)' })
  @ApiOkResponse({ type: WebhookDto, example: WEBHOOK_EXAMPLE })
  @ApiErrors(401, 403)
  @NOT_FOUND
  @UNAVAILABLE
  get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('id') id: string,
  ): Promise<WebhookDto> {
    return this.webhooks.get(principal, project, id);
  }

  @Patch(':id')
  @ProjectHeader('optional')
  @ApiParam(ID_PARAM)
  @AuthorizedInService(MANAGE)
  @ApiOperation({ operationId: 'updateWebhook', summary: 'Change the url, events, enabled or description' })
  @ApiBody({
    type: UpdateWebhookDto,
    examples: { disable: { summary: 'Pause deliveries', value: { enabled: false } } },
  })
  @ApiOkResponse({ type: WebhookDto, example: WEBHOOK_EXAMPLE })
  @ApiErrors(401, 403)
  @NOT_FOUND
  @URL_REFUSED
  @UNAVAILABLE
  update(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('id') id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(principal, project, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ProjectHeader('optional')
  @ApiParam(ID_PARAM)
  @AuthorizedInService(MANAGE)
  @ApiOperation({
    operationId: 'deleteWebhook',
    summary: 'Delete the webhook, its signing secret (in Governance) and its delivery log',
  })
  @ApiNoContentResponse({ description: 'Deleted; pending deliveries are dropped' })
  @ApiErrors(401, 403)
  @NOT_FOUND
  @UNAVAILABLE
  async remove(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('id') id: string,
  ): Promise<void> {
    await this.webhooks.delete(principal, project, id);
  }

  @Post(':id/secret/rotate')
  @HttpCode(200)
  @NoStore()
  @ProjectHeader('optional')
  @ApiParam(ID_PARAM)
  @AuthorizedInService(MANAGE)
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'Replace the signing secret; the new one is returned once and signs every later attempt',
  })
  @ApiOkResponse({ type: WebhookWithSecretDto, example: WEBHOOK_WITH_SECRET_EXAMPLE })
  @ApiErrors(401, 403)
  @NOT_FOUND
  @UNAVAILABLE
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('id') id: string,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(principal, project, id);
  }

  @Get(':id/deliveries')
  @ProjectHeader('optional')
  @ApiParam(ID_PARAM)
  @AuthorizedInService(READ)
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary:
      'The delivery log: deliveries newest first, each with every attempt (status, duration, error label)',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto, example: WEBHOOK_DELIVERY_PAGE_EXAMPLE })
  @error(400, 'INVALID_REQUEST: a bad paging parameter')
  @ApiErrors(401, 403)
  @NOT_FOUND
  @UNAVAILABLE
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('id') id: string,
    @Query() query: ListWebhooksQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.deliveriesOf(principal, project, id, query.page, query.limit);
  }
}

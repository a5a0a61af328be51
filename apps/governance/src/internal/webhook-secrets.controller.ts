import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ApiErrors, NoStore, type Principal, requestSignalOf, TrustedServiceOnly } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import type { AuditEventInput } from '@app/audit';
import type { SecretRef } from '@app/secrets';
import { AuditRecorder } from '../audit/index.js';
import { SecretsService } from '../secrets/index.js';
import { TrustedServiceGuard } from './trusted-service.guard.js';
import { secretInServiceOrg, serviceSecretEvent } from './service-secret-access.js';

/** A Standard Webhooks secret: `whsec_` + base64 of 24 to 32 bytes. */
const SIGNING_SECRET = /^whsec_[A-Za-z0-9+/]{32,44}={0,2}$/;
/** `webhook:<org>:<project or ''>:<subscription id>`: the resource a signing secret belongs to. */
const WEBHOOK_URI = /^webhook:([a-z0-9][a-z0-9-]{0,62}):((?:[a-z0-9][a-z0-9-]{0,62})?):([0-9a-f-]{36})$/;
const SECRET_NAME = 'signing-secret';

export class WebhookSigningSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', pattern: SIGNING_SECRET.source })
  @Matches(SIGNING_SECRET, { message: 'value must be whsec_ followed by the base64 of 24-32 bytes' })
  value: string;
}

const URI_PARAM = {
  name: 'webhook_uri',
  example: 'webhook:acme-corp:analytics-prod:8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f',
  description:
    "`webhook:<org>:<project, or empty for an org webhook>:<subscription id>`, in the caller's org",
};

/**
 * The signing secrets of Assets' webhook subscriptions, for platform services only: kept by the
 * secrets backend like resource secrets (under the webhook's own resource URI), each write, read
 * and delete audited. A user can never reach them; the subscription's owner sees the secret once,
 * in Assets' create answer.
 */
@ApiTags('internal')
@ApiBearerAuth()
@ProjectHeader('none')
@TrustedServiceOnly(TrustedServiceGuard)
@Controller('internal/webhook-secrets')
export class WebhookSecretsController {
  constructor(
    private readonly audit: AuditRecorder,
    private readonly secrets: SecretsService,
  ) {}

  @Put(':webhook_uri')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'putWebhookSigningSecret',
    summary: "Store or replace a webhook's signing secret (service accounts only; audited)",
  })
  @ApiParam(URI_PARAM)
  @ApiBody({
    type: WebhookSigningSecretDto,
    examples: {
      created: {
        summary: 'The secret of a new subscription',
        value: { value: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
      },
    },
  })
  @ApiNoContentResponse({ description: 'Stored' })
  @ApiErrors(404, 422, 503, 504)
  async put(
    @CurrentPrincipal() service: Principal,
    @Param('webhook_uri') uri: string,
    @Body() body: WebhookSigningSecretDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const ref = refOf(service, uri);
    await this.secrets.put(this.event(service, ref, 'write'), ref, body.value, null, {
      signal: requestSignalOf(request),
    });
  }

  @Get(':webhook_uri')
  @NoStore()
  @ApiOperation({
    operationId: 'getWebhookSigningSecret',
    summary:
      "A webhook's signing secret, to sign a delivery (service accounts only; released after its audit event)",
  })
  @ApiParam(URI_PARAM)
  @ApiOkResponse({
    schema: { type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
    example: { value: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  })
  @ApiErrors(404, 503, 504)
  async read(
    @CurrentPrincipal() service: Principal,
    @Param('webhook_uri') uri: string,
    @Req() request: FastifyRequest,
  ): Promise<{ value: string }> {
    const ref = refOf(service, uri);
    const found = await this.audit.read(this.event(service, ref, 'read'), () =>
      this.secrets.read(ref, { signal: requestSignalOf(request) }),
    );
    return { value: found.value };
  }

  @Delete(':webhook_uri')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteWebhookSigningSecret',
    summary: "Delete a webhook's signing secret (service accounts only; idempotent; audited)",
  })
  @ApiParam(URI_PARAM)
  @ApiNoContentResponse({ description: 'Deleted, or there was nothing to delete' })
  @ApiErrors(404, 503, 504)
  async remove(
    @CurrentPrincipal() service: Principal,
    @Param('webhook_uri') uri: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const ref = refOf(service, uri);
    await this.secrets.deleteIfPresent(this.event(service, ref, 'delete'), ref, {
      signal: requestSignalOf(request),
    });
  }

  private event(service: Principal, ref: SecretRef, verb: 'write' | 'read' | 'delete'): AuditEventInput {
    return serviceSecretEvent(service, ref, {
      action: `data_connection.webhook.secret.${verb}`,
      resource_type: 'webhook_subscription',
      resource_id: ref.resourceUri ?? null,
    });
  }
}

/** The signing secret of the webhook `uri`, only inside the service principal's org. */
function refOf(service: Principal, uri: string): SecretRef {
  const match = WEBHOOK_URI.exec(uri);
  return secretInServiceOrg(
    service,
    match && { orgId: match[1], projectId: match[2] || null, resourceUri: uri, name: SECRET_NAME },
  );
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppException, type Page, pageOf, type Principal, type TenantScope } from '@app/core';
import { assertPermission, AuthzClient, organizationObject, projectObject } from '@app/authz';
import { CLOCK, type Clock } from '../common/index.js';
import { EgressPolicy } from '../egress/index.js';
import { AuditRecorder } from '../governance/index.js';
import { VerificationConfig } from '../verification/index.js';
import {
  type CreateWebhookDto,
  type UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
  type WebhookWithSecretDto,
} from './dto/webhook.dto.js';
import { generateSigningSecret } from './delivery/webhook-signature.js';
import { WebhookDeliveriesRepository } from './persistence/webhook-deliveries.repository.js';
import type { WebhookSubscriptionEntity } from './persistence/webhook.entities.js';
import {
  type SubscriptionChanges,
  WebhookSubscriptionsRepository,
} from './persistence/webhook-subscriptions.repository.js';
import { checkWebhookUrl } from './webhook-url.js';
import { WebhookSecretsStore } from './webhook-secrets.store.js';

/**
 * Who may do what: managing a project's webhooks takes `admin` on the project (an org admin is one),
 * reading them `can_read`; an org webhook receives every project's events, so both take org `admin`.
 */
const MANAGE = 'admin';
const READ_PROJECT = 'can_read';

/** Webhook subscriptions of the X-Project-ID project, or of the org without the header. */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly secrets: WebhookSecretsStore,
    private readonly authz: AuthzClient,
    private readonly audit: AuditRecorder,
    private readonly egress: EgressPolicy,
    private readonly verification: VerificationConfig,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  async create(
    principal: Principal,
    projectId: string | null,
    body: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    const scope = await this.authorize(principal, projectId, 'manage');
    const url = this.checkUrl(body.url);
    const now = new Date(this.now());
    const row: WebhookSubscriptionEntity = {
      id: randomUUID(),
      orgId: scope.orgId,
      projectId: scope.projectId,
      scopeKey: scope.projectId ?? '',
      url,
      events: [...new Set(body.events)],
      enabled: body.enabled ?? true,
      description: body.description ?? null,
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
      secretRotatedAt: now,
    };
    const secret = generateSigningSecret();
    // The secret first: a subscription never exists without one. If the row cannot be stored
    // after that, the secret is removed again (it names a subscription id nobody else has).
    await this.secrets.put(row, secret);
    try {
      await this.audit.write(
        principal,
        this.draft(row, 'create', { host: new URL(url).host, events: row.events }),
        () => this.subscriptions.insert(scope, row),
      );
    } catch (error) {
      await this.secrets
        .delete(row)
        .catch(() =>
          this.logger.warn({ webhook: row.id }, 'Signing secret of a failed create left in Governance'),
        );
      throw error;
    }
    return { ...WebhookDto.from(row), signing_secret: secret };
  }

  async list(
    principal: Principal,
    projectId: string | null,
    page: number,
    limit: number,
  ): Promise<Page<WebhookDto>> {
    const scope = await this.authorize(principal, projectId, 'read');
    const [rows, total] = await this.subscriptions.list(scope, page, limit);
    return pageOf(rows.map(WebhookDto.from), total, page, limit);
  }

  async get(principal: Principal, projectId: string | null, id: string): Promise<WebhookDto> {
    const scope = await this.authorize(principal, projectId, 'read');
    return WebhookDto.from(await this.load(scope, id));
  }

  async update(
    principal: Principal,
    projectId: string | null,
    id: string,
    body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    const scope = await this.authorize(principal, projectId, 'manage');
    const current = await this.load(scope, id);
    const changes: SubscriptionChanges = {};
    if (body.url !== undefined) changes.url = this.checkUrl(body.url);
    if (body.events !== undefined) changes.events = [...new Set(body.events)];
    if (body.enabled !== undefined) changes.enabled = body.enabled;
    if (body.description !== undefined) changes.description = body.description;
    const updated = await this.audit.write(
      principal,
      this.draft(current, 'update', { fields: Object.keys(changes) }),
      () => this.subscriptions.update(scope, id, changes, new Date(this.now())),
    );
    if (!updated) throw AppException.notFound('Webhook');
    return WebhookDto.from(updated);
  }

  /** The secret goes first (idempotent): a row left after a failure is deleted again by a retry. */
  async delete(principal: Principal, projectId: string | null, id: string): Promise<void> {
    const scope = await this.authorize(principal, projectId, 'manage');
    const row = await this.load(scope, id);
    await this.audit.write(principal, this.draft(row, 'delete'), async () => {
      await this.secrets.delete(row);
      await this.subscriptions.delete(scope, id);
    });
  }

  /** A new signing secret, returned once; deliveries from now on are signed with it. */
  async rotateSecret(
    principal: Principal,
    projectId: string | null,
    id: string,
  ): Promise<WebhookWithSecretDto> {
    const scope = await this.authorize(principal, projectId, 'manage');
    const row = await this.load(scope, id);
    const secret = generateSigningSecret();
    const updated = await this.audit.write(principal, this.draft(row, 'secret.rotate'), async () => {
      await this.secrets.put(row, secret);
      return this.subscriptions.markSecretRotated(scope, id, new Date(this.now()));
    });
    if (!updated) throw AppException.notFound('Webhook');
    return { ...WebhookDto.from(updated), signing_secret: secret };
  }

  async deliveriesOf(
    principal: Principal,
    projectId: string | null,
    id: string,
    page: number,
    limit: number,
  ): Promise<Page<WebhookDeliveryDto>> {
    const scope = await this.authorize(principal, projectId, 'read');
    await this.load(scope, id);
    const [items, total] = await this.deliveries.listForSubscription(scope, id, page, limit);
    return pageOf(items.map(WebhookDeliveryDto.from), total, page, limit);
  }

  private async authorize(
    principal: Principal,
    projectId: string | null,
    need: 'manage' | 'read',
  ): Promise<TenantScope> {
    if (projectId)
      await assertPermission(
        this.authz,
        principal,
        need === 'manage' ? MANAGE : READ_PROJECT,
        projectObject(principal.orgId, projectId),
        'Project',
      );
    else
      await assertPermission(
        this.authz,
        principal,
        MANAGE,
        organizationObject(principal.orgId),
        'Organization',
      );
    return { orgId: principal.orgId, projectId };
  }

  private async load(scope: TenantScope, id: string): Promise<WebhookSubscriptionEntity> {
    const row = UUID.test(id) ? await this.subscriptions.find(scope, id) : null;
    if (!row) throw AppException.notFound('Webhook');
    return row;
  }

  private checkUrl(raw: string): string {
    const checked = checkWebhookUrl(raw, this.verification.production, this.egress);
    if (checked.ok) return checked.url;
    throw AppException.validation(`url ${checked.message}`, {
      fields: [{ field: 'url', message: checked.message }],
    });
  }

  private draft(row: WebhookSubscriptionEntity, verb: string, details?: Record<string, unknown>) {
    return {
      project_id: row.projectId,
      action: `data_connection.webhook.${verb}`,
      resource_type: 'webhook_subscription',
      resource_id: row.id,
      ...(details ? { details } : {}),
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

import { Module } from '@nestjs/common';
import { CLOCK } from '../common/index.js';
import { GovernanceGatewayModule } from '../governance/index.js';
import { ConnectionEvents } from './connection-events.service.js';
import { WEBHOOK_DELIVERY_OPTIONS, WebhookDeliveryWorker } from './delivery/webhook-delivery.worker.js';
import { WebhookSender } from './delivery/webhook-sender.js';
import { WebhookDeliveriesRepository } from './persistence/webhook-deliveries.repository.js';
import { WebhookSubscriptionsRepository } from './persistence/webhook-subscriptions.repository.js';
import { WebhookSecretsStore } from './webhook-secrets.store.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** How often the delivery worker looks for due deliveries (tests override it with 0 and drive runOnce). */
const DELIVERY_INTERVAL_MS = 5_000;

/** Webhook notifications of data connection events: subscriptions, publishing, delivery. */
@Module({
  imports: [GovernanceGatewayModule],
  controllers: [WebhooksController],
  providers: [
    { provide: CLOCK, useValue: Date.now },
    { provide: WEBHOOK_DELIVERY_OPTIONS, useValue: { intervalMs: DELIVERY_INTERVAL_MS } },
    WebhookSubscriptionsRepository,
    WebhookDeliveriesRepository,
    WebhookSecretsStore,
    WebhooksService,
    ConnectionEvents,
    WebhookSender,
    WebhookDeliveryWorker,
  ],
  exports: [ConnectionEvents],
})
export class NotificationsModule {}

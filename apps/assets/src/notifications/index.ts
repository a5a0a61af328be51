// Notifications: webhooks for data connection events. Other features publish through ConnectionEvents.
export * from './notifications.module.js';
export { ConnectionEvents } from './connection-events.service.js';
export {
  CONNECTION_EVENT_TYPES,
  type ConnectionEvent,
  type ConnectionEventType,
  eventIdOf,
} from './connection-event.js';
export { WEBHOOK_ENTITIES } from './persistence/webhook.entities.js';
export { WebhookDeliveryWorker, WEBHOOK_DELIVERY_OPTIONS } from './delivery/webhook-delivery.worker.js';

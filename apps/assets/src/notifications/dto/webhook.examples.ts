import type {
  CreateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookWithSecretDto,
} from './webhook.dto.js';

export const CREATE_WEBHOOK_EXAMPLE: CreateWebhookDto = {
  url: 'https://hooks.example.com/assets',
  events: ['connection.deleted', 'connection.health_changed'],
  description: 'Pager for the data team',
};

export const WEBHOOK_EXAMPLE: WebhookDto = {
  id: '8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f',
  org_id: 'acme-corp',
  project_id: 'analytics-prod',
  scope: 'project',
  url: 'https://hooks.example.com/assets',
  events: ['connection.deleted', 'connection.health_changed'],
  enabled: true,
  description: 'Pager for the data team',
  created_by: '3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c',
  created_at: '2025-03-14T09:41:07.000Z',
  updated_at: '2025-03-14T09:41:07.000Z',
  secret_rotated_at: '2025-03-14T09:41:07.000Z',
};

export const WEBHOOK_WITH_SECRET_EXAMPLE: WebhookWithSecretDto = {
  ...WEBHOOK_EXAMPLE,
  signing_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

export const WEBHOOK_PAGE_EXAMPLE = {
  data: [WEBHOOK_EXAMPLE],
  pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
};

const DELIVERY_EXAMPLE: WebhookDeliveryDto = {
  id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  event_id: '6fa459ea-ee8a-4ca4-894e-db77e160355e',
  event_type: 'connection.deleted',
  resource_uri: 'data:acme-corp:analytics-prod:customer-db',
  status: 'succeeded',
  attempts: 2,
  next_attempt_at: null,
  last_status_code: 200,
  last_error: null,
  created_at: '2025-03-14T09:41:07.000Z',
  completed_at: '2025-03-14T09:41:40.000Z',
  log: [
    {
      attempt: 1,
      attempted_at: '2025-03-14T09:41:08.000Z',
      status_code: 503,
      duration_ms: 41,
      error: 'http_503',
      response_excerpt: 'upstream unavailable',
    },
    {
      attempt: 2,
      attempted_at: '2025-03-14T09:41:40.000Z',
      status_code: 200,
      duration_ms: 12,
      error: null,
      response_excerpt: null,
    },
  ],
};

export const WEBHOOK_DELIVERY_PAGE_EXAMPLE = {
  data: [DELIVERY_EXAMPLE],
  pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
};

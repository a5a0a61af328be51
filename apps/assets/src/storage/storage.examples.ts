import { type ErrorCode, exampleEnvelope } from '@app/core';
import type {
  FileDto,
  FilePageDto,
  FileUploadedDto,
  ObjectPageDto,
  PutObjectResultDto,
} from './storage.dto.js';

// The documented examples of the storage and files routes: what the service answers, in the
// shapes test/e2e/storage.e2e-spec.ts checks. Each must be valid against its schema (the committed
// OpenAPI document is linted for that).

/** An example envelope of `status` with the code and message these routes answer. */
export function envelopeExample(
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): Record<string, unknown> {
  const example = exampleEnvelope(status, details) as { error: Record<string, unknown> };
  return { error: { ...example.error, code, message } };
}

const ORG = 'acme-corp';
const PROJECT = 'analytics-prod';
const AT = '2026-01-15T09:30:00.000Z';

/** `PUT /assets/storage/talk2data/conversations/abc123/messages.jsonl`. */
export const PUT_OBJECT_EXAMPLE = {
  key: 'talk2data/conversations/abc123/messages.jsonl',
  size: 48213,
  etag: '"9b2cf535f27731c974343645a3985328"',
} satisfies PutObjectResultDto;

/** `PUT /assets/storage/test.txt`: a single segment is an object of the `default` solution. */
export const PUT_SHORTHAND_EXAMPLE = {
  key: 'default/objects/test.txt',
  size: 5,
  etag: 'W/"Jb0uM1Y5Qm9x3v0cN7dXhA"',
} satisfies PutObjectResultDto;

export const OBJECT_PAGE_EXAMPLE = {
  data: [
    {
      key: 'talk2data/conversations/abc123/messages.jsonl',
      size: 48213,
      etag: '"9b2cf535f27731c974343645a3985328"',
      last_modified: AT,
      content_type: 'application/x-ndjson',
    },
    {
      key: 'talk2data/conversations/abc123/summary.md',
      size: 1290,
      etag: '"1f3870be274f6c49b3e31a0c6728957f"',
      last_modified: AT,
      content_type: 'text/markdown',
    },
  ],
  next_cursor: 'azE6YWNtZS1jb3JwL2FuYWx5dGljcy1wcm9kL3RhbGsyZGF0YS9jb252ZXJzYXRpb25zL2FiYzEyMy9zdW1tYXJ5Lm1k',
} satisfies ObjectPageDto;

/** The multipart fields of `POST /assets/files` (the file part comes last). */
export const UPLOAD_FILE_EXAMPLE = {
  key: 'reports/q1.pdf',
  name: 'Quarterly Report Q1',
  description: 'Revenue and churn, first quarter',
  tags: 'finance,quarterly',
  file: '(the file, sent last)',
};

const FILE_URI = `file:${ORG}:${PROJECT}:quarterly-report-q1`;

export const FILE_UPLOADED_EXAMPLE = {
  resource_uri: FILE_URI,
  url: '/assets/storage/files/reports/q1.pdf',
  key: 'reports/q1.pdf',
  name: 'Quarterly Report Q1',
  message: 'File uploaded',
  size: 482133,
  content_type: 'application/pdf',
} satisfies FileUploadedDto;

export const FILE_EXAMPLE = {
  resource_uri: FILE_URI,
  key: 'reports/q1.pdf',
  name: 'Quarterly Report Q1',
  description: 'Revenue and churn, first quarter',
  tags: ['finance', 'quarterly'],
  content_type: 'application/pdf',
  size: 482133,
  etag: '"5d41402abc4b2a76b9719d911017c592"',
  url: '/assets/storage/files/reports/q1.pdf',
  connection_uri: null,
  created_by: 'alice',
  created_at: AT,
  updated_at: AT,
} satisfies FileDto;

export const FILE_PAGE_EXAMPLE = {
  data: [FILE_EXAMPLE],
  pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
} satisfies FilePageDto;

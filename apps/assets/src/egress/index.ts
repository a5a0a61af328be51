// The egress policy: every outbound connection made for a tenant is resolved, checked and pinned here.
export * from './egress-policy.js';
export * from './pinned-connection.js';
export type { NormalizedHost } from './host-normalizer.js';

/** Who is calling, as established by a verified token. */
export interface Principal {
  /** Token `sub`; the authz subject is `user:<userId>`. */
  userId: string;
  /** The realm's org for a realm issuer; the `org_id` claim only for an AUTH_MULTI_TENANT_ISSUERS issuer; X-Org-Id for platform service accounts. */
  orgId: string;
  actorType: 'user' | 'service';
  issuer: string;
  /** The raw bearer token, for forwarding to Governance on the caller's behalf. Never logged. */
  token: string;
}

/** Every repository method takes one; `projectId: null` means org level. */
export interface TenantScope {
  readonly orgId: string;
  readonly projectId: string | null;
}

/** What guards attach to the request (Fastify raw request or Nest request object). */
export interface RequestContext {
  requestId: string;
  principal?: Principal;
  /** Validated `X-Project-ID`, or null when the route allows org scope and it was omitted. */
  projectId?: string | null;
}

export const PROJECT_HEADER = 'x-project-id';
export const REQUEST_ID_HEADER = 'x-request-id';

export function scopeOf(principal: Principal, projectId: string | null | undefined): TenantScope {
  return { orgId: principal.orgId, projectId: projectId ?? null };
}

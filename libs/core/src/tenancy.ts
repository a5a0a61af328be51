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

/**
 * The scope of a system job that works across tenants (the reconciler's claim, the sweepers, the
 * storage janitor). It is named, so a query across tenants is always explicit and never the
 * default. `inOrg` narrows it to one org: all its projects and its org level.
 */
export class SystemScope {
  private constructor(
    readonly job: string,
    readonly orgId: string | null,
  ) {}

  static of(job: string): SystemScope {
    return new SystemScope(job, null);
  }

  inOrg(orgId: string): SystemScope {
    return new SystemScope(this.job, orgId);
  }
}

export const PROJECT_HEADER = 'x-project-id';

import { AppException, type Principal } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import type { SecretRef } from '@app/secrets';
import { formatDataResourceUri, parseDataResourceUri } from '@app/authz';

/**
 * The secret a service account names, only inside the org it acts in. Anything else (a URI that
 * did not parse, another org's secret, a name the route does not serve: `ref` null) is not found,
 * so the caller cannot tell them apart.
 */
export function secretInServiceOrg(service: Principal, ref: SecretRef | null): SecretRef {
  if (!ref || ref.orgId !== service.orgId) throw AppException.notFound('Secret');
  return ref;
}

/** The secret `name` of the data connection `uri`; null when the URI does not parse or `served` refuses the name. */
export function dataConnectionSecretRef(uri: string, name: string, served: RegExp): SecretRef | null {
  const ref = parseDataResourceUri(uri);
  if (!ref || !served.test(name)) return null;
  return { orgId: ref.orgId, projectId: ref.projectId, resourceUri: formatDataResourceUri(ref), name };
}

/** What a service account did to a secret, recorded by Governance in the secret's org and project. */
export function serviceSecretEvent(
  service: Principal,
  ref: SecretRef,
  event: Pick<AuditEventInput, 'action' | 'resource_type' | 'resource_id' | 'details'>,
): AuditEventInput {
  return {
    org_id: ref.orgId,
    project_id: ref.projectId,
    actor_id: service.userId,
    actor_type: 'service',
    source_service: 'governance',
    ...event,
  };
}

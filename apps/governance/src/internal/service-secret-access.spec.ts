import { AppException, type Principal } from '@app/core';
import { dataConnectionSecretRef, secretInServiceOrg, serviceSecretEvent } from './service-secret-access.js';

const service = { userId: 'service-account-assets', orgId: 'acme-corp' } as Principal;
const CREDENTIALS = /^credentials-v[1-9][0-9]*$/;

describe(secretInServiceOrg.name, () => {
  it('should give the secret of a data connection in the service account org', () => {
    expect(
      secretInServiceOrg(
        service,
        dataConnectionSecretRef('data:acme-corp:analytics:db', 'credentials-v2', CREDENTIALS),
      ),
    ).toEqual({
      orgId: 'acme-corp',
      projectId: 'analytics',
      resourceUri: 'data:acme-corp:analytics:db',
      name: 'credentials-v2',
    });
  });

  it.each([
    ['another org', 'data:other-corp:analytics:db', 'credentials-v1'],
    ['a URI that does not parse', 'webhook:acme-corp::db', 'credentials-v1'],
    ['a name the route does not serve', 'data:acme-corp:analytics:db', 'api-key'],
  ])('should answer not found for %s', (_case, uri, name) => {
    const found = () => secretInServiceOrg(service, dataConnectionSecretRef(uri, name, CREDENTIALS));
    expect(found).toThrow(AppException);
    expect(found).toThrow('Secret not found');
  });
});

describe(serviceSecretEvent.name, () => {
  it('should record the service account as the actor, in the secret org and project', () => {
    const ref = {
      orgId: 'acme-corp',
      projectId: null,
      resourceUri: 'data:acme-corp::db',
      name: 'credentials-v1',
    };
    expect(
      serviceSecretEvent(service, ref, {
        action: 'data_connection.secret.read',
        resource_type: 'data_connection',
        resource_id: 'data:acme-corp::db#credentials-v1',
        details: { purpose: 'health_check' },
      }),
    ).toEqual({
      org_id: 'acme-corp',
      project_id: null,
      actor_id: 'service-account-assets',
      actor_type: 'service',
      action: 'data_connection.secret.read',
      resource_type: 'data_connection',
      resource_id: 'data:acme-corp::db#credentials-v1',
      source_service: 'governance',
      details: { purpose: 'health_check' },
    });
  });
});

import { specFromConnection } from './create-object-store.js';
import { toOpenDal } from './object-store-spec.js';

describe(specFromConnection.name, () => {
  const serviceAccount = {
    type: 'service_account',
    project_id: 'acme-analytics',
    private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
    client_email: 'w@acme-analytics.iam.gserviceaccount.com',
  };

  it('should hand OpenDAL a GCS access token only: no key file, no metadata server, no env credentials', () => {
    const target = toOpenDal(
      specFromConnection({
        type: 'gcs',
        config: { bucket: 'lake', endpoint: 'http://127.0.0.1:9' },
        credentials: { access_token: 'ya29.token', service_account_json: serviceAccount },
      }),
    );
    expect(target.options).toEqual({
      bucket: 'lake',
      endpoint: 'http://127.0.0.1:9',
      root: '/',
      token: 'ya29.token',
      disable_config_load: 'true',
      disable_vm_metadata: 'true',
    });
  });

  it('should refuse a GCS connection without an access token (a key file is never given to OpenDAL)', () => {
    expect(() =>
      specFromConnection({
        type: 'gcs',
        config: { bucket: 'lake' },
        credentials: { service_account_json: serviceAccount },
      }),
    ).toThrow('missing access_token');
  });
});

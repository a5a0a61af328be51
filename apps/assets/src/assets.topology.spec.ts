import { loadAuthConfig, resolveAuthSettings } from '@app/auth';
import { loadStorageConfig, specFromConfig } from '@app/storage';
import { loadVerificationConfig } from './verification/verification.config.js';

/** Every namespace that names a port, URL or directory of this deployment follows the topology. */
describe('topology consumers', () => {
  const moved = {
    DATA_DIR: '/tmp/copy-b',
    GOVERNANCE_PORT: '9101',
    ASSETS_PORT: '9102',
    EMBEDDED_OPENFGA_PORT: '9181',
  };

  it('should put the dev identity provider on the moved Governance port and its keys under DATA_DIR', () => {
    const settings = resolveAuthSettings(loadAuthConfig(moved));
    expect(settings.devIssuerBase).toBe('http://localhost:9101/governance/dev-idp');
    expect(settings.dataDir).toBe('/tmp/copy-b/auth');
  });

  it('should keep local object storage under DATA_DIR', () => {
    expect(specFromConfig(loadStorageConfig(moved))).toEqual({
      backend: 'local',
      root: '/tmp/copy-b/storage',
    });
  });

  it("should deny the deployment's moved ports to tenants, and only those", () => {
    expect(loadVerificationConfig(moved).protectedPorts).toEqual([9102, 9101, 9181, 10565, 10564]);
    expect(loadVerificationConfig({}).protectedPorts).toEqual([8002, 8001, 8081, 9465, 9464]);
  });
});

describe('internal endpoints kept from tenants', () => {
  it('should protect the trace collector, whichever variable names it', async () => {
    const { internalUrlsOf } = await import('./assets.bootstrap.js');
    const { loadTopology, loadConfig } = await import('@app/config');
    const { AssetsConfig } = await import('./assets.config.js');
    const { AuthzConfig } = await import('@app/authz');
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.observability:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces.observability:4318/v1/traces',
    };
    const urls = internalUrlsOf(
      env,
      loadTopology(env),
      loadConfig('assets', AssetsConfig, env),
      loadConfig('authz', AuthzConfig, { OPENFGA_API_URL: 'http://openfga:8080' }),
    );
    expect(urls).toEqual(
      expect.arrayContaining([
        'http://collector.observability:4318',
        'http://traces.observability:4318/v1/traces',
        'http://openfga:8080',
      ]),
    );
  });
});

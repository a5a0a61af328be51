import { IsString } from 'class-validator';
import { loadConfig } from './load-config.js';
import { loadTopology, TopologyConfig } from './topology.config.js';
import { withTopologyDefaults } from './topology-defaults.js';

describe(TopologyConfig.name, () => {
  it('should keep the documented defaults when nothing is set', () => {
    const t = loadTopology({});
    expect(t).toMatchObject({
      DATA_DIR: './.data',
      GOVERNANCE_PORT: 8001,
      ASSETS_PORT: 8002,
      EMBEDDED_OPENFGA_PORT: 8081,
      GOVERNANCE_METRICS_PORT: 9464,
      ASSETS_METRICS_PORT: 9465,
      METRICS_HOST: '0.0.0.0',
      GOVERNANCE_URL: 'http://127.0.0.1:8001',
      AUTH_DEV_ISSUER_BASE: 'http://localhost:8001/governance/dev-idp',
      AUTH_DATA_DIR: './.data/auth',
      OBSTORE_LOCAL_PREFIX: './.data/storage',
    });
    expect(t.embeddedOpenFgaUrl).toBe('http://127.0.0.1:8081');
    expect(t.listeningPorts).toEqual([8002, 8001, 8081, 9465, 9464]);
  });

  it('should derive every default from the variable it depends on', () => {
    const t = loadTopology({
      DATA_DIR: '/srv/copy-b',
      GOVERNANCE_PORT: '9101',
      ASSETS_PORT: '9102',
      EMBEDDED_OPENFGA_PORT: '9181',
    });
    expect(t.GOVERNANCE_URL).toBe('http://127.0.0.1:9101');
    expect(t.AUTH_DEV_ISSUER_BASE).toBe('http://localhost:9101/governance/dev-idp');
    expect(t.AUTH_DATA_DIR).toBe('/srv/copy-b/auth');
    expect(t.OBSTORE_LOCAL_PREFIX).toBe('/srv/copy-b/storage');
    expect(t.embeddedOpenFgaUrl).toBe('http://127.0.0.1:9181');
    // The metrics ports follow the moved app ports, so two copies side by side never collide.
    expect(t.GOVERNANCE_METRICS_PORT).toBe(10564);
    expect(t.ASSETS_METRICS_PORT).toBe(10565);
    expect(t.listeningPorts).toEqual([9102, 9101, 9181, 10565, 10564]);
  });

  it('should dial a specific listen host and keep loopback for wildcards', () => {
    expect(loadTopology({ GOVERNANCE_HOST: '127.0.0.2' }).GOVERNANCE_URL).toBe('http://127.0.0.2:8001');
    expect(loadTopology({ GOVERNANCE_HOST: '::1' }).GOVERNANCE_URL).toBe('http://[::1]:8001');
    expect(loadTopology({ GOVERNANCE_HOST: '::' }).GOVERNANCE_URL).toBe('http://127.0.0.1:8001');
    expect(loadTopology({ GOVERNANCE_HOST: '0.0.0.0' }).AUTH_DEV_ISSUER_BASE).toBe(
      'http://localhost:8001/governance/dev-idp',
    );
  });

  it('should let explicit values win over derived ones', () => {
    const t = loadTopology({
      DATA_DIR: '/a',
      GOVERNANCE_PORT: '9101',
      GOVERNANCE_URL: 'https://governance.internal',
      AUTH_DEV_ISSUER_BASE: 'http://idp.test/dev',
      AUTH_DATA_DIR: '/keys',
      OBSTORE_LOCAL_PREFIX: '/blobs',
    });
    expect(t).toMatchObject({
      GOVERNANCE_URL: 'https://governance.internal',
      AUTH_DEV_ISSUER_BASE: 'http://idp.test/dev',
      AUTH_DATA_DIR: '/keys',
      OBSTORE_LOCAL_PREFIX: '/blobs',
    });
  });

  it('should treat an empty value as unset', () => {
    expect(loadTopology({ DATA_DIR: '/d', AUTH_DATA_DIR: '' }).AUTH_DATA_DIR).toBe('/d/auth');
  });

  it('should join under DATA_DIR however it is spelled', () => {
    expect(loadTopology({ DATA_DIR: '/d/' }).AUTH_DATA_DIR).toBe('/d/auth');
    expect(loadTopology({ DATA_DIR: '/' }).OBSTORE_LOCAL_PREFIX).toBe('/storage');
    expect(loadTopology({ DATA_DIR: 'rel' }).OBSTORE_LOCAL_PREFIX).toBe('rel/storage');
  });

  it('should turn the dev OpenFGA endpoint off with port 0 and keep it out of the listening ports', () => {
    const t = loadTopology({ EMBEDDED_OPENFGA_PORT: '0' });
    expect(t.embeddedOpenFgaUrl).toBeNull();
    expect(t.listeningPorts).toEqual([8002, 8001, 9465, 9464]);
  });

  it('should turn a metrics listener off with 0 or `off`, and keep it out of the listening ports', () => {
    const t = loadTopology({ ASSETS_METRICS_PORT: 'off', GOVERNANCE_METRICS_PORT: '0' });
    expect(t.ASSETS_METRICS_PORT).toBe(0);
    expect(t.GOVERNANCE_METRICS_PORT).toBe(0);
    expect(t.listeningPorts).toEqual([8002, 8001, 8081]);
    expect(loadTopology({ ASSETS_METRICS_PORT: ' OFF ' }).ASSETS_METRICS_PORT).toBe(0);
    expect(() => loadTopology({ ASSETS_METRICS_PORT: 'no' })).toThrow(/ASSETS_METRICS_PORT/);
    // An explicit port wins over the derived one.
    expect(loadTopology({ ASSETS_PORT: '9000', ASSETS_METRICS_PORT: '9100' }).ASSETS_METRICS_PORT).toBe(9100);
  });

  it('should refuse invalid ports naming the variable', () => {
    expect(() => loadTopology({ ASSETS_PORT: '70000' })).toThrow(/ASSETS_PORT/);
    expect(() => loadTopology({ GOVERNANCE_PORT: 'abc' })).toThrow(/GOVERNANCE_PORT/);
    expect(() => loadTopology({ GOVERNANCE_URL: 'ftp://x' })).toThrow(
      /GOVERNANCE_URL must be an http\(s\) URL/,
    );
  });
});

class ConsumerConfig {
  @IsString() AUTH_DATA_DIR: string;
  @IsString() OBSTORE_LOCAL_PREFIX: string;
}

describe(withTopologyDefaults.name, () => {
  it('should give any config namespace that declares a derived variable the same derived default', () => {
    const c = loadConfig('consumer', ConsumerConfig, { DATA_DIR: '/elsewhere' });
    expect(c.AUTH_DATA_DIR).toBe('/elsewhere/auth');
    expect(c.OBSTORE_LOCAL_PREFIX).toBe('/elsewhere/storage');
  });

  it('should not touch explicit values', () => {
    const env = {
      AUTH_DATA_DIR: '/k',
      OBSTORE_LOCAL_PREFIX: '/s',
      GOVERNANCE_URL: 'http://g',
      AUTH_DEV_ISSUER_BASE: 'http://i',
      AUTH_DEV_CONSOLE_REDIRECT_URIS: 'http://c/console/callback',
      GOVERNANCE_METRICS_PORT: '7001',
      ASSETS_METRICS_PORT: '7002',
    };
    expect(withTopologyDefaults(env)).toBe(env);
  });

  it("should derive the console's redirect URIs from the Assets port", () => {
    expect(withTopologyDefaults({ ASSETS_PORT: '9102' }).AUTH_DEV_CONSOLE_REDIRECT_URIS).toBe(
      'http://localhost:9102/console/callback,http://127.0.0.1:9102/console/callback',
    );
  });
});

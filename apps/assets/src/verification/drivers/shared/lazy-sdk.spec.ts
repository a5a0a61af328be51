import { jest } from '@jest/globals';
import { DriverError } from '../../driver-error.js';
import { defaultExport, lazySdk } from './lazy-sdk.js';

describe(lazySdk.name, () => {
  it('should load the SDK on the first call only and hand every caller the same module', async () => {
    const sdk = { connect: () => 'ok' };
    const load = jest.fn(async () => sdk);
    const loadSdk = lazySdk('some-sdk', load);
    expect(load).not.toHaveBeenCalled();

    const [first, second] = await Promise.all([loadSdk(), loadSdk()]);
    await expect(loadSdk()).resolves.toBe(sdk);

    expect(first).toBe(sdk);
    expect(second).toBe(sdk);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should name the missing package in an invalid_config driver error', async () => {
    const loadSdk = lazySdk(
      ['thrift', '@example/sdk-not-installed'],
      () => import('@example/sdk-not-installed/client.js' as string),
    );
    const error = await loadSdk().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DriverError);
    expect(error).toMatchObject({ code: 'invalid_config' });
    expect((error as Error).message).toContain(
      'driver package (@example/sdk-not-installed) is not installed',
    );
  });

  it('should pass any other load failure through and try again on the next call', async () => {
    const broken = Object.assign(new Error('native binding failed'), { code: 'ERR_DLOPEN_FAILED' });
    const load = jest.fn<() => Promise<string>>().mockRejectedValueOnce(broken).mockResolvedValueOnce('sdk');
    const loadSdk = lazySdk('oracledb', load);

    await expect(loadSdk()).rejects.toBe(broken);
    await expect(loadSdk()).resolves.toBe('sdk');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should not mistake a missing file inside an installed package for a missing package', async () => {
    const inner = Object.assign(new Error("Cannot find module '/x/node_modules/mysql2/lib/gone.js'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const loadSdk = lazySdk('mysql2', () => Promise.reject(inner));

    await expect(loadSdk()).rejects.toBe(inner);
  });
});

describe(defaultExport.name, () => {
  it('should unwrap the default export of a CommonJS namespace and keep an ESM namespace as is', () => {
    const exports = { createConnection: () => undefined };
    expect(defaultExport({ default: exports })).toBe(exports);
    const namespace = { MongoClient: class {} };
    expect(defaultExport(namespace)).toBe(namespace);
  });
});

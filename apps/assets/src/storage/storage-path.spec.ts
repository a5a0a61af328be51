import { AppException } from '@app/core';
import { TenantKeyBuilder } from '@app/storage';
import { parseStoragePath } from './storage-path.js';

const tenant = { orgId: 'acme', projectId: 'proj-42' };
const keyOf = (path: string) => {
  const { solution, artifactPath } = parseStoragePath(`/assets/storage/${path}?connection=x`);
  return TenantKeyBuilder.build(tenant, solution, artifactPath);
};
const status = (path: string) => {
  try {
    keyOf(path);
    return 200;
  } catch (error) {
    return error instanceof AppException ? error.status : 500;
  }
};

describe('parseStoragePath', () => {
  it('should read a one-segment key as an object of the default solution', () => {
    expect(parseStoragePath('/assets/storage/test.txt')).toEqual({
      solution: 'default',
      artifactPath: 'objects/test.txt',
    });
    expect(keyOf('test')).toBe('acme/proj-42/default/objects/test');
  });

  it('should take %2F, in any case, as the separator a raw slash is', () => {
    const raw = keyOf('a/b/c.txt');
    expect(raw).toBe('acme/proj-42/a/b/c.txt');
    for (const encoded of ['a%2Fb%2Fc.txt', 'a%2fb%2fc.txt', 'a/b%2Fc.txt', 'a%2Fb/c.txt'])
      expect([encoded, keyOf(encoded)]).toEqual([encoded, raw]);
  });

  it('should decode each segment exactly once', () => {
    expect(keyOf('sol/docs/q1%20report%2Bfinal.txt')).toBe('acme/proj-42/sol/docs/q1 report+final.txt');
    expect(parseStoragePath('/assets/storage/sol/docs%252Fx.txt').artifactPath).toBe('docs%2Fx.txt');
  });

  it.each([
    ['raw dot segments', 'sol/docs/../../other-project/x.txt'],
    ['encoded slashes around dot segments', '..%2F..%2Fother-project%2Fsol%2Fx.txt'],
    ['encoded dots and slashes', 'sol/%2e%2e%2F%2E%2E%2Fx.txt'],
    ['a double-encoded slash', 'sol/docs%252F..%252F..%252Fx.txt'],
    ['a double-encoded slash in one segment', '..%252F..%252Fx.txt'],
    ['an encoded backslash', 'sol/docs/..%5C..%5Cx.txt'],
    ['an encoded backslash, lower case', 'sol/docs/x%5cy.txt'],
    ['empty segments from encoded slashes', 'sol/docs%2F%2Fx.txt'],
    ['a trailing encoded slash', 'sol/docs/x.txt%2F'],
    ['an encoded control character', 'sol/docs/x%0A.txt'],
    ['malformed percent-encoding', 'sol/docs/x%E0%A4%A.txt'],
    ['an encoded dot segment alone', '%2E/docs/x.txt'],
  ])('should refuse %s with a 400', (_label, path) => {
    expect(status(path)).toBe(400);
  });
});

import { parseServiceEndpoint } from './endpoint.js';
import { codeForHttpStatus, sdkError } from './sdk-error.js';

describe(parseServiceEndpoint.name, () => {
  it('should read origin, host, port and scheme', () => {
    expect(parseServiceEndpoint('https://storage.example.com')).toEqual({
      origin: 'https://storage.example.com',
      segment: undefined,
      host: 'storage.example.com',
      port: 443,
      https: true,
    });
    expect(
      parseServiceEndpoint('http://[::1]:10000/devstoreaccount1/', { allowSegment: true }),
    ).toMatchObject({ host: '::1', port: 10000, https: false, segment: 'devstoreaccount1' });
  });

  it('should reject userinfo, queries, fragments, other schemes and paths not allowed', () => {
    for (const bad of [
      'http://u:p@h',
      'https://h/?x=1',
      'https://h/#f',
      'file:///etc/passwd',
      'https://h/a',
      'https://h/a/b',
      'not a url',
      'https://h\\@evil',
    ]) {
      expect(() => parseServiceEndpoint(bad)).toThrow(/endpoint must be/);
    }
    expect(() => parseServiceEndpoint('https://h/a/b', { allowSegment: true })).toThrow(/endpoint must be/);
  });
});

describe(sdkError.name, () => {
  it('should keep a code-like detail and drop anything else', () => {
    expect(sdkError('auth_failed', 'ORA-01017').message).toBe(
      'authentication failed: check the user name and password (ORA-01017)',
    );
    expect(sdkError('auth_failed', 'password is hunter2').message).toBe(
      'authentication failed: check the user name and password',
    );
    expect(codeForHttpStatus(401)).toBe('auth_failed');
    expect(codeForHttpStatus(418)).toBeUndefined();
  });
});

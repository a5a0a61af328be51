import { jest } from '@jest/globals';
import { exitOnConfigError } from './exit-on-config-error.js';
import { ConfigValidationError } from './load-config.js';

describe('exitOnConfigError', () => {
  afterEach(() => jest.restoreAllMocks());

  it('should print only the message and exit 1 on a configuration error', () => {
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as typeof process.exit);

    expect(() =>
      exitOnConfigError(new ConfigValidationError('assets', ['LOG_FORMAT must be one of: pretty, json'])),
    ).toThrow('exited');
    expect(exit).toHaveBeenCalledWith(1);
    expect(written.join('')).toBe(
      'Invalid configuration for assets:\n  - LOG_FORMAT must be one of: pretty, json\n',
    );
    expect(written.join('')).not.toContain('    at ');
  });

  it('should rethrow any other error untouched', () => {
    const exit = jest.spyOn(process, 'exit');
    const error = new Error('database unreachable');
    expect(() => exitOnConfigError(error)).toThrow(error);
    expect(exit).not.toHaveBeenCalled();
  });
});

import { classifyHiveError, HiveDriver, HiveStatusError, rowSetToRows } from './hive.driver.js';

const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'hive' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: 'hive.example.com', ...config },
  credentials: { username: 'analyst', password: 'Canary-pw', ...credentials },
});

describe(HiveDriver.name, () => {
  const driver = new HiveDriver();

  it('should target the HTTP-mode port by default and the configured one otherwise', () => {
    expect(driver.target(input())).toEqual({ host: 'hive.example.com', port: 10001 });
    expect(driver.target(input({ port: 443, http_path: '/gateway/default/hive' }))).toEqual({
      host: 'hive.example.com',
      port: 443,
    });
  });

  it('should refuse what it cannot send safely or does not speak', () => {
    expect(() => driver.target(input({ transport: 'binary' }))).toThrow('only http');
    expect(() => driver.target(input({ http_path: '/cli/../admin' }))).toThrow('invalid format');
    expect(() => driver.target(input({ host: 'https://hive.example.com' }))).toThrow('invalid format');
    expect(() => driver.target(input({}, { username: 'a:b' }))).toThrow('invalid format');
    expect(() => driver.target(input({}, { password: 'x\r\nHost: evil' }))).toThrow('invalid format');
    expect(() => driver.target(input({ principal: 'hive/_HOST@REALM' }))).toThrow('not supported');
    expect(() => driver.target({ ...input(), auth_type: 'kerberos' })).toThrow('auth_type must be basic');
  });

  it('should classify servlet statuses and server errors, keeping only codes', () => {
    const http = (statusCode: number) => Object.assign(new Error('bad status'), { statusCode });
    expect(classifyHiveError(http(401))).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('(HTTP_401)'),
    });
    expect(classifyHiveError(http(403))).toMatchObject({ code: 'permission_denied' });
    expect(classifyHiveError(http(404))).toMatchObject({ code: 'not_found' });
    expect(
      classifyHiveError(
        new HiveStatusError(
          'FAILED: SemanticException [Error 10072]: Database does not exist: x',
          '42000',
          10072,
        ),
      ),
    ).toMatchObject({ code: 'not_found', message: expect.stringContaining('(HIVE_10072)') });
    const denied = classifyHiveError(
      new HiveStatusError(
        'FAILED: HiveAccessControlException Permission denied: user [analyst] does not have [SELECT] privilege on [sales/orders]',
        '42000',
        40000,
      ),
    );
    expect(denied).toMatchObject({ code: 'permission_denied' });
    expect(JSON.stringify(denied)).not.toContain('analyst');
    const other = classifyHiveError(
      new HiveStatusError('java.lang.OutOfMemoryError: secret detail', 'HY000', 0),
    );
    expect(other).toMatchObject({ code: 'SQLSTATE_HY000', message: 'server error' });
  });

  it('should read columnar row sets with their null bitmaps and row-based ones', () => {
    expect(
      rowSetToRows({
        columns: [
          { stringVal: { values: ['', 'sales'], nulls: Buffer.from([0b01]) } },
          { stringVal: { values: ['t1', 't2'], nulls: Buffer.alloc(0) } },
        ],
      }),
    ).toEqual([
      [null, 't1'],
      ['sales', 't2'],
    ]);
    expect(
      rowSetToRows({ rows: [{ colVals: [{ stringVal: { value: 'a' } }, { stringVal: {} }] }], columns: [] }),
    ).toEqual([['a', null]]);
    expect(rowSetToRows(undefined)).toEqual([]);
  });
});

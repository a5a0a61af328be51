import type { FastifyRequest } from 'fastify';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter.js';
import { findNul, jsonNestingExceeds, MAX_JSON_DEPTH } from './hostile-input.js';

const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe(jsonNestingExceeds.name, () => {
  it('should count arrays and objects alike and stop at the limit', () => {
    expect(jsonNestingExceeds(arrays(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestingExceeds(arrays(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestingExceeds('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(jsonNestingExceeds('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(jsonNestingExceeds('[1],[2],[3]', 1)).toBe(false); // siblings do not add up
  });

  it('should ignore brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingExceeds(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[' }), 1)).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify(['\\', '[[[']), 1)).toBe(false);
  });

  it('should scan a megabyte of nesting without recursion', () => {
    expect(jsonNestingExceeds('['.repeat(1024 * 1024), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestingExceeds(`"${'a'.repeat(1024 * 1024)}"`, MAX_JSON_DEPTH)).toBe(false);
  });
});

describe(findNul.name, () => {
  it('should name the first field holding U+0000, keys included, in document order', () => {
    expect(findNul({ a: 'ok', b: ['x', 'y\u0000'], c: 'z\u0000' })).toBe('b.1');
    expect(findNul({ a: { 'k\u0000': 1 } })).toBe('a.k\\u0000');
    expect(findNul('plain\u0000')).toBe('');
    expect(findNul({ a: 1, b: null, c: true, d: ['ok'] })).toBeNull();
  });

  it('should walk null-prototype objects (Fastify query and params) but not bytes or streams', () => {
    const params = Object.create(null) as Record<string, unknown>;
    params.id = 'a\u0000';
    expect(findNul(params)).toBe('id');
    expect(findNul({ file: Buffer.from([0]) })).toBeNull();
    expect(findNul({ pipe: () => undefined, name: '\u0000' })).toBeNull();
  });

  it('should walk deep values iteratively', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const field = findNul(deep)!;
    expect(field).toMatch(/^0(\.0)*\.?$/);
    expect(field.length).toBe(200);
  });
});

describe('ErrorEnvelopeFilter on text PostgreSQL cannot store', () => {
  const filter = new ErrorEnvelopeFilter();
  const request = { id: 'req-1', headers: {} } as unknown as FastifyRequest;
  const pgError = (code: string) =>
    Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code, severity: 'ERROR' });

  it.each(['22021', '22P05'])('should answer 400 for SQLSTATE %s, raw or wrapped by TypeORM', (code) => {
    const typeorm = Object.assign(new Error('query failed'), {
      name: 'QueryFailedError',
      driverError: pgError(code),
    });
    for (const error of [pgError(code), typeorm]) {
      const { error: body } = filter.toEnvelope(error, request);
      expect(body).toMatchObject({ status: 400, code: 'INVALID_REQUEST', details: {} });
      expect(body.message).not.toContain('0x00');
    }
  });

  it('should keep other database errors, and look-alikes without a driver shape, a 500', () => {
    expect(filter.toEnvelope(pgError('23505'), request).error.status).toBe(500);
    expect(filter.toEnvelope(Object.assign(new Error('x'), { code: '22021' }), request).error.status).toBe(
      500,
    );
  });
});

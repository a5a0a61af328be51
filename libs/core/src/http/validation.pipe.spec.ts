import { jest } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { AppException } from '../errors/app.exception.js';
import { EnvelopeValidationPipe } from './validation.pipe.js';

class VersionQuery {
  @IsOptional()
  @Matches(/^(active|previous|[1-9][0-9]*)$/)
  version?: string;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: string = 'asc';
}

class NameQuery {
  @IsString()
  name: string;
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

/** How many times class-validator ran (the pipe's own hook onto it). */
function validations(pipe: EnvelopeValidationPipe) {
  return jest.spyOn(pipe as unknown as { validate: () => Promise<unknown> }, 'validate');
}

describe(EnvelopeValidationPipe.name, () => {
  it('should validate an empty query once per DTO and give each request its own instance', async () => {
    const pipe = new EnvelopeValidationPipe();
    const validate = validations(pipe);
    const first = await pipe.transform({}, query(VersionQuery));
    const second = await pipe.transform(Object.create(null), query(VersionQuery));
    expect(validate).toHaveBeenCalledTimes(1);
    for (const result of [first, second]) {
      expect(result).toBeInstanceOf(VersionQuery);
      expect({ ...(result as VersionQuery) }).toEqual({ ...(first as VersionQuery) });
      expect((result as VersionQuery).order).toBe('asc');
    }
    expect(second).not.toBe(first);
    (second as VersionQuery).order = 'desc';
    expect(((await pipe.transform({}, query(VersionQuery))) as VersionQuery).order).toBe('asc');
  });

  it('should still validate every query that carries a field, after an empty one', async () => {
    const pipe = new EnvelopeValidationPipe();
    await pipe.transform({}, query(VersionQuery));
    await expect(pipe.transform({ version: 'latest' }, query(VersionQuery))).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ field: 'version' }] },
    });
    await expect(pipe.transform({ version: '3' }, query(VersionQuery))).resolves.toMatchObject({
      version: '3',
    });
    await expect(pipe.transform({ extra: '1' }, query(VersionQuery))).rejects.toBeInstanceOf(AppException);
  });

  it('should refuse an empty query every time when the DTO requires a field', async () => {
    const pipe = new EnvelopeValidationPipe();
    const validate = validations(pipe);
    for (let i = 0; i < 2; i++)
      await expect(pipe.transform({}, query(NameQuery))).rejects.toMatchObject({
        status: 400,
        details: { fields: [{ field: 'name', message: 'is required' }] },
      });
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it('should remember nothing for a DTO whose empty instance holds an object', async () => {
    class WithList {
      @IsOptional()
      @IsString({ each: true })
      tags: string[] = [];
    }
    const pipe = new EnvelopeValidationPipe();
    const validate = validations(pipe);
    const first = (await pipe.transform({}, query(WithList))) as WithList;
    first.tags.push('changed');
    const second = (await pipe.transform({}, query(WithList))) as WithList;
    expect(second.tags).toEqual([]);
    expect(validate).toHaveBeenCalledTimes(2);
  });
});

import { expect, jest } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { EnvelopeValidationPipe } from '@app/core';
import {
  ForwardedSecretReadsDto,
  isPlainForwardedReads,
  MAX_FORWARDED_READS,
} from './forwarded-secret-reads.controller.js';

const BODY: ArgumentMetadata = { type: 'body', metatype: ForwardedSecretReadsDto };
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const read: Record<string, string> = {
  token: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1MSJ9.c2ln',
  resource_uri: 'data:acme-corp:analytics-prod:customer-db',
  name: 'credentials-v1',
  request_id: '01JPB4Q9X2M7K3N8R5T6V1W0YZ',
  traceparent: TRACEPARENT,
};

/** Every field's edge: absent, null, the wrong type, at and past its limit, astral characters. */
function variantsOf(): unknown[] {
  const astral = (n: number) => '😀'.repeat(n); // 2 UTF-16 units, one character each
  const fieldValues: Record<string, unknown[]> = {
    token: [undefined, null, 7, '', 'a'.repeat(16 * 1024), 'a'.repeat(16 * 1024 + 1), astral(8 * 1024 + 1)],
    resource_uri: [undefined, null, ['x'], 'a'.repeat(1024), 'a'.repeat(1025), astral(600)],
    name: [undefined, {}, 'a'.repeat(128), 'a'.repeat(129), astral(100)],
    request_id: [undefined, null, 1, 'a'.repeat(128), 'a'.repeat(129), astral(100)],
    traceparent: [undefined, null, '', TRACEPARENT.toUpperCase(), `${TRACEPARENT}\n`, ` ${TRACEPARENT}`, 'x'],
  };
  const reads: unknown[] = [
    read,
    { ...read, extra: 1 },
    null,
    'read',
    [read],
    { ...read, __proto__: { x: 1 } },
  ];
  for (const [field, values] of Object.entries(fieldValues))
    for (const value of values) {
      const { [field]: _, ...rest } = read;
      reads.push(value === undefined ? rest : { ...rest, [field]: value });
    }
  const bodies: unknown[] = reads.map((r) => ({ reads: [r] }));
  bodies.push(
    null,
    [],
    'reads',
    {},
    { reads: [] },
    { reads: read },
    { reads: [read], extra: true },
    { reads: Array(MAX_FORWARDED_READS).fill(read) },
    { reads: Array(MAX_FORWARDED_READS + 1).fill(read) },
    { reads: [read, { ...read, token: 5 }] },
  );
  return bodies;
}

/** The decorators' own verdict (the pipe without the DTO's check): null, or the refusal. */
async function decoratorsSay(body: unknown): Promise<unknown> {
  const pipe = new EnvelopeValidationPipe();
  try {
    await pipe.transform(body, { type: 'body', metatype: class extends ForwardedSecretReadsDto {} });
    return null;
  } catch (error) {
    return error;
  }
}

describe(isPlainForwardedReads.name, () => {
  it('should accept only bodies the decorators accept', async () => {
    const accepted: unknown[] = [];
    for (const body of variantsOf()) {
      if (!isPlainForwardedReads(body)) continue;
      accepted.push(body);
      expect({ body, refusal: await decoratorsSay(body) }).toEqual({ body, refusal: null });
    }
    // It is used: what Assets sends passes it, with and without the optional fields.
    expect(accepted).toContainEqual({ reads: [read] });
    expect(accepted).toContainEqual({ reads: Array(MAX_FORWARDED_READS).fill(read) });
    const { request_id: _, traceparent: __, ...bare } = read;
    expect(isPlainForwardedReads({ reads: [bare, read] })).toBe(true);
  });

  it('should leave every refusal, and its details, to the decorators', async () => {
    const pipe = new EnvelopeValidationPipe();
    const validate = jest.spyOn(pipe as unknown as { validate: () => Promise<unknown> }, 'validate');
    const body = { reads: [read] };
    await expect(pipe.transform(body, BODY)).resolves.toBe(body);
    expect(validate).not.toHaveBeenCalled();
    await expect(pipe.transform({ reads: [{ ...read, name: 5 }] }, BODY)).rejects.toMatchObject({
      status: 422,
      details: { fields: expect.arrayContaining([{ field: 'reads.0.name', message: 'must be a string' }]) },
    });
    await expect(pipe.transform({ reads: [read], extra: 1 }, BODY)).rejects.toMatchObject({
      status: 422,
      details: { fields: [{ field: 'extra', message: 'is not allowed' }] },
    });
    expect(validate).toHaveBeenCalledTimes(2);
  });
});

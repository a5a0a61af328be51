import { OpenApiContract, type OpenApiDocument } from '@app/testing';
import { LastVerificationDto, nullableRef } from './connection.dto.js';

const LAST_VERIFICATION = {
  type: 'object',
  required: ['success', 'message', 'latency_ms'],
  properties: {
    success: { type: 'boolean' },
    message: { type: 'string' },
    latency_ms: { type: 'number' },
  },
};

/** A one-route document whose body has `last_verification` described by `schema`. */
function contractWith(schema: unknown): OpenApiContract {
  const document: OpenApiDocument = {
    paths: {
      '/c': {
        get: {
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['last_verification'],
                    properties: { last_verification: schema },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas: { LastVerificationDto: LAST_VERIFICATION } },
  };
  return new OpenApiContract('nullable-spec', document);
}

const problemsOf = (contract: OpenApiContract, lastVerification: unknown) =>
  contract.check({
    method: 'GET',
    path: '/c',
    route: '/c',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ last_verification: lastVerification })),
  })?.problems ?? [];

describe(nullableRef.name, () => {
  const contract = contractWith(nullableRef(LastVerificationDto));

  it('should admit null and the referenced object', () => {
    expect(problemsOf(contract, null)).toEqual([]);
    expect(problemsOf(contract, { success: true, message: 'connection verified', latency_ms: 12 })).toEqual(
      [],
    );
  });

  it('should refuse anything else', () => {
    for (const wrong of [{ success: 'yes' }, {}, 'connection verified', 0, []])
      expect(problemsOf(contract, wrong)).not.toEqual([]);
  });

  it('should be needed: nullable beside allOf, as generated before, refuses null', () => {
    const generated = contractWith({
      nullable: true,
      type: 'object',
      allOf: [{ $ref: '#/components/schemas/LastVerificationDto' }],
    });
    expect(problemsOf(generated, null)).not.toEqual([]);
  });
});

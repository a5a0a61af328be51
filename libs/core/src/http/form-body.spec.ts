import type { FastifyRequest } from 'fastify';
import { ACCEPTS_FORM_BODY, acceptsFormBody, parseFormBody } from './form-body.js';

describe(parseFormBody.name, () => {
  it('should decode fields, keep repeated ones as arrays and give names no meaning', () => {
    const body = parseFormBody('a=1&b=x+y%2Bz&a=2&__proto__=p&constructor=c&empty=');
    expect(body.a).toEqual(['1', '2']);
    expect(body.b).toBe('x y+z');
    expect(body.empty).toBe('');
    expect(Object.getPrototypeOf(body)).toBeNull();
    expect(body['__proto__']).toBe('p');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe(acceptsFormBody.name, () => {
  const on = (config: unknown) => ({ routeOptions: { config } }) as unknown as FastifyRequest;
  it('should be true only for routes that opted in', () => {
    expect(acceptsFormBody(on({ [ACCEPTS_FORM_BODY]: true }))).toBe(true);
    expect(acceptsFormBody(on({}))).toBe(false);
    expect(acceptsFormBody(on(undefined))).toBe(false);
    expect(acceptsFormBody({} as FastifyRequest)).toBe(false);
  });
});

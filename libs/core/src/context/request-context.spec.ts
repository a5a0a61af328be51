import { newRequestContext, parseTraceparent, RequestContext } from './request-context.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const ALICE = { userId: 'alice', orgId: 'acme', actorType: 'user' as const, issuer: 'test', token: 't' };

describe(RequestContext.name, () => {
  describe('outside a request', () => {
    it('should read as empty and ignore writes, never throw', () => {
      const context = new RequestContext();
      expect(RequestContext.current()).toBeUndefined();
      expect(() => RequestContext.setPrincipal(ALICE)).not.toThrow();
      expect(() => RequestContext.setProject('analytics')).not.toThrow();
      expect([
        context.requestId,
        context.traceId,
        context.principal,
        context.projectId,
        context.traceparent,
      ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    });
  });

  describe('inside a request', () => {
    it('should carry the ids, then the principal and project the guards set, across awaits', async () => {
      const context = new RequestContext();
      const seen = await RequestContext.run(
        newRequestContext('req-12345678', `00-${TRACE}-${PARENT}-01`),
        async () => {
          RequestContext.setPrincipal(ALICE);
          await new Promise((resolve) => setImmediate(resolve));
          RequestContext.setProject('analytics');
          await Promise.resolve();
          return {
            requestId: context.requestId,
            traceId: context.traceId,
            principal: context.principal,
            projectId: context.projectId,
          };
        },
      );
      expect(seen).toEqual({
        requestId: 'req-12345678',
        traceId: TRACE,
        principal: ALICE,
        projectId: 'analytics',
      });
      expect(RequestContext.current()).toBeUndefined();
    });

    it('should keep two concurrent requests apart', async () => {
      const one = RequestContext.run(newRequestContext('req-one-0001'), async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return RequestContext.current()?.requestId;
      });
      const two = RequestContext.run(
        newRequestContext('req-two-0002'),
        async () => RequestContext.current()?.requestId,
      );
      await expect(Promise.all([one, two])).resolves.toEqual(['req-one-0001', 'req-two-0002']);
    });

    it('should continue the caller trace with its own span as the parent of outbound calls', () => {
      const values = newRequestContext('req-12345678', `00-${TRACE}-${PARENT}-01`);
      const outbound = parseTraceparent(RequestContext.traceparentOf(values));
      expect(outbound).toEqual({ traceId: TRACE, parentId: values.spanId, flags: '01' });
      expect(values.spanId).not.toBe(PARENT);
    });

    it('should start a new trace (not sampled) when the caller sent none or an invalid one', () => {
      for (const header of [
        undefined,
        'garbage',
        `00-${'0'.repeat(32)}-${PARENT}-01`,
        `00-${TRACE}-${'0'.repeat(16)}-01`,
        `ff-${TRACE}-${PARENT}-01`,
        `00-${TRACE.toUpperCase()}-${PARENT}-01`,
      ]) {
        const values = newRequestContext('req-12345678', header);
        expect(values.traceId).toMatch(/^[\da-f]{32}$/);
        expect(values.traceId).not.toBe(TRACE);
        expect(values.traceFlags).toBe('00');
      }
    });
  });
});

describe(parseTraceparent.name, () => {
  it('should read a valid version-00 header and refuse anything else', () => {
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-01`)).toEqual({
      traceId: TRACE,
      parentId: PARENT,
      flags: '01',
    });
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-01-extra`)).toBeNull();
    expect(parseTraceparent(['a', 'b'])).toBeNull();
  });
});

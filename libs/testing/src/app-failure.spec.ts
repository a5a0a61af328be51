import { envelopeTextWithoutIds } from './app-failure.js';

describe(envelopeTextWithoutIds.name, () => {
  it('should leave out the random ids and keep everything the server chose to say', () => {
    const text = envelopeTextWithoutIds({
      error: {
        code: 'EGRESS_DENIED',
        message: 'refused 127.0.0.1:44927',
        request_id: 'fc954ff9-0bd0-442c-9a2f-536af6e3c804',
        trace_id: '471804e9df17449279cf65cd5167e57d',
      },
    });
    expect(text).toBe('{"error":{"code":"EGRESS_DENIED","message":"refused 127.0.0.1:44927"}}');
  });
});

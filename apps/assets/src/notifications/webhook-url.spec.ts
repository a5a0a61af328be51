import { EgressPolicy } from '../egress/index.js';
import { checkWebhookUrl } from './webhook-url.js';

describe(checkWebhookUrl.name, () => {
  const dev = new EgressPolicy({ production: false, protectedPorts: [8002], localAddresses: [] });
  const prod = new EgressPolicy({ production: true, localAddresses: [] });

  it('should accept https, and http only outside production', () => {
    expect(checkWebhookUrl('https://hooks.example.com/x', true, prod)).toEqual({
      ok: true,
      url: 'https://hooks.example.com/x',
    });
    expect(checkWebhookUrl('http://hooks.example.com/x', false, dev).ok).toBe(true);
    expect(checkWebhookUrl('http://hooks.example.com/x', true, prod)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(checkWebhookUrl('ftp://hooks.example.com/x', false, dev)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('not a url', false, dev)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('should refuse credentials and fragments in the URL', () => {
    expect(checkWebhookUrl('https://user:pw@hooks.example.com/', false, dev)).toMatchObject({
      ok: false,
      message: expect.stringContaining('credentials'),
    });
    expect(checkWebhookUrl('https://hooks.example.com/#x', false, dev)).toMatchObject({ ok: false });
  });

  it('should refuse destinations the egress policy denies without a lookup', () => {
    expect(checkWebhookUrl('http://169.254.169.254/latest', false, dev)).toMatchObject({
      ok: false,
      reason: 'denied',
    });
    expect(checkWebhookUrl('http://metadata.google.internal/', false, dev)).toMatchObject({
      ok: false,
      reason: 'denied',
    });
    expect(checkWebhookUrl('http://127.0.0.1:8002/assets', false, dev)).toMatchObject({
      ok: false,
      reason: 'denied',
    });
    expect(checkWebhookUrl('https://127.0.0.1/hook', true, prod)).toMatchObject({
      ok: false,
      reason: 'denied',
    });
    expect(checkWebhookUrl('http://127.0.0.1:18080/hook', false, dev).ok).toBe(true);
  });
});

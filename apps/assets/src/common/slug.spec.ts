import { slugOf } from './slug.js';

describe(slugOf.name, () => {
  it('should lowercase the name and join words with single dashes', () => {
    expect(slugOf('Customer Analytics DB', 128)).toBe('customer-analytics-db');
    expect(slugOf('  sales -- 2024 / Q1  ', 128)).toBe('sales-2024-q1');
  });

  it('should fold accents to their ASCII letters', () => {
    expect(slugOf('Données Clés', 128)).toBe('donnees-cles');
  });

  it('should cut to the cap without leaving a trailing dash', () => {
    expect(slugOf('a'.repeat(70), 63)).toBe('a'.repeat(63));
    expect(slugOf(`${'a'.repeat(62)} b`, 63)).toBe('a'.repeat(62));
  });

  it('should be empty when the name has no letter or digit', () => {
    expect(slugOf('—!?', 128)).toBe('');
  });
});

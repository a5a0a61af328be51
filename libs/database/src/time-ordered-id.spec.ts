import { timeOrderedUuid } from './time-ordered-id.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(timeOrderedUuid.name, () => {
  it('should be a UUIDv7 whose first 48 bits are the milliseconds given', () => {
    const id = timeOrderedUuid(0x0193_8a2b_3c4d);
    expect(id).toMatch(V7);
    expect(id.slice(0, 13)).toBe('01938a2b-3c4d');
  });

  it('should sort by time as text (and so as a PostgreSQL uuid), whatever the random bits', () => {
    const byId = new Map([5, 1, 4, 2, 3].map((step) => [timeOrderedUuid(1_764_800_000_000 + step), step]));
    expect([...byId.keys()].sort().map((id) => byId.get(id))).toEqual([1, 2, 3, 4, 5]);
  });

  it('should keep 74 random bits: ids of one millisecond differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1_764_800_000_000)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(V7);
  });

  it('should refuse a time outside 48 bits of milliseconds', () => {
    expect(() => timeOrderedUuid(-1)).toThrow(RangeError);
    expect(() => timeOrderedUuid(2 ** 48)).toThrow(RangeError);
    expect(() => timeOrderedUuid(1.5)).toThrow(RangeError);
  });
});

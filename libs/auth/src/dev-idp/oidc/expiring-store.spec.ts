import { ExpiringStore } from './expiring-store.js';

describe(ExpiringStore.name, () => {
  let now = 0;
  const store = () => new ExpiringStore<number>(() => now, 3);
  beforeEach(() => (now = 1000));

  it('should forget an entry when it expires', () => {
    const s = store();
    s.set('a', 1, now + 10);
    now += 9;
    expect(s.get('a')).toBe(1);
    now += 1;
    expect(s.get('a')).toBeUndefined();
  });

  it('should stay within its bound: expired entries first, then the oldest', () => {
    const s = store();
    s.set('a', 1, now + 10);
    s.set('b', 2, now + 100);
    s.set('c', 3, now + 100);
    now += 50;
    s.set('d', 4, now + 100);
    expect([...s.values()].map(([k]) => k)).toEqual(['b', 'c', 'd']);
    s.set('e', 5, now + 100);
    expect(s.size).toBe(3);
    expect(s.get('b')).toBeUndefined();
    expect(s.get('e')).toBe(5);
  });
});

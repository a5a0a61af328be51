import { globToLike, matchesFilters, validatePatterns } from './discovery-filter.js';

describe(globToLike.name, () => {
  it('should translate wildcards and escape LIKE metacharacters', () => {
    expect(globToLike('sales.*')).toBe('sales.%');
    expect(globToLike('a_b%c?\\')).toBe('a\\_b\\%c_\\\\');
  });
});

describe(matchesFilters.name, () => {
  it('should include then exclude', () => {
    const limits = { include: ['sales.*', 'hr.emp?'], exclude: ['sales.tmp_*'] };
    expect(matchesFilters('sales.orders', limits)).toBe(true);
    expect(matchesFilters('sales.tmp_x', limits)).toBe(false);
    expect(matchesFilters('hr.emp1', limits)).toBe(true);
    expect(matchesFilters('hr.employees', limits)).toBe(false);
    expect(matchesFilters('anything', { include: [], exclude: [] })).toBe(true);
  });

  it('should reject oversized or malformed pattern lists', () => {
    expect(() => validatePatterns(new Array(51).fill('a'), 'include')).toThrow(RangeError);
    expect(() => validatePatterns(['a\nb'], 'include')).toThrow(RangeError);
    expect(validatePatterns(undefined, 'include')).toEqual([]);
  });
});

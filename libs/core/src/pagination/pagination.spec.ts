import { pageOf } from './pagination.js';

describe(pageOf.name, () => {
  it('should compute neighbours in the middle', () => {
    expect(pageOf([1], 120, 2, 50).pagination).toEqual({
      page: 2,
      limit: 50,
      total_items: 120,
      total_pages: 3,
      next_page: 3,
      prev_page: 1,
    });
  });
  it('should use null at both ends and for an empty list', () => {
    expect(pageOf([], 0, 1, 20).pagination).toMatchObject({
      total_pages: 0,
      next_page: null,
      prev_page: null,
    });
    expect(pageOf([], 10, 1, 20).pagination).toMatchObject({
      total_pages: 1,
      next_page: null,
      prev_page: null,
    });
  });
  it('should point prev_page at the last page when page is past the end', () => {
    expect(pageOf([], 10, 5, 5).pagination).toMatchObject({ next_page: null, prev_page: 2 });
  });
});

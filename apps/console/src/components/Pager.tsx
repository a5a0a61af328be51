import { useEffect } from 'react';
import { updateQuery } from '../router.ts';

interface Pagination {
  page: number;
  total_pages: number;
  next_page: number | null;
  prev_page: number | null;
}

/** Previous / next over a paged answer; the page lives in the URL (`?page=`, or `param`). */
export function Pager({
  pagination,
  label = 'Pages',
  param = 'page',
  previous = 'Previous',
  next = 'Next',
}: {
  pagination: Pagination;
  label?: string;
  param?: string;
  previous?: string;
  next?: string;
}) {
  // A page past the last (its last item revoked or deleted, an old link): go to the last one.
  const { page, total_pages: last } = pagination;
  useEffect(() => {
    if (page > Math.max(last, 1)) updateQuery({ [param]: last > 1 ? last : null });
  }, [page, last, param]);
  if (pagination.total_pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="secondary"
        disabled={!pagination.prev_page}
        onClick={() => updateQuery({ [param]: pagination.prev_page }, false)}
      >
        {previous}
      </button>
      <span>
        Page {pagination.page} of {pagination.total_pages}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={!pagination.next_page}
        onClick={() => updateQuery({ [param]: pagination.next_page }, false)}
      >
        {next}
      </button>
    </nav>
  );
}

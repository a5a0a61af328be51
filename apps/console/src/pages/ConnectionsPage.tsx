import { useState } from 'react';
import type { assets } from '@sdk';
import { useSession } from '../session.ts';
import { hrefOf, updateQuery, useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { CONNECTION_TYPES, HEALTHS, SORTS, STATUSES } from '../constants.ts';
import { Select } from '../components/Select.tsx';
import { Badge } from '../components/Badge.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { Pager } from '../components/Pager.tsx';

type Query = NonNullable<assets.operations['listConnections']['parameters']['query']>;
type Page = assets.components['schemas']['ConnectionPageDto'];
const FILTERS = ['search', 'connection_type', 'status', 'health', 'tags', 'sort', 'page'] as const;

/** The API's own query parameters, straight from the URL. */
function queryOf(params: URLSearchParams): Query {
  const query: Record<string, string | number> = { limit: 20 };
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query[name] = name === 'page' ? Number(value) : value;
  }
  return query as Query;
}

export default function ConnectionsPage() {
  const { assets: api } = useSession();
  const { query } = useLocation();
  const project = query.get('project');
  const filters = queryOf(query);
  const key = JSON.stringify([project, filters]);
  const page = useLoad(
    async () =>
      (await api.withProject(project).GET('/assets/data', { params: { query: filters } })).data as Page,
    key,
  );
  const set = (name: string) => (value: string) => updateQuery({ [name]: value, page: null });
  return (
    <section aria-labelledby="connections-title">
      <div className="title-row">
        <h1 id="connections-title">Connections</h1>
        <Link className="button" href={hrefOf('/connections/new', { project })}>
          New connection
        </Link>
      </div>
      <SearchBox initial={query.get('search') ?? ''} />
      <div className="filters" role="group" aria-label="Filters">
        <Select
          id="f-type"
          label="Type"
          any="Any type"
          value={query.get('connection_type') ?? ''}
          options={CONNECTION_TYPES}
          onChange={set('connection_type')}
        />
        <Select
          id="f-status"
          label="Status"
          any="Any status"
          value={query.get('status') ?? ''}
          options={STATUSES}
          onChange={set('status')}
        />
        <Select
          id="f-health"
          label="Health"
          any="Any health"
          value={query.get('health') ?? ''}
          options={HEALTHS}
          onChange={set('health')}
        />
        <TagFilter initial={query.get('tags') ?? ''} />
        <Select
          id="f-sort"
          label="Sort"
          value={query.get('sort') ?? '-updated_at'}
          options={SORTS}
          onChange={set('sort')}
        />
      </div>
      <ErrorNotice error={page.error} retry={page.reload} />
      <p className="status-line" aria-live="polite">
        {page.loading ? 'Loading…' : page.data ? `${page.data.pagination.total_items} connection(s)` : ''}
      </p>
      {page.data && page.data.data.length === 0 && !page.loading && (
        <div className="empty">
          <p>No connection matches.</p>
          <Link href={hrefOf('/connections/new', { project })}>Create the first one</Link>
        </div>
      )}
      {page.data && page.data.data.length > 0 && <ConnectionTable rows={page.data.data} project={project} />}
      {page.data && <Pager pagination={page.data.pagination} />}
    </section>
  );
}

function SearchBox({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <form
      role="search"
      className="search"
      onSubmit={(e) => {
        e.preventDefault();
        updateQuery({ search: value.trim(), page: null });
      }}
    >
      <label htmlFor="search">Search name or description</label>
      <input id="search" type="search" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

function TagFilter({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <div className="field">
      <label htmlFor="f-tags">Tags (all must match)</label>
      <input
        id="f-tags"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => updateQuery({ tags: value.replace(/\s+/g, ''), page: null })}
        onKeyDown={(e) => e.key === 'Enter' && updateQuery({ tags: value.replace(/\s+/g, ''), page: null })}
      />
    </div>
  );
}

function ConnectionTable({ rows, project }: { rows: Page['data']; project: string | null }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Connections</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Health</th>
            <th scope="col" className="narrow-hide">
              Tags
            </th>
            <th scope="col" className="narrow-hide">
              Updated
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.resource_uri}>
              <td>
                <Link href={hrefOf(`/connections/${encodeURIComponent(c.resource_uri)}`, { project })}>
                  {c.name}
                </Link>
              </td>
              <td>{c.connection_type}</td>
              <td>
                <Badge value={c.status} />
              </td>
              <td>
                <Badge value={c.health} />
              </td>
              <td className="narrow-hide">{c.tags.join(', ')}</td>
              <td className="narrow-hide">
                <time dateTime={c.updated_at}>{new Date(c.updated_at).toLocaleString()}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { Fragment } from 'react';
import type { governance } from '@sdk';
import { useSession } from '../session.ts';
import { updateQuery, useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { fieldErrorsOf, statusOf } from '../errors.ts';
import { AUDIT_FILTERS, AuditFilters } from '../components/AuditFilters.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Pager } from '../components/Pager.tsx';

type Query = NonNullable<governance.operations['listAuditEvents']['parameters']['query']>;
type Event = governance.components['schemas']['AuditEventDto'];
type EventPage = governance.components['schemas']['AuditPageDto'];

/** The API's query, straight from the URL; the project is the one picked in the header. */
function queryOf(params: URLSearchParams): Query {
  const query: Query = { limit: 25 };
  for (const name of AUDIT_FILTERS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  const project = params.get('project');
  if (project) query.project_id = project;
  const page = Number(params.get('page'));
  if (page > 1) query.page = page;
  return query;
}

/** The org's audit log (org owners and admins), newest first, filtered through the URL. */
export default function AuditLogPage() {
  const { governance: api, org } = useSession();
  const { query } = useLocation();
  const project = query.get('project');
  const filters = queryOf(query);
  const key = JSON.stringify(filters);
  const events = useLoad(
    async () => (await api.GET('/governance/audit', { params: { query: filters } })).data as EventPage,
    key,
  );
  const status = statusOf(events.error);
  const refused = status === 403 || status === 404;
  const fieldErrors = fieldErrorsOf(events.error);
  const list = events.data?.data ?? [];
  const filterKey = AUDIT_FILTERS.map((name) => query.get(name) ?? '').join('\u0000');

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      {refused ? (
        <p className="notice error" role="alert">
          Only org owners and admins can read the audit log.
        </p>
      ) : (
        <>
          <p className="muted">
            {project ? (
              <>
                Events of project <strong>{project}</strong>.{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => updateQuery({ project: null, page: null })}
                >
                  Show the whole organization
                </button>
              </>
            ) : (
              <>
                Events of every project in {org}, and of the organization itself. Pick a project in the header
                to narrow them.
              </>
            )}
          </p>
          <AuditFilters key={filterKey} current={query} errors={fieldErrors} />
          {fieldErrors.length === 0 && <ErrorNotice error={events.error} retry={events.reload} />}
          <p className="status-line" aria-live="polite">
            {events.loading
              ? 'Loading…'
              : events.data
                ? `${events.data.pagination.total_items} event(s)`
                : ''}
          </p>
          {events.data && list.length === 0 && !events.loading && (
            <div className="empty">
              <p>No event matches these filters.</p>
            </div>
          )}
          {list.length > 0 && <EventTable events={list} />}
          {events.data && <Pager pagination={events.data.pagination} label="Audit pages" />}
        </>
      )}
    </section>
  );
}

function EventTable({ events }: { events: Event[] }) {
  return (
    <div className="table-wrap">
      <table className="audit">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">Actor</th>
            <th scope="col">Resource</th>
            <th scope="col">Project</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <Cell label="Time">
                <time dateTime={e.timestamp}>{new Date(e.timestamp).toLocaleString()}</time>
              </Cell>
              <Cell label="Action">
                <code>
                  <Dotted text={e.action} />
                </code>
                <EventDetails event={e} />
              </Cell>
              <Cell label="Actor">
                {e.actor_id} <span className="muted small">({e.actor_type})</span>
              </Cell>
              <Cell label="Resource">
                {e.resource_type}
                {e.resource_id && (
                  <>
                    <br />
                    <code className="small">{e.resource_id}</code>
                  </>
                )}
              </Cell>
              <Cell label="Project">{e.project_id ?? <span className="muted">none</span>}</Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A cell whose column name shows beside it where the table is laid out as a list (narrow screens). */
function Cell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <td data-label={label}>
      <div>{children}</div>
    </td>
  );
}

/** What the event carries besides its columns: the service that wrote it, its request, its details. */
function EventDetails({ event }: { event: Event }) {
  const details = Object.entries(event.details);
  return (
    <details className="event-details">
      <summary>Details</summary>
      <dl className="meta small">
        <dt>Source</dt>
        <dd>{event.source_service}</dd>
        <dt>Request</dt>
        <dd>
          <code>{event.request_id ?? '—'}</code>
        </dd>
        {event.trace_id && (
          <>
            <dt>Trace</dt>
            <dd>
              <code>{event.trace_id}</code>
            </dd>
          </>
        )}
        {details.map(([name, value]) => (
          <Detail key={name} name={name} value={value} />
        ))}
      </dl>
    </details>
  );
}

function Detail({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>
        <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
      </dd>
    </>
  );
}

/** A dotted name that wraps after its dots on a narrow screen. */
function Dotted({ text }: { text: string }) {
  return text.split('.').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          .<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}

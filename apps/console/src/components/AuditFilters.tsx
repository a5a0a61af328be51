import { useState } from 'react';
import { updateQuery } from '../router.ts';
import { fieldMessage, type FieldError } from '../errors.ts';
import { TextField } from './TextField.tsx';

/** The audit API's own filter names, kept as they are in the URL. */
export const AUDIT_FILTERS = [
  'actor_id',
  'action',
  'resource_type',
  'resource_id',
  'resource_id_prefix',
  'start_time',
  'end_time',
] as const;
type Filter = (typeof AUDIT_FILTERS)[number];
type Values = Record<Filter, string>;

// Suggestions only: the field takes any action.
const KNOWN_ACTIONS = [
  'data_connection.create',
  'data_connection.update',
  'data_connection.delete',
  'data_connection.verify',
  'data_connection.secret.read',
  'data_connection.secret.write',
  'data_connection.ssh_key.rotate',
  'data_connection.ssh_host_key.approve',
  'secret.create',
  'secret.read',
  'secret.update',
  'secret.delete',
  'grant.create',
  'grant.delete',
  'project.create',
  'organization.create',
  'storage.connection.use',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value (the browser's time zone); '' when it is not one. */
export function localOf(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the browser's time zone) as an ISO instant; '' for none. */
export function isoOf(local: string): string {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : '';
}

/** The filter form: edits stay local until applied, then everything goes into the URL. */
export function AuditFilters({ current, errors }: { current: URLSearchParams; errors: FieldError[] }) {
  const initial = Object.fromEntries(
    AUDIT_FILTERS.map((name) => {
      const value = current.get(name) ?? '';
      return [name, name.endsWith('_time') ? localOf(value) : value];
    }),
  ) as Values;
  const [values, setValues] = useState<Values>(initial);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const set = (name: Filter) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const field = (name: Filter, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={`a-${name}`}
      label={label}
      value={values[name]}
      onChange={set(name)}
      error={fieldMessage(errors, name) ?? (name === 'end_time' ? rangeError : undefined)}
      {...extra}
    />
  );

  const apply = () => {
    const start = isoOf(values.start_time);
    const end = isoOf(values.end_time);
    if (start && end && end < start) {
      setRangeError('must be after the start');
      return;
    }
    setRangeError(undefined);
    const trimmed = Object.fromEntries(AUDIT_FILTERS.map((name) => [name, values[name].trim()]));
    updateQuery({ ...trimmed, start_time: start, end_time: end, page: null }, false);
  };

  return (
    <form
      role="search"
      aria-label="Audit filters"
      className="audit-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="filters">
        {field('action', 'Action', { placeholder: 'e.g. secret.read', list: 'a-actions' })}
        {field('actor_id', 'Actor id')}
        {field('resource_type', 'Resource type', { placeholder: 'e.g. data_connection' })}
        {field('resource_id', 'Resource id')}
        {field('resource_id_prefix', 'Resource id starts with')}
        {field('start_time', 'From', { type: 'datetime-local' })}
        {field('end_time', 'Until', { type: 'datetime-local' })}
      </div>
      <datalist id="a-actions">
        {KNOWN_ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="actions">
        <button type="submit">Apply filters</button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            updateQuery({ ...Object.fromEntries(AUDIT_FILTERS.map((n) => [n, null])), page: null }, false)
          }
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import type { StoredObject } from '@sdk';
import { useSession } from '../session.ts';
import { updateQuery, useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { TextField } from '../components/TextField.tsx';
import { StorageUpload } from '../components/StorageUpload.tsx';
import { StorageObjectRow } from '../components/StorageObjectRow.tsx';
import { StorageConnectionSelect } from '../components/StorageConnectionSelect.tsx';

const SOLUTION = /^[a-z0-9-]{1,63}$/;
const DEFAULT_SOLUTION = 'default';

/** Shared storage of the selected project: one solution's objects by key prefix, page by page. */
export default function StoragePage() {
  const { assets: api } = useSession();
  const { query } = useLocation();
  const project = query.get('project');
  const solution = query.get('solution') || DEFAULT_SOLUTION;
  const prefix = query.get('prefix') ?? '';
  const connection = query.get('connection') || undefined;
  const cursor = query.get('cursor') || undefined;
  const [version, setVersion] = useState(0);
  const storage = api.withProject(project).storage;
  const page = useLoad(
    () => storage.list({ solution, prefix: prefix || undefined, cursor, limit: 50 }, { connection }),
    JSON.stringify([project, solution, prefix, connection, cursor, version]),
  );
  const reload = () => setVersion((v) => v + 1);

  return (
    <section aria-labelledby="storage-title">
      <h1 id="storage-title">Storage</h1>
      {!project && (
        <p className="notice warn" role="status">
          Pick a project: shared storage belongs to one.
        </p>
      )}
      <div className="toolbar">
        <StorageConnectionSelect project={project} value={connection ?? ''} />
      </div>
      <LocationForm solution={solution} prefix={prefix} />
      <Breadcrumbs solution={solution} prefix={prefix} />
      <StorageUpload
        storage={storage}
        solution={solution}
        prefix={prefix}
        connection={connection}
        onUploaded={reload}
      />
      <ErrorNotice error={page.error} retry={page.reload} />
      <p className="status-line" aria-live="polite">
        {page.loading
          ? 'Loading…'
          : page.data
            ? `${page.data.data.length} object(s) on this page${page.data.next_cursor ? ', more on the next' : ''}`
            : ''}
      </p>
      {page.data && page.data.data.length === 0 && !page.loading && (
        <div className="empty">
          <p>
            {prefix
              ? `Nothing under ${solution}/${prefix}.`
              : `The ${solution} solution holds no objects yet.`}
          </p>
        </div>
      )}
      {page.data && page.data.data.length > 0 && (
        <ObjectTable
          objects={page.data.data}
          solution={solution}
          onDelete={async (key) => {
            await storage.delete(key, { connection });
            reload();
          }}
          download={(key) => storage.get(key, { connection })}
        />
      )}
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          className="secondary"
          disabled={!cursor}
          onClick={() => updateQuery({ cursor: null }, false)}
        >
          First page
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!page.data?.next_cursor}
          onClick={() => updateQuery({ cursor: page.data?.next_cursor }, false)}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

/** Solution and prefix, applied together (the URL keeps them). */
function LocationForm({ solution, prefix }: { solution: string; prefix: string }) {
  const [values, setValues] = useState({ solution, prefix });
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="toolbar"
      aria-label="Location"
      onSubmit={(e) => {
        e.preventDefault();
        const next = values.solution.trim();
        setInvalid(!SOLUTION.test(next));
        if (SOLUTION.test(next))
          updateQuery({ solution: next, prefix: values.prefix.trim(), cursor: null }, false);
      }}
    >
      <TextField
        id="s-solution"
        label="Solution"
        value={values.solution}
        onChange={(solution) => setValues({ ...values, solution })}
        error={invalid ? 'Lower-case letters, digits and dashes, up to 63.' : undefined}
      />
      <TextField
        id="s-prefix"
        label="Key prefix"
        value={values.prefix}
        placeholder="reports/2026/"
        onChange={(prefix) => setValues({ ...values, prefix })}
      />
      <button type="submit">List</button>
    </form>
  );
}

/** The prefix as a path: each folder a step back up. */
function Breadcrumbs({ solution, prefix }: { solution: string; prefix: string }) {
  const folders = prefix.split('/').filter(Boolean);
  return (
    <nav aria-label="Folder" className="crumbs">
      <button
        type="button"
        className="link"
        onClick={() => updateQuery({ prefix: null, cursor: null }, false)}
      >
        {solution}
      </button>
      {folders.map((folder, i) => (
        <span key={i}>
          {' / '}
          <button
            type="button"
            className="link"
            aria-current={i === folders.length - 1 ? 'location' : undefined}
            onClick={() =>
              updateQuery({ prefix: `${folders.slice(0, i + 1).join('/')}/`, cursor: null }, false)
            }
          >
            {folder}
          </button>
        </span>
      ))}
    </nav>
  );
}

function ObjectTable(props: {
  objects: StoredObject[];
  solution: string;
  onDelete: (key: string) => Promise<void>;
  download: (key: string) => ReturnType<ReturnType<typeof useSession>['assets']['storage']['get']>;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Objects</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Size</th>
            <th scope="col" className="narrow-hide">
              Type
            </th>
            <th scope="col" className="narrow-hide">
              Modified
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.objects.map((object) => (
            <StorageObjectRow
              key={object.key}
              object={object}
              solution={props.solution}
              onDelete={props.onDelete}
              download={props.download}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

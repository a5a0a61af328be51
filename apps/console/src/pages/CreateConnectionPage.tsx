import { useMemo, useState } from 'react';
import Form from '@rjsf/core';
import { useSession } from '../session.ts';
import { useConnectionTypes, type ConnectionType } from '../connection-types.ts';
import { hrefOf, navigate, updateQuery, useLocation } from '../router.ts';
import { fieldErrorsOf } from '../errors.ts';
import { errorSchemaOf, pageFormUiSchemaOf, wizardSchemaOf } from '../forms.ts';
import { schemaValidator } from '../schema-validator.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { TypePicker } from '../components/TypePicker.tsx';
import { VerifyReport, type Report } from '../components/VerifyReport.tsx';
import { TablePicker } from '../components/TablePicker.tsx';
import { Select } from '../components/Select.tsx';

type Values = Record<string, unknown> & {
  name?: string;
  description?: string;
  tags?: string;
  credentials?: Record<string, unknown>;
};

/** Choose a type → fill the generated form → verify (the report) → choose tables → save. */
export default function CreateConnectionPage() {
  const { query } = useLocation();
  const types = useConnectionTypes();
  const chosen = types.data?.find((t) => t.type === query.get('type'));
  return (
    <section aria-labelledby="create-title">
      <h1 id="create-title">New connection</h1>
      <ErrorNotice error={types.error} retry={types.reload} />
      {types.loading && !types.data && <p aria-live="polite">Loading types…</p>}
      {types.data && !chosen && (
        <>
          <h2>1. Choose a type</h2>
          <TypePicker types={types.data} onPick={(type) => updateQuery({ type, auth: null }, false)} />
        </>
      )}
      {chosen && (
        <Wizard
          key={chosen.type}
          type={chosen}
          project={query.get('project')}
          authType={query.get('auth')}
          sshTunnel={chosen.supports_ssh_tunnel && query.get('ssh') === '1'}
        />
      )}
    </section>
  );
}

function Wizard(props: {
  type: ConnectionType;
  project: string | null;
  authType: string | null;
  sshTunnel: boolean;
}) {
  const { type, project, authType, sshTunnel } = props;
  const { assets: api } = useSession();
  const auth = type.auth_methods.find((m) => m.auth_type === authType) ?? type.auth_methods[0]!;
  const schema = useMemo(
    () => wizardSchemaOf(type.config_key, type.config_schema, auth.credentials_schema, sshTunnel),
    [type, auth, sshTunnel],
  );
  const uiSchema = useMemo(() => pageFormUiSchemaOf(schema as Record<string, unknown>), [schema]);
  // Credentials live only here, in memory, and go when the page does; never in the URL.
  const [values, setValues] = useState<Values>({});
  const [report, setReport] = useState<Report | null>(null);
  const [tables, setTables] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'verify' | 'save' | null>(null);
  const settings = () => ({
    ...((values[type.config_key] as object | undefined) ?? {}),
    auth_type: auth.auth_type,
  });

  const verify = async (submitted: Values) => {
    setValues(submitted);
    setBusy('verify');
    setError(null);
    setReport(null);
    try {
      const body = {
        connection_type: type.type,
        [type.config_key]: {
          ...((submitted[type.config_key] as object | undefined) ?? {}),
          auth_type: auth.auth_type,
        },
        credentials: submitted.credentials ?? {},
      };
      const { data } = await api.withProject(project).POST('/assets/data/verify', { body: body as never });
      setReport(data as Report);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setBusy('save');
    setError(null);
    try {
      const tags = (values.tags ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const body = {
        name: values.name,
        ...(values.description ? { description: values.description } : {}),
        ...(tags.length ? { tags } : {}),
        connection_type: type.type,
        [type.config_key]: { ...settings(), ...(tables.length ? { selected_tables: tables } : {}) },
        credentials: values.credentials ?? {},
      };
      const { data } = await api.withProject(project).POST('/assets/data', { body: body as never });
      setValues({});
      navigate(
        hrefOf(`/connections/${encodeURIComponent((data as { resource_uri: string }).resource_uri)}`, {
          project,
          created: 1,
        }),
      );
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  // Tags are one text field here: an error on `tags.2` belongs to it.
  const fieldErrors = fieldErrorsOf(error).map((f) => ({
    ...f,
    field: f.field.replace(/^tags\.\d+$/, 'tags'),
  }));
  return (
    <>
      <p>
        <button type="button" className="link" onClick={() => updateQuery({ type: null, auth: null }, false)}>
          ← Choose another type
        </button>
      </p>
      <h2>2. {type.display_name} settings and credentials</h2>
      {type.auth_methods.length > 1 && (
        <Select
          id="auth-method"
          label="Authentication method"
          value={auth.auth_type}
          options={type.auth_methods.map((m) => [m.auth_type, m.display_name] as [string, string])}
          onChange={(value) => updateQuery({ auth: value })}
        />
      )}
      <p className="muted small">{auth.description}</p>
      {type.supports_ssh_tunnel && (
        <label className="check">
          <input
            type="checkbox"
            checked={sshTunnel}
            onChange={(e) => updateQuery({ ssh: e.target.checked ? '1' : null })}
          />
          Reach the database through an SSH tunnel (bastion)
        </label>
      )}
      <Form
        schema={schema}
        uiSchema={uiSchema}
        validator={schemaValidator}
        formData={values}
        onChange={(e) => {
          setValues(e.formData as Values);
          setReport(null);
        }}
        onSubmit={(e) => void verify(e.formData as Values)}
        extraErrors={errorSchemaOf(fieldErrors)}
        showErrorList={false}
        onError={() => setError(null)}
        noHtml5Validate
        idPrefix="cfg"
      >
        <div className="actions">
          <button type="submit" disabled={busy !== null}>
            {busy === 'verify' ? 'Verifying…' : 'Verify'}
          </button>
        </div>
      </Form>
      {!report?.success && <Problem error={error} fieldErrors={fieldErrors.length} />}
      {report && <VerifyReport report={report} />}
      {report?.success && (
        <>
          <h2>3. Tables</h2>
          <TablePicker schemas={report.details.schemas ?? []} selected={tables} onChange={setTables} />
          <div className="actions">
            <button type="button" onClick={() => void save()} disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save connection'}
            </button>
          </div>
          <Problem error={error} fieldErrors={fieldErrors.length} />
        </>
      )}
    </>
  );
}

/** Shown by the button that failed: the envelope's message, or a pointer to the fields it marked. */
function Problem({ error, fieldErrors }: { error: unknown; fieldErrors: number }) {
  if (!error) return null;
  if (fieldErrors === 0) return <ErrorNotice error={error} />;
  return (
    <p className="field-error" role="alert">
      Please correct the fields marked above.
    </p>
  );
}

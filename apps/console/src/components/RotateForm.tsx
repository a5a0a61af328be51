import { useMemo, useState } from 'react';
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { AssetsApiError, type assets } from '@sdk';
import { useSession } from '../session.ts';
import type { ConnectionType } from '../connection-types.ts';
import { fieldErrorsOf } from '../errors.ts';
import { errorSchemaOf, formSchemaOf, pageFormUiSchemaOf } from '../forms.ts';
import { schemaValidator } from '../schema-validator.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Select } from './Select.tsx';

export type Rotation = assets.components['schemas']['RotationDto'];
type Values = { credentials?: Record<string, unknown>; grace_period_seconds?: number };

/** The rotation form: new credentials as the auth method's schema asks, and the grace period. */
function rotationSchemaOf(credentials: Record<string, unknown>, tunnelCredentials: boolean): RJSFSchema {
  return {
    type: 'object',
    required: ['credentials'],
    properties: {
      credentials: {
        ...formSchemaOf(credentials, tunnelCredentials ? [] : ['ssh_tunnel']),
        title: 'New credentials',
      },
      grace_period_seconds: {
        type: 'integer',
        title: 'Grace period (seconds)',
        minimum: 0,
        maximum: 604_800,
        description:
          'How long the replaced credentials stay readable after the switch (0: retired at once; empty: the deployment default, 1 hour).',
      },
    },
  } as RJSFSchema;
}

/**
 * Starts a rotation (needs can_manage_secrets). The credentials live in this form's state only,
 * are sent once to the API and dropped when it answers; the answer never contains them.
 */
export function RotateForm(props: {
  type: ConnectionType;
  config: Record<string, unknown>;
  resourceUri: string;
  project: string | null;
  onDone: (rotation: Rotation) => void;
  onCancel: () => void;
}) {
  const { type, config } = props;
  const { assets: api } = useSession();
  const [authType, setAuthType] = useState(String(config.auth_type ?? type.default_auth_type));
  const auth = type.auth_methods.find((m) => m.auth_type === authType) ?? type.auth_methods[0]!;
  const tunnel = config.ssh_tunnel as { auth_method?: string } | undefined;
  const tunnelCredentials = tunnel?.auth_method === 'private_key' || tunnel?.auth_method === 'password';
  const schema = useMemo(
    () => rotationSchemaOf(auth.credentials_schema, tunnelCredentials),
    [auth, tunnelCredentials],
  );
  const uiSchema = useMemo(() => pageFormUiSchemaOf(schema as Record<string, unknown>), [schema]);
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const rotate = async (submitted: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await api.withProject(props.project).POST('/assets/data/{resource_uri}/rotations', {
        params: { path: { resource_uri: props.resourceUri } },
        body: {
          credentials: submitted.credentials ?? {},
          ...(auth.auth_type !== config.auth_type ? { auth_type: auth.auth_type } : {}),
          ...(submitted.grace_period_seconds !== undefined
            ? { grace_period_seconds: submitted.grace_period_seconds }
            : {}),
        },
      });
      setValues({});
      props.onDone(data as Rotation);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = fieldErrorsOf(error);
  const forbidden = error instanceof AssetsApiError && error.status === 403;
  return (
    <div className="rotate-form">
      {type.auth_methods.length > 1 && (
        <Select
          id="rotate-auth"
          label="Authentication method"
          value={auth.auth_type}
          options={type.auth_methods.map((m) => [m.auth_type, m.display_name] as [string, string])}
          onChange={(value) => {
            setAuthType(value);
            setValues({});
          }}
        />
      )}
      <p className="muted small">{auth.description}</p>
      <Form
        key={auth.auth_type}
        schema={schema}
        uiSchema={uiSchema}
        validator={schemaValidator}
        formData={values}
        onChange={(e) => setValues(e.formData as Values)}
        onSubmit={(e) => void rotate(e.formData as Values)}
        extraErrors={errorSchemaOf(fieldErrors)}
        showErrorList={false}
        onError={() => setError(null)}
        noHtml5Validate
        idPrefix="rot"
      >
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Rotating…' : 'Rotate'}
          </button>
          <button type="button" className="secondary" onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
        </div>
      </Form>
      {forbidden ? (
        <p className="notice error" role="alert">
          You may not rotate these credentials: it takes can_manage_secrets on this connection (its creator,
          the project's developers and admins, the organization's admins).
        </p>
      ) : fieldErrors.length > 0 ? (
        <p className="field-error" role="alert">
          Please correct the fields marked above.
        </p>
      ) : (
        <ErrorNotice error={error} />
      )}
    </div>
  );
}

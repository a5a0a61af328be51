import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldError } from './errors.ts';
import { PemKeyWidget } from './components/PemKeyWidget.tsx';

type Schema = Record<string, unknown>;

/**
 * The type's schema as the form shows it: `$schema`/`$id` dropped (the form validates with its
 * own dialect; the API is the judge), and fields the wizard asks for itself removed.
 */
export function formSchemaOf(schema: Schema, omit: string[] = []): Schema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  const properties: Record<string, Schema> = {};
  for (const [name, property] of Object.entries(
    (rest.properties as Record<string, Schema> | undefined) ?? {},
  ))
    if (!omit.includes(name)) properties[name] = titled(name, property);
  const required = ((rest.required as string[] | undefined) ?? []).filter((name) => !omit.includes(name));
  return { ...rest, properties, required };
}

const ACRONYMS: Record<string, string> = {
  ssl: 'SSL',
  ssh: 'SSH',
  db: 'DB',
  tls: 'TLS',
  ca: 'CA',
  url: 'URL',
  id: 'ID',
  pem: 'PEM',
};

/** `db_schema` → "DB schema": a label for fields the schema gives no title. */
export function labelOf(name: string): string {
  const words = name.split('_').map((word) => ACRONYMS[word] ?? word);
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

function titled(name: string, property: Schema): Schema {
  const withTitle = { title: labelOf(name), ...property };
  if (property.type !== 'object' || !property.properties) return withTitle;
  const properties: Record<string, Schema> = {};
  for (const [key, value] of Object.entries(property.properties as Record<string, Schema>))
    properties[key] = titled(key, value);
  return { ...withTitle, properties };
}

/** A secret PEM block (a private key): its pattern asks for `-----BEGIN …`. */
export function isPemSecret(property: Schema): boolean {
  return (
    property.type === 'string' &&
    property.writeOnly === true &&
    typeof property.pattern === 'string' &&
    property.pattern.includes('-----BEGIN')
  );
}

/**
 * Every secret field (writeOnly or format password) is a password input that the browser never
 * autofills, except a private key: loaded from a file or pasted, and never shown (PemKeyWidget).
 */
export function uiSchemaOf(schema: Schema): UiSchema {
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const ui: UiSchema = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'object') ui[name] = uiSchemaOf(property);
    else if (isPemSecret(property)) ui[name] = { 'ui:widget': PemKeyWidget };
    else if (property.writeOnly === true || property.format === 'password')
      ui[name] = { 'ui:widget': 'password', 'ui:autocomplete': 'new-password' };
    else if (
      typeof property.maxLength === 'number' &&
      property.maxLength > 2048 &&
      property.type === 'string'
    )
      ui[name] = { 'ui:widget': 'textarea' };
  }
  return ui;
}

/** The UI schema of a form whose buttons the page draws itself (verify, save, rotate). */
export function pageFormUiSchemaOf(schema: Schema): UiSchema {
  return { ...uiSchemaOf(schema), 'ui:submitButtonOptions': { norender: true } };
}

/** The wizard's one form: name, description and tags, then the settings and the credentials. */
export function wizardSchemaOf(
  configKey: string,
  config: Schema,
  credentials: Schema,
  sshTunnel: boolean,
): RJSFSchema {
  // The tunnel is opt-in: an optional object with required fields would otherwise always be asked.
  const omitted = sshTunnel ? [] : ['ssh_tunnel'];
  return {
    type: 'object',
    required: ['name', configKey, 'credentials'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1, maxLength: 255 },
      description: { type: 'string', title: 'Description', maxLength: 1000 },
      tags: { type: 'string', title: 'Tags (comma-separated)' },
      [configKey]: {
        ...formSchemaOf(config, ['auth_type', 'selected_tables', ...omitted]),
        title: 'Settings',
      },
      credentials: { ...formSchemaOf(credentials, omitted), title: 'Credentials' },
    },
  } as RJSFSchema;
}

/** The envelope's `fields[].field` (`database_config.host`) placed on the form field it names. */
export function errorSchemaOf(fields: FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { field, message } of fields) {
    let node = root;
    for (const part of field.split('.').filter(Boolean)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const errors = (node.__errors as string[] | undefined) ?? [];
    node.__errors = [...errors, message];
  }
  return root as ErrorSchema;
}

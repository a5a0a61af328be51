import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldError } from './errors.ts';

type Schema = Record<string, unknown>;

/**
 * The type's schema as the form shows it: `$schema`/`$id` dropped (the form validates with its
 * own dialect; the API is the judge), and fields the wizard asks for itself removed.
 */
export function formSchemaOf(schema: Schema, omit: string[] = []): Schema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  const properties = { ...((rest.properties as Record<string, Schema> | undefined) ?? {}) };
  for (const name of omit) delete properties[name];
  const required = ((rest.required as string[] | undefined) ?? []).filter((name) => !omit.includes(name));
  return { ...rest, properties, required };
}

/** Every secret field (writeOnly or format password) is a password input that the browser never autofills. */
export function uiSchemaOf(schema: Schema): UiSchema {
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const ui: UiSchema = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'object') ui[name] = uiSchemaOf(property);
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

/** The wizard's one form: name, description and tags, then the settings and the credentials. */
export function wizardSchemaOf(configKey: string, config: Schema, credentials: Schema): RJSFSchema {
  return {
    type: 'object',
    required: ['name', configKey, 'credentials'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1, maxLength: 255 },
      description: { type: 'string', title: 'Description', maxLength: 1000 },
      tags: { type: 'string', title: 'Tags (comma-separated)' },
      [configKey]: { ...formSchemaOf(config, ['auth_type', 'selected_tables']), title: 'Settings' },
      credentials: { ...formSchemaOf(credentials), title: 'Credentials' },
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

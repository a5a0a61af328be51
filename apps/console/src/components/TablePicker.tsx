import type { Report } from './VerifyReport.tsx';

/** `schema.table` names from the discovery, to limit the connection to some of them (none: all). */
export function TablePicker(props: {
  schemas: NonNullable<Report['details']['schemas']>;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const toggle = (name: string, on: boolean) =>
    props.onChange(on ? [...props.selected, name] : props.selected.filter((n) => n !== name));
  if (props.schemas.length === 0) return <p className="empty">Discovery found no table.</p>;
  return (
    <fieldset className="tables">
      <legend>Tables this connection may use (none selected: all)</legend>
      {props.schemas.map((schema) => (
        <div key={schema.name} className="table-group">
          <h3>{schema.name}</h3>
          {schema.tables.length === 0 && <p className="muted small">No table</p>}
          {schema.tables.map((table) => {
            const name = `${schema.name}.${table.name}`;
            return (
              <label key={name} className="check">
                <input
                  type="checkbox"
                  checked={props.selected.includes(name)}
                  onChange={(e) => toggle(name, e.target.checked)}
                />
                {name} <span className="muted small">{table.type}</span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}

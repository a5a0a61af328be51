import { useState, type ChangeEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';

/** The API's limit on a PEM field (PEM_MAX_LENGTH). */
const PEM_MAX = 16 * 1024;
const PEM = /^\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\s\S]+-----END [A-Z0-9 ]{1,64}-----\s*$/;

/** Why a text is no key this field takes, or null. */
export function pemProblemOf(text: string): string | null {
  if (text.length > PEM_MAX) return `The file is over ${PEM_MAX / 1024} KiB: no private key is that large.`;
  if (!PEM.test(text)) return 'This is not a PEM key: expected a -----BEGIN … PRIVATE KEY----- block.';
  return null;
}

/**
 * A private key (PEM) loaded from a file (FileReader, in the browser) or pasted: it goes into the
 * form's data only, to be sent to the API with the rest, and is never rendered back (a password
 * input would also drop its line breaks). Only its size and origin are shown.
 */
export function PemKeyWidget(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly } = props;
  const [origin, setOrigin] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const take = (text: string, from: string) => {
    const wrong = pemProblemOf(text);
    setProblem(wrong);
    if (wrong) return;
    setOrigin(from);
    onChange(text.trim() + '\n');
  };
  const load = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > PEM_MAX) return void setProblem(pemProblemOf('x'.repeat(PEM_MAX + 1)));
    const reader = new FileReader();
    reader.onload = () => take(String(reader.result ?? ''), file.name);
    reader.onerror = () => setProblem(`The file ${file.name} could not be read.`);
    reader.readAsText(file);
  };
  const loaded = typeof value === 'string' && value.length > 0;
  const encrypted = loaded && /ENCRYPTED/.test(value as string);
  return (
    <div className="pem-field">
      <input
        id={id}
        type="file"
        accept=".p8,.pem,.key,application/x-pem-file,application/pkcs8,text/plain"
        disabled={disabled || readonly}
        aria-describedby={`${id}-state`}
        onChange={load}
      />
      <p id={`${id}-state`} className="small" role="status">
        {loaded
          ? `Key loaded${origin ? ` from ${origin}` : ''} (${(value as string).length} characters, not shown)${
              encrypted ? '; it is encrypted: give its passphrase too' : ''
            }.`
          : 'No key loaded.'}
      </p>
      {loaded && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOrigin(null);
            onChange(undefined);
          }}
        >
          Remove key
        </button>
      )}
      <details>
        <summary>Paste the key instead</summary>
        <label htmlFor={`${id}-paste`} className="small">
          Paste the PEM text; it is taken and the box emptied
        </label>
        <textarea
          id={`${id}-paste`}
          className="masked"
          rows={2}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled || readonly}
          defaultValue=""
          onChange={(event) => {
            const text = event.target.value;
            if (!/-----END [A-Z0-9 ]+-----/.test(text)) return;
            event.target.value = '';
            take(text, 'the clipboard');
          }}
        />
      </details>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { ObjectDownload, StoredObject } from '@sdk';
import { messageOf } from '../errors.ts';

/** `48213` → `47.1 KiB`. */
export function sizeText(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Saves a downloaded object as a file: the bytes go to a blob URL the browser saves, never to the page. */
async function save(download: ObjectDownload, name: string) {
  const blob = await new Response(download.body).blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser has taken the URL once click() returns; a tick later it can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function StorageObjectRow(props: {
  object: StoredObject;
  solution: string;
  onDelete: (key: string) => Promise<void>;
  download: (key: string) => Promise<ObjectDownload>;
}) {
  const { object } = props;
  const [stage, setStage] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<unknown>(null);
  const name = object.key.split('/').pop()!;
  const shown = object.key.startsWith(`${props.solution}/`)
    ? object.key.slice(props.solution.length + 1)
    : object.key;
  const run = async (action: () => Promise<void>) => {
    setStage('busy');
    setError(null);
    try {
      await action();
      setStage('idle');
    } catch (e) {
      setError(e);
      setStage('idle');
    }
  };
  return (
    <tr>
      <td className="key-cell">
        <code>{shown}</code>
        {Boolean(error) && (
          <p className="field-error" role="alert">
            {messageOf(error)}
          </p>
        )}
      </td>
      <td>{sizeText(object.size)}</td>
      <td className="narrow-hide">{object.content_type ?? '—'}</td>
      <td className="narrow-hide">
        {object.last_modified ? (
          <time dateTime={object.last_modified}>{new Date(object.last_modified).toLocaleString()}</time>
        ) : (
          '—'
        )}
      </td>
      <td className="row-actions">
        {stage === 'confirm' ? (
          <span role="group" aria-label={`Confirm deleting ${shown}`} className="confirm">
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() => void run(() => props.onDelete(object.key))}
            >
              Delete {name}
            </button>
            <button type="button" className="secondary" onClick={() => setStage('idle')}>
              Keep
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              className="secondary"
              disabled={stage === 'busy'}
              aria-label={`Download ${shown}`}
              onClick={() => void run(async () => save(await props.download(object.key), name))}
            >
              Download
            </button>
            <button
              type="button"
              className="secondary"
              disabled={stage === 'busy'}
              aria-label={`Delete ${shown}`}
              onClick={() => setStage('confirm')}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

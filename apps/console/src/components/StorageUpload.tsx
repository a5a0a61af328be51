import { useRef, useState } from 'react';
import type { Storage, UploadProgress } from '@sdk';
import { messageOf } from '../errors.ts';
import { sizeText } from './StorageObjectRow.tsx';

/** Where a file goes by default: under the prefix when it names a folder, else `uploads/`. */
function defaultPath(prefix: string, fileName: string) {
  const folder = prefix.endsWith('/') ? prefix : 'uploads/';
  return `${folder}${fileName.replace(/[\\/]/g, '_')}`;
}

/** Upload one file into the solution, with its progress, and a way to stop it. */
export function StorageUpload(props: {
  storage: Storage;
  solution: string;
  prefix: string;
  connection?: string;
  onUploaded: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const upload = async () => {
    if (!file || !path) return;
    abort.current = new AbortController();
    setError(null);
    setDone(null);
    const key = `${props.solution}/${path.replace(/^\/+/, '')}`;
    try {
      await props.storage.put(key, file, {
        contentType: file.type || 'application/octet-stream',
        connection: props.connection,
        signal: abort.current.signal,
        onProgress: setProgress,
      });
      setDone(key);
      setFile(null);
      setPath('');
      if (fileInput.current) fileInput.current.value = '';
      props.onUploaded();
    } catch (e) {
      setError(abort.current.signal.aborted ? new Error('Upload cancelled.') : e);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const percent = progress?.total ? Math.floor((100 * progress.loaded) / progress.total) : null;
  return (
    <form
      className="card upload"
      aria-labelledby="upload-title"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <h2 id="upload-title">Upload a file</h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="u-file">File</label>
          <input
            id="u-file"
            ref={fileInput}
            type="file"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen) setPath(defaultPath(props.prefix, chosen.name));
            }}
          />
        </div>
        <div className="field grow">
          <label htmlFor="u-path">
            Path in {props.solution}/ <span className="muted small">(artifact-type/name)</span>
          </label>
          <input
            id="u-path"
            value={path}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'u-error' : undefined}
            onChange={(e) => setPath(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!file || !path || Boolean(progress)}>
          Upload
        </button>
        {progress && (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
      {progress && (
        <div className="progress" role="status">
          <progress
            aria-label="Upload progress"
            max={progress.total ?? undefined}
            value={progress.total ? progress.loaded : undefined}
          />
          <span>
            {sizeText(progress.loaded)}
            {progress.total ? ` of ${sizeText(progress.total)} (${percent}%)` : ''}
          </span>
        </div>
      )}
      {Boolean(error) && (
        <p id="u-error" className="field-error" role="alert">
          {messageOf(error)}
        </p>
      )}
      {done && (
        <p className="notice ok" role="status">
          <span>
            Uploaded <code>{done}</code>.
          </span>
        </p>
      )}
    </form>
  );
}

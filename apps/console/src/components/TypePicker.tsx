import type { ConnectionType } from '../connection-types.ts';

export function TypePicker({ types, onPick }: { types: ConnectionType[]; onPick: (type: string) => void }) {
  return (
    <ul className="type-grid" aria-label="Connection types">
      {types.map((t) => (
        <li key={t.type}>
          <button
            type="button"
            className="type-card"
            onClick={() => onPick(t.type)}
            aria-describedby={`type-${t.type}`}
          >
            <strong>{t.display_name}</strong>
            <span className="muted">
              {t.category.replace('_', ' ')}
              {t.status === 'preview' ? ' · preview' : ''}
            </span>
          </button>
          <p id={`type-${t.type}`} className="muted small">
            {t.description}
          </p>
        </li>
      ))}
    </ul>
  );
}

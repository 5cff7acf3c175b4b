// Where a fact comes from: a source link when there is one, else the dataset, and who recorded it when.
import type { Provenance } from '../api/types.ts';
import { safeHref } from './format.ts';

export function ProvenanceNote({ provenance, label = 'Source' }: { provenance: Provenance; label?: string }) {
  const href = safeHref(provenance.sourceUrl);
  const recorded = [
    provenance.recordedBy && `by ${provenance.recordedBy}`,
    provenance.recordedAt && `on ${provenance.recordedAt.slice(0, 10)}`,
  ].filter(Boolean);
  if (!href && !provenance.sourceDataset && recorded.length === 0) {
    return <span className="provenance muted">No source recorded</span>;
  }
  return (
    <span className="provenance">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}:</span>
      )}
      {provenance.sourceDataset && <span> {provenance.sourceDataset}</span>}
      {recorded.length > 0 && <span className="muted"> · recorded {recorded.join(' ')}</span>}
    </span>
  );
}

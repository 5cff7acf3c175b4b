// Where a fact comes from: the dataset, its record and licence, a link to the record when there is one, and
// who recorded it when.
import type { Provenance } from '../api/types.ts';
import { safeHref } from './format.ts';

export function ProvenanceNote({ provenance, label = 'Source' }: { provenance: Provenance; label?: string }) {
  const href = safeHref(provenance.sourceUrl);
  const recorded = [
    provenance.recordedBy && `by ${provenance.recordedBy}`,
    provenance.recordedAt && `on ${provenance.recordedAt.slice(0, 10)}`,
  ].filter(Boolean);
  if (!href && !provenance.sourceDataset && !provenance.licence && recorded.length === 0) {
    return <span className="provenance muted">No source recorded</span>;
  }
  return (
    <span className="provenance" data-testid="provenance">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}:</span>
      )}
      {provenance.sourceDataset && <span data-testid="provenance-dataset"> {provenance.sourceDataset}</span>}
      {provenance.sourceRecord && <span className="muted"> (record {provenance.sourceRecord})</span>}
      {provenance.licence && <span data-testid="provenance-licence"> · licence: {provenance.licence}</span>}
      {recorded.length > 0 && (
        // After "Label:" alone, no separator: "Listing source: recorded by …", not "Listing source: · recorded".
        <span className="muted">
          {href || provenance.sourceDataset || provenance.sourceRecord || provenance.licence ? ' · ' : ' '}
          recorded {recorded.join(' ')}
        </span>
      )}
    </span>
  );
}

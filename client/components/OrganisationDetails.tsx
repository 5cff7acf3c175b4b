// One organisation's facts: who it is, where, on what, its identifiers, and its relationships with sources.
import type { OrganisationDetails as Organisation } from '../api/types.ts';
import { SECTOR_STYLES } from '../graph/style.ts';
import { displayUrl, formatPlace, safeHref } from './format.ts';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import { RelationshipList } from './RelationshipList.tsx';
import { SectorBadge, SectorSwatch } from './Swatches.tsx';

export interface OrganisationActions {
  /** Whether this organisation's neighbours are already on the map. */
  expanded: boolean;
  /** Whether it is the organisation the view was opened on. */
  isRoot: boolean;
  onExpand: (id: string) => void;
  onSelect: (id: string) => void;
  /** Open the view on this organisation instead. */
  onFocus: (id: string) => void;
  /** Back to the organisation the view was opened on (shown when another one is selected). */
  onBack: () => void;
}

export function OrganisationDetails({
  organisation,
  expanded,
  isRoot,
  onExpand,
  onSelect,
  onFocus,
  onBack,
}: { organisation: Organisation } & OrganisationActions) {
  const website = safeHref(organisation.website);
  const place = formatPlace(organisation.place);
  return (
    <article className="organisation" data-id={organisation.id}>
      {!isRoot && (
        <button type="button" className="link-button back" onClick={onBack}>
          ← Back to the chosen organisation
        </button>
      )}
      <header className="organisation-header">
        <SectorSwatch sector={organisation.sector} size={22} />
        <div>
          <h2>{organisation.name}</h2>
          <p className="organisation-subtitle">
            <SectorBadge sector={organisation.sector} />
            {organisation.kind && <span>{organisation.kind}</span>}
          </p>
        </div>
      </header>

      <div className="organisation-actions">
        <button
          type="button"
          className="button primary"
          disabled={expanded}
          onClick={() => onExpand(organisation.id)}
          title={expanded ? 'Its neighbours are on the map' : 'Add its partners and funders to the map'}
        >
          {expanded ? 'Neighbours shown' : 'Expand neighbours'}
        </button>
        {!isRoot && (
          <button type="button" className="button" onClick={() => onFocus(organisation.id)}>
            Centre on this
          </button>
        )}
      </div>

      <dl className="facts">
        <dt>Sector</dt>
        <dd>{SECTOR_STYLES[organisation.sector].label}</dd>
        {organisation.kind && (
          <>
            <dt>Kind</dt>
            <dd>{organisation.kind}</dd>
          </>
        )}
        <dt>Place</dt>
        <dd>{place || <span className="muted">not recorded</span>}</dd>
        {website && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={website} target="_blank" rel="noopener noreferrer">
                {displayUrl(website)}
              </a>
            </dd>
          </>
        )}
        <dt>Ties</dt>
        <dd>{organisation.degree}</dd>
      </dl>

      {organisation.description && <p className="description">{organisation.description}</p>}

      {organisation.themes.length > 0 && (
        <section aria-label="Themes">
          <h3>Themes</h3>
          <ul className="chips">
            {organisation.themes.map((theme) => (
              <li key={theme.id} className="chip static">
                {theme.name}
              </li>
            ))}
          </ul>
        </section>
      )}

      {organisation.identifiers.length > 0 && (
        <section aria-label="Identifiers">
          <h3>Identifiers</h3>
          <ul className="identifiers">
            {organisation.identifiers.map((identifier) => (
              <li key={`${identifier.scheme}:${identifier.value}`}>
                <span className="identifier-scheme">{identifier.scheme}</span>
                <code>{identifier.value}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      <RelationshipList organisation={organisation} onSelect={onSelect} />

      <footer className="organisation-source">
        <ProvenanceNote provenance={organisation.provenance} label="Listing source" />
      </footer>
    </article>
  );
}

// One organisation: its header with the map actions, and the overview tab — where, on what, identifiers,
// and its relationships with their sources.
import { OrganisationActions } from '../account/OrganisationActions.tsx';
import type { OrganisationDetails as Organisation } from '../api/types.ts';
import { SECTOR_STYLES } from '../graph/style.ts';
import type { DetailsActions } from './DetailsPanel.tsx';
import { displayUrl, formatPlace, formatPlaceShort, safeHref } from './format.ts';
import { InitiativeList, type PathwayLinks } from './InitiativeList.tsx';
import { ProvenanceNote } from './ProvenanceNote.tsx';
import { RelationshipList } from './RelationshipList.tsx';
import { SectorBadge, SectorSwatch } from './Swatches.tsx';

export function OrganisationHeader({
  organisation,
  isRoot,
  expanded,
  canCollapse,
  actions,
}: {
  organisation: Organisation;
  isRoot: boolean;
  expanded: boolean;
  canCollapse: boolean;
  actions: DetailsActions;
}) {
  const place = formatPlaceShort(organisation.place);
  return (
    <>
      <header className="organisation-header">
        <SectorSwatch sector={organisation.sector} size={22} />
        <div>
          <h2 data-testid="details-title">{organisation.name}</h2>
          <p className="organisation-subtitle">
            <SectorBadge sector={organisation.sector} />
            {organisation.kind && <span>{organisation.kind}</span>}
            {place && <span>{place}</span>}
          </p>
        </div>
      </header>
      <div className="organisation-actions">
        {canCollapse ? (
          <button
            type="button"
            className="button"
            onClick={() => actions.onCollapse(organisation.id)}
            data-testid="collapse"
            title="Take the neighbours it brought off the map"
          >
            Collapse neighbours
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={expanded}
            onClick={() => actions.onExpand(organisation.id)}
            data-testid="expand"
            title={expanded ? 'Its neighbours are on the map' : 'Add its partners and funders to the map'}
          >
            {expanded ? 'Neighbours shown' : 'Expand neighbours'}
          </button>
        )}
        {!isRoot && (
          <button type="button" className="button" onClick={() => actions.onFocus(organisation.id)}>
            Centre on this
          </button>
        )}
        <OrganisationActions organisationId={organisation.id} name={organisation.name} />
      </div>
    </>
  );
}

export function OrganisationDetails({
  organisation,
  onSelect,
  pathway,
}: {
  organisation: Organisation;
  onSelect: (id: string) => void;
  pathway: PathwayLinks;
}) {
  const website = safeHref(organisation.website);
  const place = formatPlace(organisation.place);
  return (
    <div className="overview">
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

      <InitiativeList participations={organisation.participations} pathway={pathway} />

      <footer className="organisation-source">
        <ProvenanceNote provenance={organisation.provenance} label="Listing source" />
      </footer>
    </div>
  );
}

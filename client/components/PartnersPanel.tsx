// "Find partners": organisations not yet tied to this one, best first, each with its score, the reasons in
// words and a broker who could introduce them. Pointing at one highlights it and its broker on the map;
// the shortlist collects candidates and downloads them as CSV with the reasons as notes.
import { useState } from 'react';
import { describeError } from '../api/graphqlRequest.ts';
import { requestExport } from '../api/exportFile.ts';
import { SECTORS, type OrganisationDetails, type PartnerSuggestion, type Sector } from '../api/types.ts';
import { SECTOR_STYLES } from '../graph/style.ts';
import type { PartnerScope } from '../state/partnerScope.ts';
import type { Pointer } from '../state/useMapModel.ts';
import type { PartnersState } from '../state/usePartners.ts';
import { suggestionNotes, useShortlist, type Shortlist } from '../state/useShortlist.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { formatPlaceShort } from './format.ts';
import { saveFile } from './saveFile.ts';
import { SectorBadge, SectorSwatch } from './Swatches.tsx';
import type { ToastApi } from './Toasts.tsx';

interface PartnersPanelProps {
  organisation: OrganisationDetails;
  partners: PartnersState;
  scope: PartnerScope;
  onScope: (scope: PartnerScope) => void;
  pointer: Pointer | null;
  onHover: (pointer: Pointer | null) => void;
  onChoose: (pointer: Pointer | null) => void;
  onFocus: (id: string) => void;
  toasts: ToastApi;
}

const REASON_ICONS: Record<PartnerSuggestion['reasons'][number]['kind'], string> = {
  SHARED_THEMES: '◆',
  MUTUAL_PARTNERS: '⋈',
  SAME_PLACE: '⌂',
  COMPLEMENTARY_SECTOR: '⇄',
  SHARED_INITIATIVES: '★',
};

export function PartnersPanel(props: PartnersPanelProps) {
  const { organisation, partners, scope, onScope, pointer, onHover, onChoose, onFocus, toasts } = props;
  const shortlist = useShortlist();
  const best = partners.suggestions[0]?.score ?? 1;
  return (
    <section className="partners" data-testid="partners" aria-label="Find partners">
      <p className="tab-intro">
        Organisations not yet tied to {organisation.name}, ranked by shared themes, partners in common, place,
        a different sector and shared initiatives. Point at one to see it on the map.
      </p>
      <ScopeControls organisation={organisation} scope={scope} onScope={onScope} />
      {partners.error ? (
        <div role="alert">
          <ErrorDetails error={partners.error} onRetry={partners.retry} />
        </div>
      ) : partners.loading && partners.suggestions.length === 0 ? (
        <p className="details-message" role="status">
          <span className="spinner" aria-hidden="true" /> Finding partners…
        </p>
      ) : partners.suggestions.length === 0 ? (
        <p className="muted" data-testid="no-suggestions">
          No suggestion within these limits: widen the place or allow more sectors.
        </p>
      ) : (
        <ol className="suggestions" data-testid="suggestions" onMouseLeave={() => onHover(null)}>
          {partners.suggestions.map((s, index) => (
            <SuggestionItem
              key={s.organisation.id}
              suggestion={s}
              rank={index + 1}
              best={best}
              chosen={pointer?.kind === 'suggestion' && pointer.id === s.organisation.id}
              onHover={onHover}
              onChoose={onChoose}
              onFocus={onFocus}
              shortlist={shortlist}
              forOrganisation={organisation}
            />
          ))}
        </ol>
      )}
      <ShortlistBox shortlist={shortlist} toasts={toasts} />
    </section>
  );
}

function ScopeControls({
  organisation,
  scope,
  onScope,
}: {
  organisation: OrganisationDetails;
  scope: PartnerScope;
  onScope: (scope: PartnerScope) => void;
}) {
  const places: { id: string; label: string }[] = [];
  for (
    let p = organisation.place as { id: string; name: string; level: string; parent?: unknown } | null;
    p;
    p = (p.parent ?? null) as typeof p
  ) {
    places.push({ id: p.id, label: `In ${p.name}` });
  }
  return (
    <div className="scope" data-testid="partner-scope">
      <fieldset className="scope-sectors">
        <legend>Only</legend>
        {SECTORS.map((sector) => {
          const on = scope.sectors.includes(sector);
          return (
            <button
              key={sector}
              type="button"
              className={`chip toggle-chip${on ? ' on' : ''}`}
              aria-pressed={on}
              data-testid="scope-sector"
              data-sector={sector}
              onClick={() =>
                onScope({
                  ...scope,
                  sectors: on ? scope.sectors.filter((s) => s !== sector) : [...scope.sectors, sector],
                })
              }
            >
              <SectorSwatch sector={sector} size={11} />
              {SECTOR_STYLES[sector].label}
            </button>
          );
        })}
      </fieldset>
      {places.length > 0 && (
        <label className="scope-place">
          Where
          <select
            value={scope.place ?? ''}
            data-testid="scope-place"
            onChange={(event) => onScope({ ...scope, place: event.target.value || null })}
          >
            <option value="">Anywhere</option>
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

function SuggestionItem({
  suggestion,
  rank,
  best,
  chosen,
  onHover,
  onChoose,
  onFocus,
  shortlist,
  forOrganisation,
}: {
  suggestion: PartnerSuggestion;
  rank: number;
  best: number;
  chosen: boolean;
  onHover: (pointer: Pointer | null) => void;
  onChoose: (pointer: Pointer | null) => void;
  onFocus: (id: string) => void;
  shortlist: Shortlist;
  forOrganisation: OrganisationDetails;
}) {
  const o = suggestion.organisation;
  const pointer: Pointer = { kind: 'suggestion', id: o.id };
  const listed = shortlist.has(o.id);
  return (
    <li
      className={`suggestion${chosen ? ' chosen' : ''}`}
      data-testid="suggestion"
      data-id={o.id}
      onMouseEnter={() => onHover(pointer)}
      onFocus={() => onHover(pointer)}
      onBlur={() => onHover(null)}
    >
      <button
        type="button"
        className="suggestion-main"
        aria-pressed={chosen}
        data-testid="suggestion-choose"
        onClick={() => onChoose(chosen ? null : pointer)}
        title={chosen ? 'Stop highlighting it' : 'Keep it highlighted on the map'}
      >
        <span className="suggestion-rank">{rank}</span>
        <SectorSwatch sector={o.sector as Sector} size={16} />
        <span className="suggestion-text">
          <span className="suggestion-name">{o.name}</span>
          <span className="suggestion-meta">
            <SectorBadge sector={o.sector} />
            {o.place && <span>{formatPlaceShort(o.place)}</span>}
          </span>
        </span>
        <span className="score" title={`Score ${suggestion.score.toFixed(2)}`}>
          <span className="score-bar" style={{ width: `${Math.max(8, (suggestion.score / best) * 100)}%` }} />
          <span className="score-value">{suggestion.score.toFixed(1)}</span>
        </span>
      </button>
      <ul className="reasons" aria-label="Why">
        {suggestion.reasons.map((reason) => (
          <li key={reason.kind} data-kind={reason.kind}>
            <span className="reason-icon" aria-hidden="true">
              {REASON_ICONS[reason.kind]}
            </span>
            {reason.text}
          </li>
        ))}
      </ul>
      {suggestion.broker && (
        <p className="broker" data-testid="broker">
          Could be introduced by <strong>{suggestion.broker.name}</strong>, a partner of both.
        </p>
      )}
      <div className="suggestion-actions">
        <button
          type="button"
          className={`button small${listed ? ' pressed' : ''}`}
          aria-pressed={listed}
          data-testid="shortlist-toggle"
          onClick={() =>
            shortlist.toggle({
              id: o.id,
              name: o.name,
              sector: o.sector,
              forId: forOrganisation.id,
              forName: forOrganisation.name,
              notes: suggestionNotes(suggestion, forOrganisation.name),
            })
          }
        >
          {listed ? '★ On the shortlist' : '☆ Add to shortlist'}
        </button>
        <button type="button" className="button small" onClick={() => onFocus(o.id)}>
          Open its network
        </button>
      </div>
    </li>
  );
}

function ShortlistBox({ shortlist, toasts }: { shortlist: Shortlist; toasts: ToastApi }) {
  const [busy, setBusy] = useState(false);
  // Entries the last download left out: no longer published (merged away, withdrawn or rejected).
  const [unlisted, setUnlisted] = useState<ReadonlySet<string>>(new Set());
  if (shortlist.entries.length === 0) {
    return (
      <p className="shortlist-empty muted" data-testid="shortlist">
        Add suggestions to a shortlist to download them, with the reasons, as a spreadsheet.
      </p>
    );
  }
  async function download() {
    setBusy(true);
    try {
      const notes: Record<string, string> = {};
      for (const entry of shortlist.entries) notes[entry.id] = entry.notes;
      const file = await requestExport({
        format: 'CSV',
        table: 'organisations',
        ids: shortlist.entries.map((e) => e.id),
        notes,
        skipUnpublished: true,
      });
      saveFile(file.blob, 'partnership-atlas-shortlist.csv');
      const left = new Set(file.skipped.ids);
      setUnlisted(left);
      const names = shortlist.entries.filter((e) => left.has(e.id)).map((e) => e.name);
      const total = shortlist.entries.length;
      toasts.show(
        file.skipped.count === 0
          ? `Downloaded the shortlist (${total})`
          : `Downloaded ${total - file.skipped.count} of the ${total} on the shortlist; left out, as no longer listed: ${names.join(', ')}`,
        file.skipped.count === 0 ? undefined : 'error',
      );
    } catch (error) {
      toasts.show(`The download failed: ${describeError(error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="shortlist card" data-testid="shortlist" aria-label="Shortlist">
      <h3>
        Shortlist <span className="count">{shortlist.entries.length}</span>
      </h3>
      <ul>
        {shortlist.entries.map((entry) => (
          <li key={entry.id} data-testid="shortlist-entry" data-id={entry.id}>
            <SectorSwatch sector={entry.sector} size={11} />
            <span className="shortlist-name" title={entry.notes}>
              {entry.name}
            </span>
            {unlisted.has(entry.id) && (
              <span className="shortlist-unlisted" data-testid="shortlist-unlisted">
                no longer listed
              </span>
            )}
            <button
              type="button"
              className="icon-button small"
              aria-label={`Remove ${entry.name} from the shortlist`}
              onClick={() => shortlist.remove(entry.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="shortlist-actions">
        <button
          type="button"
          className="button primary small"
          onClick={() => void download()}
          disabled={busy}
          data-testid="shortlist-download"
        >
          {busy ? 'Preparing…' : 'Download CSV'}
        </button>
        <button type="button" className="button small" onClick={shortlist.clear}>
          Clear
        </button>
      </div>
    </section>
  );
}

// "How are we connected?": pick a second organisation and see the shortest chains of ties between the two,
// drawn and highlighted on the map; limit the sectors a chain may pass through and the ties it may use.
import { useEffect, useRef, type Ref } from 'react';
import {
  SECTORS,
  TRUST_STATES,
  type OrganisationDetails,
  type Path,
  type Sector,
  type TrustState,
} from '../api/types.ts';
import { KIND_STYLES, SECTOR_STYLES, TRUST_STYLES } from '../graph/style.ts';
import type { Pointer } from '../state/useMapModel.ts';
import type { PathOptions, PathsState } from '../state/usePaths.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

interface ConnectPanelProps {
  organisation: OrganisationDetails;
  to: string | null;
  /** The far end of the paths drawn (drawnPathEnd), null while none is. */
  drawnTo: string | null;
  onTo: (id: string | null) => void;
  paths: PathsState;
  options: PathOptions;
  onOptions: (options: PathOptions) => void;
  pointer: Pointer | null;
  onHover: (pointer: Pointer | null) => void;
  onChoose: (pointer: Pointer | null) => void;
  onSelect: (id: string) => void;
}

export function ConnectPanel(props: ConnectPanelProps) {
  const { organisation, to, drawnTo, onTo, paths, options, onOptions, pointer, onHover, onChoose, onSelect } =
    props;
  const chosenIndex = pointer?.kind === 'path' ? pointer.index : 0;
  const end = paths.paths[0]?.organisations.at(-1);
  const toName = paths.targetName ?? end?.name;
  // Paths to a new organisation: the first (the one drawn) is scrolled into view, on a phone in the sheet
  // that then covers the graph's lower half only (DetailsPanel).
  const firstPath = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (drawnTo !== null) firstPath.current?.scrollIntoView({ block: 'nearest' });
  }, [drawnTo]);
  return (
    <section className="connect" data-testid="connect" aria-label="How connected">
      <p className="tab-intro">
        The shortest chains of ties from {organisation.name} to another organisation.
      </p>
      {to === null ? (
        <OrganisationPicker
          label="Connected to…"
          placeholder="Search an organisation"
          exclude={organisation.id}
          onPick={(o) => onTo(o.id)}
        />
      ) : (
        <p className="connect-target">
          To{' '}
          <strong data-testid="connect-target" data-id={to}>
            {toName ?? (paths.done || paths.error ? to : '…')}
          </strong>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onTo(null)}
            data-testid="connect-change"
          >
            change
          </button>
        </p>
      )}
      <details className="path-options">
        <summary>Limits</summary>
        <label className="path-hops">
          At most
          <select
            value={options.maxHops}
            onChange={(event) => onOptions({ ...options, maxHops: Number(event.target.value) })}
          >
            {[2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          steps
        </label>
        <fieldset>
          <legend>Passing only through</legend>
          {SECTORS.map((sector) => (
            <label key={sector} className="check">
              <input
                type="checkbox"
                checked={options.sectors.length === 0 || options.sectors.includes(sector)}
                onChange={() =>
                  onOptions({ ...options, sectors: toggleAll(options.sectors, sector, SECTORS) })
                }
              />
              <SectorSwatch sector={sector} size={11} />
              {SECTOR_STYLES[sector].label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Using ties that are</legend>
          {TRUST_STATES.map((trust) => (
            <label key={trust} className="check">
              <input
                type="checkbox"
                checked={options.trustStates.length === 0 || options.trustStates.includes(trust)}
                onChange={() =>
                  onOptions({ ...options, trustStates: toggleAll(options.trustStates, trust, TRUST_STATES) })
                }
              />
              {TRUST_STYLES[trust].label}
            </label>
          ))}
        </fieldset>
      </details>
      {to !== null &&
        (paths.error ? (
          <div role="alert">
            <ErrorDetails error={paths.error} onRetry={paths.retry} />
          </div>
        ) : !paths.done ? (
          <p className="details-message" role="status">
            <span className="spinner" aria-hidden="true" /> Looking for paths…
          </p>
        ) : paths.paths.length === 0 ? (
          <p className="muted" data-testid="no-path">
            No chain of at most {options.maxHops} ties links them
            {options.sectors.length > 0 || options.trustStates.length > 0 ? ' within these limits' : ''}. Try
            more steps{options.sectors.length > 0 || options.trustStates.length > 0 ? ' or fewer limits' : ''}
            , or ask a partner suggestion for a broker.
          </p>
        ) : (
          <ol className="paths" data-testid="paths" onMouseLeave={() => onHover(null)}>
            {paths.paths.map((path, index) => (
              <PathItem
                key={index}
                ref={index === 0 ? firstPath : undefined}
                path={path}
                index={index}
                chosen={index === chosenIndex}
                onHover={onHover}
                onChoose={onChoose}
                onSelect={onSelect}
              />
            ))}
          </ol>
        ))}
    </section>
  );
}

/** Unticking one of "all" leaves the others; ticking the last one missing means "all" again. */
function toggleAll<T extends Sector | TrustState>(values: readonly T[], value: T, all: readonly T[]): T[] {
  const current = values.length === 0 ? [...all] : [...values];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return next.length === all.length ? [] : all.filter((v) => next.includes(v));
}

function PathItem({
  ref,
  path,
  index,
  chosen,
  onHover,
  onChoose,
  onSelect,
}: {
  ref?: Ref<HTMLLIElement> | undefined;
  path: Path;
  index: number;
  chosen: boolean;
  onHover: (pointer: Pointer | null) => void;
  onChoose: (pointer: Pointer | null) => void;
  onSelect: (id: string) => void;
}) {
  const pointer: Pointer = { kind: 'path', index };
  return (
    <li
      ref={ref}
      className={`path${chosen ? ' chosen' : ''}`}
      data-testid="path"
      onMouseEnter={() => onHover(pointer)}
      onFocus={() => onHover(pointer)}
      onBlur={() => onHover(null)}
    >
      <button type="button" className="path-title" aria-pressed={chosen} onClick={() => onChoose(pointer)}>
        Path {index + 1}: {path.length} {path.length === 1 ? 'step' : 'steps'}
      </button>
      <ol className="path-steps">
        {path.organisations.map((o, i) => {
          const tie = path.relationships[i];
          return (
            <li key={`${o.id}-${i}`}>
              <button type="button" className="link-button party" onClick={() => onSelect(o.id)}>
                <SectorSwatch sector={o.sector} size={11} />
                {o.name}
              </button>
              {tie && (
                <span className="path-tie">
                  <EdgeSwatch kind={tie.kind} trust={tie.trust} />
                  {KIND_STYLES[tie.kind].label.toLowerCase()}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </li>
  );
}

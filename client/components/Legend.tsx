// The key to the graph, drawn from the same tables as the stylesheet so the two cannot disagree. Each
// sector, relationship kind and trust entry is also a switch: it hides or shows what it names.
import { useState, type ReactNode, type Ref } from 'react';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES } from '../api/types.ts';
import { HIGHLIGHT, KIND_STYLES, SECTOR_STYLES, TRUST_LEGEND_ROWS } from '../graph/style.ts';
import { isShown, toggleLegendValue, type GraphFilter } from '../state/viewState.ts';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

interface LegendProps {
  ref?: Ref<HTMLElement>;
  filter: GraphFilter;
  onFilterChange: (filter: GraphFilter) => void;
  phone: boolean;
  /**
   * Something else needs the graph's room (the pathway card): the legend folds while it is so, and then
   * opens or stays folded as the user last left it outside that time.
   */
  crowded?: boolean;
}

export function Legend({ ref, filter, onFilterChange, phone, crowded = false }: LegendProps) {
  // The user's choice, and what is shown: folded while crowded until the user opens it.
  const [chosen, setChosen] = useState(!phone);
  const [open, setOpen] = useState(chosen && !crowded);
  const [wasCrowded, setWasCrowded] = useState(crowded);
  if (crowded !== wasCrowded) {
    setWasCrowded(crowded);
    setOpen(chosen && !crowded);
  }
  const toggle = () => {
    if (!crowded) setChosen(!open);
    setOpen(!open);
  };
  return (
    <section
      ref={ref}
      className={`legend card${open ? ' open' : ''}`}
      data-testid="legend"
      aria-label="Legend"
    >
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={toggle}>
        Legend <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div className="legend-body">
          <p className="legend-note legend-help">Click an entry to hide or show it.</p>
          <LegendRow title="Organisations">
            {SECTORS.map((sector) => (
              <LegendSwitch
                key={sector}
                data={{ 'data-sector': sector }}
                on={isShown(filter.sectors, sector)}
                label={SECTOR_STYLES[sector].label}
                onToggle={() => onFilterChange(toggleLegendValue(filter, 'sectors', [sector], SECTORS))}
              >
                <SectorSwatch sector={sector} />
              </LegendSwitch>
            ))}
          </LegendRow>
          <LegendRow title="Relationships">
            {RELATIONSHIP_KINDS.map((kind) => (
              <LegendSwitch
                key={kind}
                data={{ 'data-kind': kind }}
                on={isShown(filter.relationshipKinds, kind)}
                label={KIND_STYLES[kind].label}
                onToggle={() =>
                  onFilterChange(toggleLegendValue(filter, 'relationshipKinds', [kind], RELATIONSHIP_KINDS))
                }
              >
                <EdgeSwatch kind={kind} trust="CONFIRMED" />
              </LegendSwitch>
            ))}
          </LegendRow>
          <LegendRow title="Trust">
            {TRUST_LEGEND_ROWS.map(({ states, label }) => (
              <LegendSwitch
                key={label}
                data={{ 'data-trust': states.join(' ') }}
                on={states.some((s) => isShown(filter.trustStates, s))}
                label={label}
                onToggle={() =>
                  onFilterChange(toggleLegendValue(filter, 'trustStates', states, TRUST_STATES))
                }
              >
                <EdgeSwatch trust={states[0]} />
              </LegendSwitch>
            ))}
          </LegendRow>
          <LegendRow title="Highlights">
            <li>
              <span className="halo-swatch" style={{ background: HIGHLIGHT.root }} aria-hidden="true" />
              Chosen organisation
            </li>
            <li>
              <span className="ring-swatch" style={{ borderColor: HIGHLIGHT.selected }} aria-hidden="true" />
              Selected
            </li>
            <li>
              <span className="halo-swatch" style={{ background: HIGHLIGHT.focus }} aria-hidden="true" />
              Suggested partner
            </li>
            <li>
              <span className="halo-swatch" style={{ background: HIGHLIGHT.broker }} aria-hidden="true" />
              Broker
            </li>
            <li>
              <span className="dashed-swatch" aria-hidden="true" />
              And N more: click to open
            </li>
            <li className="legend-note">Size: number of ties</li>
          </LegendRow>
        </div>
      )}
    </section>
  );
}

function LegendSwitch({
  on,
  label,
  onToggle,
  data,
  children,
}: {
  on: boolean;
  label: string;
  onToggle: () => void;
  data: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <li {...data} className={on ? undefined : 'off'}>
      <button
        type="button"
        className="legend-switch"
        aria-pressed={on}
        title={on ? `Hide ${label}` : `Show ${label}`}
        onClick={onToggle}
      >
        {children}
        {label}
      </button>
    </li>
  );
}

function LegendRow({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="legend-row">
      <h3>{title}</h3>
      <ul>{children}</ul>
    </div>
  );
}

// The key to the graph, drawn from the same tables as the stylesheet so the two cannot disagree.
import { useState, type ReactNode, type Ref } from 'react';
import { RELATIONSHIP_KINDS, SECTORS } from '../api/types.ts';
import { HIGHLIGHT, KIND_STYLES, SECTOR_STYLES, TRUST_LEGEND_ROWS } from '../graph/style.ts';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

export function Legend({ ref }: { ref?: Ref<HTMLElement> }) {
  const [open, setOpen] = useState(true);
  return (
    <section ref={ref} className="legend card" data-testid="legend" aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div className="legend-body">
          <LegendRow title="Organisations">
            {SECTORS.map((sector) => (
              <li key={sector} data-sector={sector}>
                <SectorSwatch sector={sector} />
                {SECTOR_STYLES[sector].label}
              </li>
            ))}
          </LegendRow>
          <LegendRow title="Relationships">
            {RELATIONSHIP_KINDS.map((kind) => (
              <li key={kind} data-kind={kind}>
                <EdgeSwatch kind={kind} trust="CONFIRMED" />
                {KIND_STYLES[kind].label}
              </li>
            ))}
          </LegendRow>
          <LegendRow title="Trust">
            {TRUST_LEGEND_ROWS.map(({ states, label }) => (
              <li key={label} data-trust={states.join(' ')}>
                <EdgeSwatch trust={states[0]} />
                {label}
              </li>
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
            <li className="legend-note">Size: number of ties</li>
          </LegendRow>
        </div>
      )}
    </section>
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

// The card next to the pointer over a node or a tie: who or what it is, in a few words.
import type cytoscape from 'cytoscape';
import type { RelationshipKind, Sector, TrustState } from '../api/types.ts';
import type { NodeInfo } from '../graph/elements.ts';
import { KIND_STYLES, SECTOR_STYLES, TRUST_STYLES } from '../graph/style.ts';
import { formatDateRange, formatPlaceShort } from './format.ts';
import { EdgeSwatch, SectorSwatch } from './Swatches.tsx';

export interface TooltipTarget {
  id: string;
  group: 'nodes' | 'edges';
  /** Where the pointer is, in px from the graph's top left. */
  x: number;
  y: number;
}

export function GraphTooltip({
  cy,
  target,
  info,
}: {
  cy: cytoscape.Core;
  target: TooltipTarget;
  info: ReadonlyMap<string, NodeInfo>;
}) {
  const element = cy.getElementById(target.id);
  if (element.empty()) return null;
  // Keep the card inside the graph: to the left of the pointer near the right edge, above it near the bottom.
  const left = target.x > cy.width() - 280 ? target.x - 16 : target.x + 16;
  const top = target.y > cy.height() - 140 ? target.y - 12 : target.y + 16;
  const style = {
    left,
    top,
    transform: `translate(${target.x > cy.width() - 280 ? '-100%' : '0'}, ${target.y > cy.height() - 140 ? '-100%' : '0'})`,
  };
  return (
    <div className="graph-tooltip card" role="tooltip" data-testid="graph-tooltip" style={style}>
      {target.group === 'nodes' ? (
        <NodeTip node={element as cytoscape.NodeSingular} info={info.get(target.id)} />
      ) : (
        <EdgeTip edge={element as cytoscape.EdgeSingular} />
      )}
    </div>
  );
}

function NodeTip({ node, info }: { node: cytoscape.NodeSingular; info: NodeInfo | undefined }) {
  if (node.data('role') === 'more') {
    const bySector = (node.data('bySector') ?? []) as { sector: Sector; count: number }[];
    return (
      <>
        <p className="tooltip-title">{String(node.data('label'))}</p>
        <p className="tooltip-line">
          {bySector.map((s) => `${s.count} ${SECTOR_STYLES[s.sector].label}`).join(', ')}
        </p>
        <p className="tooltip-hint">Click to show more of them</p>
      </>
    );
  }
  const sector = node.data('sector') as Sector;
  const kind = node.data('kind') as string | null;
  const place = formatPlaceShort(info?.place);
  const degree = Number(node.data('degree'));
  return (
    <>
      <p className="tooltip-title">
        <SectorSwatch sector={sector} size={12} />
        {String(node.data('label'))}
      </p>
      <p className="tooltip-line">
        {SECTOR_STYLES[sector].label}
        {kind ? ` · ${kind}` : ''}
        {place ? ` · ${place}` : ''}
      </p>
      {info && info.themes.length > 0 && (
        <p className="tooltip-line muted">{info.themes.map((t) => t.name).join(', ')}</p>
      )}
      <p className="tooltip-hint">
        {degree} {degree === 1 ? 'tie' : 'ties'} · click for details, double-click to expand
      </p>
    </>
  );
}

function EdgeTip({ edge }: { edge: cytoscape.EdgeSingular }) {
  if (edge.data('role') === 'more') return <p className="tooltip-line">Neighbours not drawn yet</p>;
  const kind = edge.data('kind') as RelationshipKind;
  const trust = edge.data('trust') as TrustState;
  const name = (node: cytoscape.NodeSingular) => String(node.data('label'));
  return (
    <>
      <p className="tooltip-title">
        <EdgeSwatch kind={kind} trust={trust} />
        {KIND_STYLES[kind].label}
      </p>
      <p className="tooltip-line">
        {name(edge.source())} {KIND_STYLES[kind].arrow === 'none' ? '—' : '→'} {name(edge.target())}
      </p>
      <p className="tooltip-line muted">
        {formatDateRange(edge.data('since') as string | null, edge.data('until') as string | null)} ·{' '}
        {TRUST_STYLES[trust].label}
      </p>
      <p className="tooltip-hint">Click for its details and source</p>
    </>
  );
}

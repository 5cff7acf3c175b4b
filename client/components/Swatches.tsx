// Small SVG twins of the graph's node shapes and edge styles, for the legend, search results and details.
import type { CSSProperties } from 'react';
import type { RelationshipKind, Sector, TrustState } from '../api/types.ts';
import {
  KIND_STYLES,
  SECTOR_STYLES,
  TRUST_STYLES,
  type ArrowShape,
  type SectorShape,
} from '../graph/style.ts';

const SHAPE_PATHS: Record<SectorShape, string> = {
  'round-rectangle':
    'M3 1.5h10a1.5 1.5 0 0 1 1.5 1.5v10a1.5 1.5 0 0 1-1.5 1.5H3A1.5 1.5 0 0 1 1.5 13V3A1.5 1.5 0 0 1 3 1.5z',
  ellipse: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z',
  'round-diamond': 'M8 1L15 8L8 15L1 8z',
  'round-triangle': 'M8 1.5L15 14.5H1z',
  'round-hexagon': 'M4.5 2h7L15 8l-3.5 6h-7L1 8z',
};

export function SectorSwatch({ sector, size = 14 }: { sector: Sector; size?: number }) {
  const { colour, shape } = SECTOR_STYLES[sector];
  return (
    <svg className="swatch" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <path d={SHAPE_PATHS[shape]} fill={colour} stroke="#fff" strokeWidth="1" strokeLinejoin="round" />
    </svg>
  );
}

export function SectorBadge({ sector }: { sector: Sector }) {
  return (
    <span
      className="sector-badge"
      style={{ '--sector-colour': SECTOR_STYLES[sector].colour } as CSSProperties}
    >
      <SectorSwatch sector={sector} size={11} />
      {SECTOR_STYLES[sector].label}
    </span>
  );
}

function Arrow({ shape, colour }: { shape: ArrowShape; colour: string }) {
  switch (shape) {
    case 'triangle':
      return <path d="M29 1L37 5L29 9z" fill={colour} />;
    case 'triangle-backcurve':
      return <path d="M29 1L37 5L29 9Q32 5 29 1z" fill={colour} />;
    case 'circle':
      return <circle cx="33" cy="5" r="3.5" fill={colour} />;
    case 'tee':
      return <rect x="34" y="0.5" width="2.5" height="9" fill={colour} />;
    case 'chevron':
      return <path d="M29 1L37 5L29 9L31.5 5z" fill={colour} />;
    case 'square':
      return <rect x="30" y="1.5" width="7" height="7" fill={colour} />;
    case 'none':
      return null;
  }
}

const DASHES = { solid: undefined, dashed: '5 3', dotted: '1.5 3' } as const;

/** A short line in the colour of `kind` (with its arrow), drawn in the line style of `trust`. */
export function EdgeSwatch({ kind, trust = 'IMPORTED' }: { kind?: RelationshipKind; trust?: TrustState }) {
  const colour = kind ? KIND_STYLES[kind].colour : '#5B6472';
  const t = TRUST_STYLES[trust];
  return (
    <svg className="swatch" width="38" height="10" viewBox="0 0 38 10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2={kind && KIND_STYLES[kind].arrow !== 'none' ? 30 : 37}
        y2="5"
        stroke={colour}
        strokeWidth={t.width}
        strokeOpacity={t.opacity}
        strokeDasharray={DASHES[t.lineStyle]}
        strokeLinecap={t.lineStyle === 'dotted' ? 'round' : 'butt'}
      />
      {kind && <Arrow shape={KIND_STYLES[kind].arrow} colour={colour} />}
    </svg>
  );
}

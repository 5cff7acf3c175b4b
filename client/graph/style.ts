// The Cytoscape stylesheet and the tables behind it (sector colour + shape, relationship kind, trust), shared with the legend.
import type { RelationshipKind, Sector, TrustState } from '../api/types.ts';

/** Node shapes used here; each has an SVG twin in the legend, so the list stays short. */
export type SectorShape =
  'round-rectangle' | 'ellipse' | 'round-diamond' | 'round-triangle' | 'round-hexagon';

export interface SectorStyle {
  label: string;
  /** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
  colour: string;
  /** A second channel, so sectors never rely on colour alone. */
  shape: SectorShape;
}

export const SECTOR_STYLES: Record<Sector, SectorStyle> = {
  GOVERNMENT: { label: 'Government', colour: '#0072B2', shape: 'round-rectangle' },
  NGO: { label: 'NGO', colour: '#009E73', shape: 'ellipse' },
  COMPANY: { label: 'Company', colour: '#E69F00', shape: 'round-diamond' },
  CIVIC_INNOVATOR: { label: 'Civic innovator', colour: '#CC79A7', shape: 'round-triangle' },
  ACADEMIC: { label: 'Academic', colour: '#D55E00', shape: 'round-hexagon' },
};

export type ArrowShape = 'none' | 'triangle' | 'triangle-backcurve' | 'circle' | 'tee' | 'chevron' | 'square';

export interface KindStyle {
  label: string;
  /** Tol's muted palette, kept apart from the sector colours so edges don't read as nodes. */
  colour: string;
  /** Marks the direction of directed kinds (source acts on target); none for symmetric ties. */
  arrow: ArrowShape;
}

export const KIND_STYLES: Record<RelationshipKind, KindStyle> = {
  PARTNERSHIP: { label: 'Partnership', colour: '#5B6472', arrow: 'none' },
  FUNDING: { label: 'Funding', colour: '#117733', arrow: 'triangle' },
  MEMBERSHIP: { label: 'Membership', colour: '#332288', arrow: 'circle' },
  PART_OF: { label: 'Part of', colour: '#882255', arrow: 'tee' },
  INVESTMENT: { label: 'Investment', colour: '#999933', arrow: 'triangle-backcurve' },
  DATA_SHARING: { label: 'Data sharing', colour: '#44AA99', arrow: 'square' },
  ADOPTION: { label: 'Adoption', colour: '#AA4499', arrow: 'chevron' },
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface TrustStyle {
  label: string;
  description: string;
  lineStyle: LineStyle;
  width: number;
  opacity: number;
}

/** Weaker trust reads weaker: thinner, fainter, dashed (one side only) or dotted (contested). */
export const TRUST_STYLES: Record<TrustState, TrustStyle> = {
  CONFIRMED: {
    label: 'Confirmed',
    description: 'confirmed by both sides',
    lineStyle: 'solid',
    width: 3,
    opacity: 0.9,
  },
  SOURCED: {
    label: 'Sourced',
    description: 'reported by a third party',
    lineStyle: 'solid',
    width: 2,
    opacity: 0.85,
  },
  IMPORTED: {
    label: 'Imported',
    description: 'from an open dataset',
    lineStyle: 'solid',
    width: 2,
    opacity: 0.85,
  },
  CLAIMED: {
    label: 'Claimed',
    description: 'stated by one side only',
    lineStyle: 'dashed',
    width: 2,
    opacity: 0.6,
  },
  DISPUTED: { label: 'Disputed', description: 'contested', lineStyle: 'dotted', width: 2, opacity: 0.45 },
};

/** The legend's trust rows: sourced and imported ties are drawn alike, so they share a row. */
export const TRUST_LEGEND_ROWS: readonly { states: readonly [TrustState, ...TrustState[]]; label: string }[] =
  [
    { states: ['CONFIRMED'], label: 'Confirmed by both sides' },
    { states: ['SOURCED', 'IMPORTED'], label: 'Sourced or imported' },
    { states: ['CLAIMED'], label: 'Claimed by one side' },
    { states: ['DISPUTED'], label: 'Disputed' },
  ];

/** Colours of the highlights, exported for the legend. */
export const HIGHLIGHT = {
  root: '#F0E442',
  selected: '#1B1F24',
  /** A suggested partner, or the end of a path, that the user points at. */
  focus: '#0B5CAD',
  /** The broker who could introduce them. */
  broker: '#56B4E9',
  /** The ties and organisations of a path. */
  path: '#1B1F24',
} as const;

export const LABEL_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Gap between a node and its name, model px. */
export const LABEL_MARGIN = 4;

/** Node diameter in px from its degree: square root, so hubs stand out without swamping the view. */
export function sizeForDegree(degree: number): number {
  const size = 26 + 6 * Math.sqrt(Math.max(0, degree));
  return Math.round(Math.min(72, size));
}

export type StyleValue = string | number;
export interface StyleRule {
  selector: string;
  style: Record<string, StyleValue>;
}

const LINE_DASHES: Record<LineStyle, string> = {
  solid: '',
  dashed: '7 5',
  dotted: '1.5 4',
};

export interface StylesheetOptions {
  /**
   * A big scene (graph/render.ts decides): ties are drawn as plain centre-to-centre lines (Cytoscape's
   * 'haystack' edges) without arrowheads. Bezier edges with arrowheads cost Cytoscape a curve and two arrow
   * shapes per tie in every layout, hit test and redraw; at thousands of ties, arrowheads a few pixels wide
   * are unreadable anyway, and kind (colour) and trust (line style, width, opacity) still show.
   */
  large?: boolean;
}

/** The font size of the count inside an "and N more" tile, model units (elements.ts sizes the tile by it). */
export const MORE_BADGE_FONT = 11;

export function buildStylesheet({ large = false }: StylesheetOptions = {}): StyleRule[] {
  const rules: StyleRule[] = [
    {
      // The name drawn (`shown`), its size (`fs`) and its side are chosen by graph/labelLayer.ts so that no
      // name prints over another node; until it has run, nodes are unlabelled.
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': '#8A8F98',
        'border-width': 2,
        'border-color': '#FFFFFF',
        color: '#1B1F24',
        'font-family': LABEL_FONT_FAMILY,
        'font-size': 'data(fs)',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN,
        'text-wrap': 'none',
        'text-outline-color': '#FFFFFF',
        'text-outline-width': 2.5,
        'text-outline-opacity': 0.9,
        'overlay-opacity': 0,
      },
    },
    { selector: 'node[shown]', style: { label: 'data(shown)' } },
    { selector: 'node[!fs]', style: { 'font-size': 11 } },
    { selector: 'node.label-above', style: { 'text-valign': 'top', 'text-margin-y': -LABEL_MARGIN } },
    {
      selector: 'node.label-right',
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-y': 0,
        'text-margin-x': LABEL_MARGIN,
      },
    },
    {
      selector: 'node.label-left',
      style: {
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-y': 0,
        'text-margin-x': -LABEL_MARGIN,
      },
    },
  ];
  for (const [sector, s] of Object.entries(SECTOR_STYLES)) {
    rules.push({
      selector: `node[sector = "${sector}"]`,
      style: { 'background-color': s.colour, shape: s.shape },
    });
  }
  rules.push({
    // "and 120 more": a pale dashed tile that opens the next batch when clicked, its count ("+120") written
    // inside it at every zoom (the label layer gives it no name beside it).
    selector: 'node[role = "more"]',
    style: {
      shape: 'round-rectangle',
      width: 'data(badgeWidth)',
      'background-color': '#FFFFFF',
      'border-width': 2,
      'border-style': 'dashed',
      'border-color': '#7A828E',
      color: '#3F4650',
      label: 'data(badge)',
      'font-size': MORE_BADGE_FONT,
      'font-weight': 'bold',
      'text-valign': 'center',
      'text-halign': 'center',
      'text-margin-x': 0,
      'text-margin-y': 0,
      'text-outline-width': 0,
    },
  });
  rules.push({
    selector: 'edge',
    style: {
      'curve-style': large ? 'haystack' : 'bezier',
      width: 2,
      'line-color': '#8A8F98',
      'target-arrow-color': '#8A8F98',
      'target-arrow-shape': 'none',
      'arrow-scale': 0.9,
      opacity: 0.85,
      'overlay-opacity': 0,
    },
  });
  for (const [kind, k] of Object.entries(KIND_STYLES)) {
    rules.push({
      selector: `edge[kind = "${kind}"]`,
      style: {
        'line-color': k.colour,
        'target-arrow-color': k.colour,
        'target-arrow-shape': large ? 'none' : k.arrow,
      },
    });
  }
  for (const [trust, t] of Object.entries(TRUST_STYLES)) {
    const style: Record<string, StyleValue> = {
      'line-style': t.lineStyle,
      width: t.width,
      opacity: t.opacity,
    };
    if (t.lineStyle !== 'solid') style['line-dash-pattern'] = LINE_DASHES[t.lineStyle];
    rules.push({ selector: `edge[trust = "${trust}"]`, style });
  }
  rules.push(
    {
      selector: 'edge[role = "more"]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': LINE_DASHES.dashed,
        'line-color': '#9AA4B2',
        'target-arrow-shape': 'none',
        width: 1.5,
        opacity: 0.8,
      },
    },
    // What the filter leaves out is not drawn (positions are kept, so showing it again moves nothing).
    { selector: '.filtered', style: { display: 'none' } },
    {
      // Organisations a suggestion or path adds to the map: a dashed ring until they are part of it.
      selector: 'node.suggestion',
      style: { 'border-style': 'dashed', 'border-color': HIGHLIGHT.focus, 'border-width': 2.5 },
    },
    {
      // While something is pointed at (a suggestion, a path), everything else steps back.
      selector: '.faded',
      style: { opacity: 0.22, 'text-opacity': 0.5 },
    },
    {
      // The organisation the view was opened on: a yellow halo plus a dark ring.
      selector: 'node.root',
      style: {
        'underlay-color': HIGHLIGHT.root,
        'underlay-opacity': 0.85,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
        'border-color': HIGHLIGHT.selected,
        'border-width': 2,
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
    {
      selector: 'node:selected',
      style: {
        'border-color': HIGHLIGHT.selected,
        'border-width': 4,
        'font-weight': 'bold',
        'z-index': 20,
      },
    },
    {
      // The ties of the selected node, drawn on top and a little thicker (trust still shows in the line style).
      selector: 'edge.incident',
      style: { width: 3.5, 'z-index': 5 },
    },
    {
      selector: 'node.path',
      style: { 'border-color': HIGHLIGHT.path, 'border-width': 3, 'z-index': 15 },
    },
    {
      selector: 'edge.path',
      style: {
        width: 5,
        opacity: 1,
        'underlay-color': HIGHLIGHT.path,
        'underlay-opacity': 0.18,
        'underlay-padding': 4,
        'z-index': 15,
      },
    },
    {
      // The suggestion (or path end) pointed at: a blue halo; its broker: a light blue one.
      selector: 'node.highlight',
      style: {
        'underlay-color': HIGHLIGHT.focus,
        'underlay-opacity': 0.45,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
        'border-color': HIGHLIGHT.focus,
        'border-style': 'solid',
        'border-width': 3,
        'font-weight': 'bold',
        'z-index': 25,
      },
    },
    {
      selector: 'node.broker',
      style: {
        'underlay-color': HIGHLIGHT.broker,
        'underlay-opacity': 0.6,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'z-index': 24,
      },
    },
    {
      selector: 'edge.highlight',
      style: { width: 4.5, opacity: 1, 'z-index': 25 },
    },
    {
      // A selected tie: thick, with a dark glow, so its details panel is clearly about this line.
      selector: 'edge:selected',
      style: {
        width: 5,
        opacity: 1,
        'underlay-color': HIGHLIGHT.selected,
        'underlay-opacity': 0.25,
        'underlay-padding': 5,
        'z-index': 30,
      },
    },
  );
  return rules;
}

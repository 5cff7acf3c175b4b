import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RELATIONSHIP_KINDS, SECTORS, TRUST_STATES } from '../../../client/api/types.ts';
import { neighbourhoodToElements } from '../../../client/graph/elements.ts';
import {
  buildStylesheet,
  KIND_STYLES,
  SECTOR_STYLES,
  sizeForDegree,
  TRUST_LEGEND_ROWS,
  TRUST_STYLES,
  type StyleRule,
} from '../../../client/graph/style.ts';
import { edge, node } from './fixtures.ts';

const stylesheet = buildStylesheet();
const selectors = stylesheet.map((rule) => rule.selector);

describe('the style tables', () => {
  it('give every sector a distinct colour and a distinct shape', () => {
    expect(Object.keys(SECTOR_STYLES).sort()).toEqual([...SECTORS].sort());
    const styles = SECTORS.map((sector) => SECTOR_STYLES[sector]);
    expect(new Set(styles.map((s) => s.colour.toLowerCase())).size).toBe(SECTORS.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(SECTORS.length);
  });

  it('give every relationship kind a distinct colour', () => {
    expect(Object.keys(KIND_STYLES).sort()).toEqual([...RELATIONSHIP_KINDS].sort());
    expect(new Set(RELATIONSHIP_KINDS.map((kind) => KIND_STYLES[kind].colour.toLowerCase())).size).toBe(
      RELATIONSHIP_KINDS.length,
    );
  });

  it('draw claimed and disputed ties weaker than confirmed ones', () => {
    expect(Object.keys(TRUST_STYLES).sort()).toEqual([...TRUST_STATES].sort());
    for (const weak of ['CLAIMED', 'DISPUTED'] as const) {
      expect(TRUST_STYLES[weak].lineStyle).not.toBe('solid');
      expect(TRUST_STYLES[weak].opacity).toBeLessThan(TRUST_STYLES.CONFIRMED.opacity);
    }
  });

  it('put every trust state in exactly one legend row', () => {
    expect(TRUST_LEGEND_ROWS.flatMap((row) => row.states).sort()).toEqual([...TRUST_STATES].sort());
  });

  it('size nodes by degree, growing and bounded', () => {
    expect(sizeForDegree(0)).toBeLessThan(sizeForDegree(4));
    expect(sizeForDegree(4)).toBeLessThan(sizeForDegree(25));
    expect(sizeForDegree(10_000)).toBe(72);
  });
});

describe('the stylesheet', () => {
  it.each(SECTORS)('has a rule for sector %s', (sector) => {
    expect(selectors).toContain(`node[sector = "${sector}"]`);
  });
  it.each(RELATIONSHIP_KINDS)('has a rule for relationship kind %s', (kind) => {
    expect(selectors).toContain(`edge[kind = "${kind}"]`);
  });
  it.each(TRUST_STATES)('has a rule for trust state %s', (trust) => {
    expect(selectors).toContain(`edge[trust = "${trust}"]`);
  });
});

describe('headless Cytoscape', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Creates a styled headless instance and returns what Cytoscape warned about. */
  function load(style: StyleRule[]) {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const nodes = SECTORS.map((sector, i) => node(`n${i}`, i === 0 ? 0 : 1, sector, i * 3));
    const edges = RELATIONSHIP_KINDS.map((kind, i) =>
      edge(`e${i}`, 'n0', `n${1 + (i % 4)}`, kind, TRUST_STATES[i % TRUST_STATES.length]),
    );
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: neighbourhoodToElements({ nodes, edges }),
      style: style as unknown as cytoscape.StylesheetStyle[],
    });
    cy.getElementById('n0').addClass('root').select();
    cy.edges().addClass('incident');
    cy.nodes().forEach((n) => void n.style('shape'));
    return { cy, warnings: [...warn.mock.calls, ...error.mock.calls] };
  }

  it('accepts the elements and the stylesheet without a warning', () => {
    const { cy, warnings } = load(stylesheet);
    expect(warnings).toEqual([]);
    expect(cy.nodes()).toHaveLength(SECTORS.length);
    expect(cy.edges()).toHaveLength(RELATIONSHIP_KINDS.length);
  });

  it('applies sector shapes and colours, and weaker lines for weaker trust', () => {
    const { cy } = load(stylesheet);
    for (const n of cy.nodes()) {
      const sector = SECTOR_STYLES[n.data('sector') as keyof typeof SECTOR_STYLES];
      expect(n.style('shape')).toBe(sector.shape);
      expect(n.style('width')).toBe(`${n.data('size')}px`);
    }
    for (const e of cy.edges()) {
      expect(e.style('line-style')).toBe(
        TRUST_STYLES[e.data('trust') as keyof typeof TRUST_STYLES].lineStyle,
      );
    }
  });

  it('would notice a property Cytoscape does not know (the check above can fail)', () => {
    const { warnings } = load([...stylesheet, { selector: 'node', style: { 'node-colour': 'red' } }]);
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('the stylesheet for big scenes', () => {
  const large = buildStylesheet({ large: true });
  const edgeStyle = (rules: StyleRule[], selector: string) =>
    rules.find((rule) => rule.selector === selector)?.style ?? {};

  it('draws ties as plain lines without arrowheads, keeping kind colours and trust line styles', () => {
    expect(edgeStyle(stylesheet, 'edge')['curve-style']).toBe('bezier');
    expect(edgeStyle(large, 'edge')['curve-style']).toBe('haystack');
    for (const kind of RELATIONSHIP_KINDS) {
      expect(edgeStyle(stylesheet, `edge[kind = "${kind}"]`)['target-arrow-shape']).toBe(
        KIND_STYLES[kind].arrow,
      );
      expect(edgeStyle(large, `edge[kind = "${kind}"]`)).toMatchObject({
        'target-arrow-shape': 'none',
        'line-color': KIND_STYLES[kind].colour,
      });
    }
    for (const trust of TRUST_STATES) {
      expect(edgeStyle(large, `edge[trust = "${trust}"]`)).toEqual(
        edgeStyle(stylesheet, `edge[trust = "${trust}"]`),
      );
    }
  });

  it('differs from the usual one only in those edge rules', () => {
    expect(large.map((rule) => rule.selector)).toEqual(selectors);
    const differing = large
      .filter((rule, i) => JSON.stringify(rule) !== JSON.stringify(stylesheet[i]))
      .map((rule) => rule.selector);
    expect(differing).toEqual([
      'edge',
      ...RELATIONSHIP_KINDS.filter((kind) => KIND_STYLES[kind].arrow !== 'none').map(
        (kind) => `edge[kind = "${kind}"]`,
      ),
    ]);
  });
});

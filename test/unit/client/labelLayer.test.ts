import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { neighbourhoodToElements } from '../../../client/graph/elements.ts';
import { updateLabels } from '../../../client/graph/labelLayer.ts';
import { buildStylesheet } from '../../../client/graph/style.ts';
import { star } from './fixtures.ts';

describe('updateLabels on a headless Cytoscape', () => {
  it('names nodes once, then touches no node whose name and placement stay the same', () => {
    const leaves = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet() as unknown as cytoscape.StylesheetStyle[],
      elements: neighbourhoodToElements(star('hub', leaves)),
    });
    // Packed tight so that some names fit and others do not (measured without a canvas: a generous width).
    cy.nodes().forEach((node, i) => {
      node.position({ x: (i % 7) * 45, y: Math.floor(i / 7) * 45 });
    });
    const named = updateLabels(cy);
    expect(named).toBeGreaterThan(0);
    expect(named).toBeLessThan(cy.nodes().length);
    expect(cy.nodes('.label-above, .label-right, .label-left').length).toBeGreaterThan(0);

    // Cytoscape restyles and redraws every node that gets a class or data call, even one changing nothing.
    let touched = 0;
    cy.on('class data', () => (touched += 1));
    expect(updateLabels(cy)).toBe(named);
    expect(touched).toBe(0);
  });
});

import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { neighbourhoodToElements } from '../../../client/graph/elements.ts';
import { modelFontSize, SCREEN_FONT, updateLabels } from '../../../client/graph/labelLayer.ts';
import { buildStylesheet } from '../../../client/graph/style.ts';
import { star } from './fixtures.ts';

/** A hub and 40 leaves packed tight, so that some names fit and others do not (measured without a canvas: a generous width). */
function packedStar(): cytoscape.Core {
  const leaves = Array.from({ length: 40 }, (_, i) => `l${i}`);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet() as unknown as cytoscape.StylesheetStyle[],
    elements: neighbourhoodToElements(star('hub', leaves)),
  });
  cy.nodes().forEach((node, i) => {
    node.position({ x: (i % 7) * 45, y: Math.floor(i / 7) * 45 });
  });
  return cy;
}

describe('updateLabels on a headless Cytoscape', () => {
  it('names nodes once, then touches no node whose name and placement stay the same', () => {
    const cy = packedStar();
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

  it('after a zoom below 1, touches only the nodes whose name shows (not the font size of unnamed ones)', () => {
    const cy = packedStar();
    cy.zoom(0.5);
    updateLabels(cy);
    const unnamed = cy.nodes().filter((node) => node.data('shown') === '');
    expect(unnamed.length).toBeGreaterThan(0);
    const touched = new Set<string>();
    cy.on('data', (event) => {
      touched.add((event.target as cytoscape.NodeSingular).id());
    });
    cy.zoom(0.4);
    updateLabels(cy);
    expect(touched.size).toBeGreaterThan(0);
    for (const node of unnamed) expect(touched.has(node.id())).toBe(false);
  });
});

describe('modelFontSize', () => {
  it('gives SCREEN_FONT px on screen at zoom 1 and up, and stays the same within a √2 step of zoom below', () => {
    expect(modelFontSize(1)).toBe(SCREEN_FONT);
    expect(modelFontSize(2)).toBe(SCREEN_FONT);
    // The benchmark's wheel zoom of 5,000 nodes moves between about 0.19 and 0.24: one step.
    expect(modelFontSize(0.19)).toBe(modelFontSize(0.24));
    expect(modelFontSize(0.5)).not.toBe(modelFontSize(0.75));
    for (const zoom of [0.1, 0.19, 0.3, 0.5, 0.71, 0.9]) {
      const onScreen = modelFontSize(zoom) * zoom;
      expect(onScreen).toBeGreaterThanOrEqual(SCREEN_FONT - 1e-9);
      expect(onScreen).toBeLessThan(SCREEN_FONT * Math.SQRT2);
    }
  });
});

import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { neighbourhoodToElements } from '../../../client/graph/elements.ts';
import {
  labelCandidates,
  labelsPlacedForView,
  modelFontSize,
  nameOverhang,
  planLabels,
  SCREEN_FONT,
  updateLabels,
} from '../../../client/graph/labelLayer.ts';
import { buildStylesheet } from '../../../client/graph/style.ts';
import { star } from './fixtures.ts';

/**
 * A hub and 40 leaves packed tight, so that some names fit and others do not (measured without a canvas: a
 * generous width). Names keep within the nodes' box and a little around it, so zoomed out (larger names in
 * model px) they need the leaves further apart.
 */
function packedStar(spacing = 45): cytoscape.Core {
  const leaves = Array.from({ length: 40 }, (_, i) => `l${i}`);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet() as unknown as cytoscape.StylesheetStyle[],
    elements: neighbourhoodToElements(star('hub', leaves)),
  });
  cy.nodes().forEach((node, i) => {
    node.position({ x: (i % 7) * spacing, y: Math.floor(i / 7) * spacing });
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
    const cy = packedStar(150);
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

describe('labelsPlacedForView', () => {
  it('says the names were placed for the view shown until the zoom or the pan changes', () => {
    const cy = packedStar(150);
    expect(labelsPlacedForView(cy)).toBe(false);
    cy.zoom(0.7);
    updateLabels(cy);
    expect(labelsPlacedForView(cy)).toBe(true);
    cy.pan({ x: cy.pan().x + 5, y: cy.pan().y });
    expect(labelsPlacedForView(cy)).toBe(false);
    updateLabels(cy);
    cy.zoom(0.6);
    expect(labelsPlacedForView(cy)).toBe(false);
  });
});

describe('planLabels', () => {
  it('plans the same names within one √2 step of zoom (names at the edge of the graph stay as they are)', () => {
    // The benchmark's wheel zoom of 5,000 nodes stays within one step; a name changed by a zoom there makes
    // Cytoscape redraw the whole graph (slow frames). Packed tight, so the room around the nodes decides names.
    const candidates = labelCandidates(packedStar(45));
    for (const width of [390, 1440]) {
      const plan = (zoom: number) => planLabels({ zoom, width }, candidates).choices;
      for (const zoom of [0.6, 0.65, 0.7]) expect(plan(zoom)).toEqual(plan(0.55));
    }
  });

  it('keeps every name within nameOverhang screen px of the nodes at any zoom, and gives the box they cover', () => {
    const cy = packedStar(150);
    const nodes = cy.nodes().boundingBox({ includeLabels: false });
    let named = 0;
    for (const zoom of [1.2, 0.7, 0.5]) {
      for (const width of [390, 1440]) {
        const plan = planLabels({ zoom, width }, labelCandidates(cy));
        const shown = plan.choices.filter((choice) => choice.text !== '').length;
        named += shown;
        if (shown === 0) {
          expect(plan.extent).toBeNull();
          continue;
        }
        // The label layer counts the border, 8 px, around each node.
        const slack = nameOverhang(width) / zoom + 4;
        expect(plan.extent!.x1).toBeGreaterThanOrEqual(nodes.x1 - slack);
        expect(plan.extent!.y1).toBeGreaterThanOrEqual(nodes.y1 - slack);
        expect(plan.extent!.x2).toBeLessThanOrEqual(nodes.x2 + slack);
        expect(plan.extent!.y2).toBeLessThanOrEqual(nodes.y2 + slack);
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it('plans what updateLabels then applies for the same view', () => {
    const cy = packedStar(150);
    cy.zoom(0.7);
    const plan = planLabels({ zoom: 0.7, width: cy.width() }, labelCandidates(cy));
    updateLabels(cy);
    for (const choice of plan.choices) expect(cy.getElementById(choice.id).data('shown')).toBe(choice.text);
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

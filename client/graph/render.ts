// How the graph is drawn: the Cytoscape options the explorer (and the rendering benchmark) creates its
// instance with, and the renderer settings that keep panning and zooming smooth as the graph grows.
//
// Measured on CPU-only machines (test/bench/RESULTS.md): a full canvas redraw grows with the graph, so above
// a few thousand elements every frame of a pan was a full redraw of 70–120 ms. While the viewport moves,
// large graphs are therefore drawn from a snapshot of the graph (textureOnViewport), at one device pixel per
// CSS pixel; the full-quality picture returns as soon as the gesture ends. Small graphs are drawn in full,
// frame by frame, since they redraw fast enough and stay sharp.
import type cytoscape from 'cytoscape';
import { MAX_ZOOM, MIN_ZOOM } from './layouts.ts';
import { buildStylesheet } from './style.ts';

export interface RenderSettings {
  /** Pan and zoom move a snapshot of the graph instead of redrawing it. */
  textureOnViewport: boolean;
  /** Edges are left out while the viewport moves. */
  hideEdgesOnViewport: boolean;
  /** Device pixels per CSS pixel; null for the screen's own. */
  pixelRatio: number | null;
}

/** Above this many elements (nodes + edges) the view moves a snapshot while panning and zooming. */
export const TEXTURE_ABOVE = 1500;
/** Above this many, edges are also hidden while moving (the snapshot itself costs a full draw). */
export const HIDE_EDGES_ABOVE = 40_000;
/** Above this many, one device pixel per CSS pixel: four times fewer pixels on a retina screen. */
export const LOW_RESOLUTION_ABOVE = 3000;

export function renderSettings(elements: number): RenderSettings {
  return {
    textureOnViewport: elements > TEXTURE_ABOVE,
    hideEdgesOnViewport: elements > HIDE_EDGES_ABOVE,
    pixelRatio: elements > LOW_RESOLUTION_ABOVE ? 1 : null,
  };
}

/** The options the explorer creates its Cytoscape instance with. */
export function cytoscapeOptions(container: HTMLElement): cytoscape.CytoscapeOptions {
  return {
    container,
    // The stylesheet uses properties @types/cytoscape doesn't list yet (underlay-*); a unit test checks
    // that Cytoscape itself accepts every one of them.
    style: buildStylesheet() as unknown as cytoscape.StylesheetStyle[],
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // A wheel notch zooms by a comfortable step on mice and trackpads alike.
    wheelSensitivity: 0.6,
  };
}

/** The canvas renderer's fields for these options (it reads them on every frame). */
interface CanvasRendererFields {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  forcedPixelRatio: number | null;
}

/**
 * Applies the settings for the graph's current size. Cytoscape takes them as options at creation only; its
 * canvas renderer keeps them in fields it reads on every frame, so they are set there (a browser test
 * checks that a large graph gets them, and the rendering benchmark measures the effect).
 */
export function applyRenderSettings(
  cy: cytoscape.Core,
  settings = renderSettings(cy.elements().length),
): void {
  const renderer = (cy as unknown as { renderer(): Partial<CanvasRendererFields> | undefined }).renderer();
  if (!renderer || !('textureOnViewport' in renderer)) return;
  renderer.textureOnViewport = settings.textureOnViewport;
  renderer.hideEdgesOnViewport = settings.hideEdgesOnViewport;
  if (renderer.forcedPixelRatio !== settings.pixelRatio) {
    renderer.forcedPixelRatio = settings.pixelRatio;
    cy.resize();
  }
}

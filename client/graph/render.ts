// How the graph is drawn: the Cytoscape options the explorer (and the rendering benchmark) creates its
// instance with, and the renderer settings that keep panning and zooming smooth as the graph grows.
//
// Measured on a CPU-only machine (`npm run bench -- --only render`, test/bench/RESULTS.md): Cytoscape's canvas
// renderer already keeps the drawn graph in cached layers per zoom level, so a pan of a large graph redraws
// from those layers in a few ms. textureOnViewport made it worse: each gesture began with a full, uncached
// redraw of the whole graph into its snapshot (about a second at 5,000 nodes / 10,000 edges), and a wheel
// zoom whose frames were slower than Cytoscape's 150 ms gesture timeout rebuilt the snapshot on every notch.
// It is therefore off at every size. Large graphs are drawn at one device pixel per CSS pixel, and above
// LARGE_STYLE_ABOVE elements with the stylesheet for big scenes (graph/style.ts: haystack ties without
// arrowheads), which spares Cytoscape a curve and two arrow shapes per tie in layouts, hit tests and redraws.
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
  /** The stylesheet for big scenes: straight centre-to-centre ties, no arrowheads (graph/style.ts). */
  largeStyle: boolean;
}

/** Above this many, edges are also hidden while moving (not measured at this size). */
export const HIDE_EDGES_ABOVE = 40_000;
/** Above this many, one device pixel per CSS pixel: four times fewer pixels on a retina screen. */
export const LOW_RESOLUTION_ABOVE = 3000;
/** Above this many, the stylesheet for big scenes (ties as plain lines without arrowheads). */
export const LARGE_STYLE_ABOVE = 3000;

export function renderSettings(elements: number): RenderSettings {
  return {
    // Off at every size: see the top of this file.
    textureOnViewport: false,
    hideEdgesOnViewport: elements > HIDE_EDGES_ABOVE,
    pixelRatio: elements > LOW_RESOLUTION_ABOVE ? 1 : null,
    largeStyle: elements > LARGE_STYLE_ABOVE,
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

/** Instances that have the stylesheet for big scenes (the others have the one cytoscapeOptions gives). */
const withLargeStyle = new WeakSet<cytoscape.Core>();

/**
 * Applies the settings for the graph's current size: called as soon as elements are added (before a layout,
 * which then already works with the cheaper ties) and again once they are placed. The stylesheet is swapped
 * only when the size crosses LARGE_STYLE_ABOVE. Cytoscape takes the renderer settings as options at creation
 * only; its canvas renderer keeps them in fields it reads on every frame, so they are set there (the
 * rendering benchmark, `npm run bench -- --only render`, reads them back and measures the effect).
 */
export function applyRenderSettings(
  cy: cytoscape.Core,
  settings = renderSettings(cy.elements().length),
): void {
  if (settings.largeStyle !== withLargeStyle.has(cy)) {
    if (settings.largeStyle) withLargeStyle.add(cy);
    else withLargeStyle.delete(cy);
    cy.style(buildStylesheet({ large: settings.largeStyle }) as unknown as cytoscape.StylesheetStyle[]);
  }
  const renderer = (cy as unknown as { renderer(): Partial<CanvasRendererFields> | undefined }).renderer();
  if (!renderer || !('textureOnViewport' in renderer)) return;
  renderer.textureOnViewport = settings.textureOnViewport;
  renderer.hideEdgesOnViewport = settings.hideEdgesOnViewport;
  if (renderer.forcedPixelRatio !== settings.pixelRatio) {
    renderer.forcedPixelRatio = settings.pixelRatio;
    cy.resize();
  }
}

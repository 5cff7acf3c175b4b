// Which element is under the pointer, without testing every element. Cytoscape's canvas renderer answers
// that question (on every mouse move that is not a drag, and on every press and release) by testing each
// node and edge of the graph in turn: the node's shape, the edge's line, then each of the edge's four arrow
// positions and its three labels, with several style lookups each. At 5,000 nodes and 10,000 edges that took
// 30–65 ms per test on the CPU-only benchmark machine, so every press, release and hover over a big graph
// cost a visible stutter (`npm run bench -- --only render`, test/bench/RESULTS.md).
//
// indexHitTests keeps the box of every element that can be hit (Cytoscape's own bounding box: body, labels
// and arrows) in one typed array, and lets Cytoscape's test run on the elements whose box, widened by the
// largest distance Cytoscape allows for a hit, holds the point. The decision stays Cytoscape's: the same
// tests, thresholds and stacking order on fewer elements. The boxes are read again after any change that can
// move one (Cytoscape's own signals for its caches: elements added or removed, bounds or style changed).
import type cytoscape from 'cytoscape';

type Element = cytoscape.SingularElementArgument;
/** Cytoscape's list of elements in drawing order; `interactive` holds those that can be hit. */
type ZSorted = Element[] & { interactive: Element[] };
type FindNearest = (x: number, y: number, interactiveOnly: boolean, isTouch: boolean) => Element[];

/** The canvas renderer's methods this module wraps (not in @types/cytoscape). */
interface HitRenderer {
  findNearestElements: FindNearest & { unindexed?: FindNearest };
  getCachedZSortedEles: (forceRecalc?: boolean) => ZSorted;
}

/**
 * Cytoscape's hit distances in screen px (findNearestElements in its canvas renderer): up to 8 beyond an
 * edge's line for a mouse and 24 for a touch; less for nodes and labels. A box is widened by the largest and
 * a pixel more.
 */
const MOUSE_REACH = 9;
const TOUCH_REACH = 25;

const indexed = new WeakSet<cytoscape.Core>();

function hitRenderer(cy: cytoscape.Core): HitRenderer | null {
  const renderer = (cy as unknown as { renderer(): Partial<HitRenderer> | undefined }).renderer();
  if (
    !renderer ||
    typeof renderer.findNearestElements !== 'function' ||
    typeof renderer.getCachedZSortedEles !== 'function'
  ) {
    return null; // headless, or a renderer without these methods: nothing to speed up
  }
  return renderer as HitRenderer;
}

/**
 * Makes `cy`'s pointer hit tests look only at elements near the point. Once per instance; does nothing
 * without Cytoscape's canvas renderer. The renderer's own test stays reachable as
 * `findNearestElements.unindexed` (a browser test compares both).
 */
export function indexHitTests(cy: cytoscape.Core): void {
  if (indexed.has(cy)) return;
  const renderer = hitRenderer(cy);
  if (!renderer) return;
  indexed.add(cy);

  let elements: Element[] | null = null;
  let boxes = new Float64Array(0);
  let stale = true;
  cy.on('add remove bounds dirty style', () => {
    stale = true;
  });

  const refresh = (interactive: Element[]) => {
    if (!stale && interactive === elements) return;
    boxes = new Float64Array(interactive.length * 4);
    for (let i = 0; i < interactive.length; i++) {
      const box = interactive[i]!.boundingBox();
      boxes[4 * i] = box.x1;
      boxes[4 * i + 1] = box.y1;
      boxes[4 * i + 2] = box.x2;
      boxes[4 * i + 3] = box.y2;
    }
    elements = interactive;
    stale = false;
  };

  const unindexed = renderer.findNearestElements;
  const getSorted = renderer.getCachedZSortedEles;
  const indexedFind: FindNearest & { unindexed?: FindNearest } = function (
    this: HitRenderer,
    x,
    y,
    interactiveOnly,
    isTouch,
  ) {
    // Only the pointer's tests ask for interactive elements; anything else goes the renderer's way.
    if (!interactiveOnly) return unindexed.call(this, x, y, interactiveOnly, isTouch);
    const interactive = getSorted.call(this).interactive;
    refresh(interactive);
    const reach = (isTouch ? TOUCH_REACH : MOUSE_REACH) / cy.zoom();
    const near: Element[] = [];
    for (let i = 0; i < interactive.length; i++) {
      if (
        x >= boxes[4 * i]! - reach &&
        x <= boxes[4 * i + 2]! + reach &&
        y >= boxes[4 * i + 1]! - reach &&
        y <= boxes[4 * i + 3]! + reach
      ) {
        near.push(interactive[i]!);
      }
    }
    // Cytoscape's own test, given only the elements near the point (in the same drawing order).
    const candidates = Object.assign([...near], { interactive: near }) as ZSorted;
    this.getCachedZSortedEles = () => candidates;
    try {
      return unindexed.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      this.getCachedZSortedEles = getSorted;
    }
  };
  indexedFind.unindexed = unindexed;
  renderer.findNearestElements = indexedFind;
}

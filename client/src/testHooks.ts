// Browser tests and benchmarks read the live Cytoscape instance from window.__atlas. Only the test build
// (`vite build --mode test`, into client/dist-test) defines __ATLAS_TEST_HOOKS__ as true; in the
// production build the branch is constant-false and the minifier drops it, hook name included.
import type cytoscape from 'cytoscape';

/** Exposes `cy` to tests; returns the clean-up. */
export function exposeForTests(cy: cytoscape.Core): () => void {
  if (!__ATLAS_TEST_HOOKS__) return () => {};
  window.__atlas = { cy };
  return () => {
    if (window.__atlas?.cy === cy) delete window.__atlas;
  };
}

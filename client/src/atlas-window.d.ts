// The hook browser tests use to read the graph (test build only, see testHooks.ts).
import type cytoscape from 'cytoscape';

declare global {
  /** True in the test build (vite --mode test), false in production; replaced at build time. */
  const __ATLAS_TEST_HOOKS__: boolean;
  interface Window {
    __atlas?: { cy: cytoscape.Core };
  }
}

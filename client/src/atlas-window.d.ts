// The hook browser tests use to read the graph: window.__atlas.cy is the live Cytoscape instance.
import type cytoscape from 'cytoscape';

declare global {
  interface Window {
    __atlas?: { cy: cytoscape.Core };
  }
}

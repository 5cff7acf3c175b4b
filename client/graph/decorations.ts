// Which classes each element carries for what the user is looking at: the chosen organisation, what the
// filter hides, suggestions and the one pointed at with its broker, a path. Pure, so the rules are tested
// without a browser; graph views apply the result.
import { isNode, type AtlasElement } from './elements.ts';

export const DECORATION_CLASSES = [
  'root',
  'filtered',
  'suggestion',
  'highlight',
  'broker',
  'path',
  'faded',
  'incident',
] as const;
export type DecorationClass = (typeof DECORATION_CLASSES)[number];

export interface Focus {
  /** Nodes and edges to show strongly (the suggestion pointed at, its broker's ties, a path's ties). */
  highlight: ReadonlySet<string>;
  /** Brokers of the suggestion pointed at. */
  broker: ReadonlySet<string>;
  /** Nodes and edges of the path shown. */
  path: ReadonlySet<string>;
}

export interface DecorationInput {
  rootId: string | null;
  selectedId: string | null;
  /** Element ids the filter lets the graph draw. */
  visible: ReadonlySet<string>;
  /** Nodes added as partner suggestions. */
  suggestions: ReadonlySet<string>;
  focus: Focus | null;
}

/** The decoration classes of every element (only those it has). */
export function decorate(
  elements: readonly AtlasElement[],
  input: DecorationInput,
): Map<string, DecorationClass[]> {
  const result = new Map<string, DecorationClass[]>();
  const focus = input.focus;
  const focused = focus !== null && (focus.highlight.size > 0 || focus.path.size > 0);
  for (const element of elements) {
    const id = element.data.id;
    const classes: DecorationClass[] = [];
    if (!input.visible.has(id)) classes.push('filtered');
    if (isNode(element)) {
      if (id === input.rootId) classes.push('root');
      if (input.suggestions.has(id)) classes.push('suggestion');
    } else if (
      input.selectedId !== null &&
      (element.data.source === input.selectedId || element.data.target === input.selectedId)
    ) {
      classes.push('incident');
    }
    if (focus) {
      if (focus.highlight.has(id)) classes.push('highlight');
      if (focus.broker.has(id)) classes.push('broker');
      if (focus.path.has(id)) classes.push('path');
      const lit =
        focus.highlight.has(id) ||
        focus.broker.has(id) ||
        focus.path.has(id) ||
        id === input.rootId ||
        id === input.selectedId;
      if (focused && !lit) classes.push('faded');
    }
    if (classes.length > 0) result.set(id, classes);
  }
  return result;
}

// What the graph draws, put together: the merged neighbourhoods, the organisations a partner suggestion or
// a path adds, what the filter hides, and what is highlighted (the suggestion or path pointed at).
import { useMemo } from 'react';
import type { GraphOrganisation, Path, PartnerSuggestion } from '../api/types.ts';
import type { DecorationInput, Focus } from '../graph/decorations.ts';
import { isNode, nodeInfo, withExtras, type AtlasElement, type NodeInfo } from '../graph/elements.ts';
import { computeVisibility, type GraphFilter, type Visibility } from '../graph/visibility.ts';
import type { NeighbourhoodState } from './useNeighbourhood.ts';
import type { PartnersState } from './usePartners.ts';
import type { PathsState } from './usePaths.ts';

/** What the user points at (hovering a list item) or has chosen: a suggestion, or one of the paths. */
export type Pointer = { kind: 'suggestion'; id: string } | { kind: 'path'; index: number };

export interface MapModel {
  elements: AtlasElement[];
  info: ReadonlyMap<string, NodeInfo>;
  visibility: Visibility;
  decorations: Omit<DecorationInput, 'selectedId'>;
  /** The element id of a relationship (its edge id can differ, see elements.ts). */
  edgeIdOf: (relationshipId: string) => string | null;
  /** The two ends of a relationship drawn. */
  endsOf: (relationshipId: string) => { source: string; target: string } | null;
}

interface MapInputs {
  rootId: string | null;
  selectedId: string | null;
  filter: GraphFilter;
  graph: NeighbourhoodState;
  /** Suggestions to draw (the partners tab is open), or null. */
  partners: PartnersState | null;
  /** Paths to draw (the connect tab has an answer), or null. */
  paths: PathsState | null;
  /** The pointer (hover wins over the sticky choice). */
  pointer: Pointer | null;
}

export function useMapModel(inputs: MapInputs): MapModel {
  const { rootId, selectedId, filter, graph, partners, paths, pointer } = inputs;
  // Drawn once the ties among them are known: they then come in together and are laid out beside their brokers.
  const suggestions = partners?.tiesReady ? partners.suggestions : undefined;
  const ties = partners?.ties;
  const pathList = paths?.paths;

  const composed = useMemo(() => {
    let elements = graph.elements;
    const info = new Map(graph.info);
    const remember = (organisation: GraphOrganisation) => {
      if (!info.has(organisation.id)) info.set(organisation.id, nodeInfo(organisation));
    };
    const suggested = new Set<string>();
    // Suggestions and paths are drawn around the chosen organisation: once it is on the map.
    const chosenDrawn =
      selectedId !== null && graph.elements.some((e) => isNode(e) && e.data.id === selectedId);
    if (suggestions && chosenDrawn) {
      const organisations: GraphOrganisation[] = [];
      const anchors = new Map<string, string>();
      for (const s of suggestions) {
        // Brokers first: a suggestion is placed next to its broker when it has one.
        if (s.broker) {
          organisations.push(s.broker);
          anchors.set(s.broker.id, selectedId);
        }
      }
      for (const s of suggestions) {
        organisations.push(s.organisation);
        anchors.set(s.organisation.id, s.broker?.id ?? selectedId);
        suggested.add(s.organisation.id);
      }
      organisations.forEach(remember);
      elements = withExtras(elements, organisations, ties ?? [], (id) => anchors.get(id));
    }
    if (pathList && chosenDrawn) {
      for (const path of pathList) {
        const anchors = new Map<string, string>();
        path.organisations.forEach((o, i) => {
          const previous = path.organisations[i - 1];
          if (previous) anchors.set(o.id, previous.id);
        });
        path.organisations.forEach(remember);
        elements = withExtras(elements, path.organisations, path.relationships, (id) => anchors.get(id));
      }
    }
    const edgeIds = new Map<string, { id: string; source: string; target: string }>();
    for (const element of elements) {
      if (!isNode(element)) {
        edgeIds.set(element.data.relationshipId, {
          id: element.data.id,
          source: element.data.source,
          target: element.data.target,
        });
      }
    }
    return { elements, info, suggested, edgeIds };
  }, [graph.elements, graph.info, suggestions, ties, pathList, selectedId]);

  const focus = useMemo<Focus | null>(() => {
    const edgeId = (relationshipId: string) => composed.edgeIds.get(relationshipId)?.id;
    if (pointer?.kind === 'suggestion' && suggestions) {
      const s = suggestions.find((x) => x.organisation.id === pointer.id);
      if (!s) return null;
      return suggestionFocus(s, selectedId, composed.edgeIds);
    }
    if (pathList && pathList.length > 0) {
      const index = pointer?.kind === 'path' ? pointer.index : 0;
      const path = pathList[index] ?? pathList[0]!;
      return pathFocus(path, edgeId);
    }
    return null;
  }, [pointer, suggestions, pathList, selectedId, composed.edgeIds]);

  const keep = useMemo(() => {
    const kept = new Set<string>();
    if (rootId) kept.add(rootId);
    if (selectedId) kept.add(selectedId);
    for (const id of composed.suggested) kept.add(id);
    if (suggestions) for (const s of suggestions) if (s.broker) kept.add(s.broker.id);
    if (pathList) for (const path of pathList) for (const o of path.organisations) kept.add(o.id);
    return kept;
  }, [rootId, selectedId, composed.suggested, suggestions, pathList]);

  const visibility = useMemo(() => {
    const visible = computeVisibility(composed.elements, composed.info, filter, keep);
    // Ties a path or a suggestion needs are drawn even when the tie filter would hide them.
    if (focus) {
      for (const id of [...focus.path, ...focus.highlight]) visible.visible.add(id);
    }
    return visible;
  }, [composed.elements, composed.info, filter, keep, focus]);

  const decorations = useMemo(
    () => ({ rootId, visible: visibility.visible, suggestions: composed.suggested, focus }),
    [rootId, visibility.visible, composed.suggested, focus],
  );

  return {
    elements: composed.elements,
    info: composed.info,
    visibility,
    decorations,
    edgeIdOf: (relationshipId) => composed.edgeIds.get(relationshipId)?.id ?? null,
    endsOf: (relationshipId) => {
      const edge = composed.edgeIds.get(relationshipId);
      return edge ? { source: edge.source, target: edge.target } : null;
    },
  };
}

/** The suggestion, its broker, and the broker's ties to both sides. */
export function suggestionFocus(
  s: PartnerSuggestion,
  selectedId: string | null,
  edges: ReadonlyMap<string, { id: string; source: string; target: string }>,
): Focus {
  const highlight = new Set<string>([s.organisation.id]);
  const broker = new Set<string>();
  if (s.broker) {
    broker.add(s.broker.id);
    const ends = new Set([s.broker.id, s.organisation.id, selectedId]);
    for (const edge of edges.values()) {
      const touchesBroker = edge.source === s.broker.id || edge.target === s.broker.id;
      if (touchesBroker && ends.has(edge.source) && ends.has(edge.target)) highlight.add(edge.id);
    }
  }
  return { highlight, broker, path: new Set() };
}

export function pathFocus(path: Path, edgeId: (relationshipId: string) => string | undefined): Focus {
  const ids = new Set<string>(path.organisations.map((o) => o.id));
  for (const r of path.relationships) {
    const id = edgeId(r.id);
    if (id) ids.add(id);
  }
  const end = path.organisations[path.organisations.length - 1];
  return { highlight: new Set(end ? [end.id] : []), broker: new Set(), path: ids };
}

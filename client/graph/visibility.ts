// Which elements the filter lets the graph draw, decided here in plain TypeScript (tested without a
// browser) with the same meaning as the API's OrganisationFilter: a list matches any of its values, the
// fields together narrow; themes and places match by id or name, a city being inside its region and country.
import type { RelationshipKind, Sector, TrustState } from '../api/types.ts';
import type { AtlasElement, AtlasNodeData, NodeInfo } from './elements.ts';
import { isNode } from './elements.ts';

/** What is shown: the same filter narrows the result list and the graph. Empty lists mean "all". */
export interface GraphFilter {
  sectors: Sector[];
  kinds: string[];
  themes: string[];
  places: string[];
  relationshipKinds: RelationshipKind[];
  trustStates: TrustState[];
}

export interface Visibility {
  /** Ids of the nodes and edges (element ids) drawn. */
  visible: Set<string>;
  /** Organisations on the map, and how many of them the filter hides. */
  organisations: number;
  hiddenOrganisations: number;
}

const lower = (value: string) => value.trim().toLowerCase();

/** Whether an organisation's own facts (sector, kind, themes, place) pass the filter. */
export function organisationMatches(
  data: Pick<AtlasNodeData, 'sector' | 'kind'>,
  info: NodeInfo | undefined,
  filter: GraphFilter,
): boolean {
  if (filter.sectors.length > 0 && !filter.sectors.includes(data.sector)) return false;
  if (filter.kinds.length > 0) {
    const kind = data.kind === null ? null : lower(data.kind);
    if (kind === null || !filter.kinds.some((k) => lower(k) === kind)) return false;
  }
  if (filter.themes.length > 0) {
    const wanted = new Set(filter.themes.map(lower));
    if (!(info?.themes ?? []).some((t) => wanted.has(lower(t.id)) || wanted.has(lower(t.name)))) return false;
  }
  if (filter.places.length > 0) {
    const wanted = new Set(filter.places.map(lower));
    let inside = false;
    for (let place = info?.place ?? null; place && !inside; place = place.parent ?? null) {
      inside = wanted.has(lower(place.id)) || wanted.has(lower(place.name));
    }
    if (!inside) return false;
  }
  return true;
}

/**
 * Nodes: organisations that match, plus those in `keep` (the chosen organisation, what a path or a
 * suggestion needs); a group node when its organisation is drawn. Edges: both ends drawn and, with a
 * relationship kind or trust filter, of those kinds and states — then organisations left without a drawn
 * tie are not drawn either (unless kept), as the API's filter asks for "at least one such tie".
 */
export function computeVisibility(
  elements: readonly AtlasElement[],
  info: ReadonlyMap<string, NodeInfo>,
  filter: GraphFilter,
  keep: ReadonlySet<string>,
): Visibility {
  const visible = new Set<string>();
  const nodes = elements.filter(isNode);
  let organisations = 0;
  for (const node of nodes) {
    if (node.data.role !== 'organisation') continue;
    organisations += 1;
    if (keep.has(node.data.id) || organisationMatches(node.data, info.get(node.data.id), filter)) {
      visible.add(node.data.id);
    }
  }
  const tieFilter = filter.relationshipKinds.length > 0 || filter.trustStates.length > 0;
  const tied = new Set<string>();
  const edges: { id: string; source: string; target: string }[] = [];
  for (const element of elements) {
    if (isNode(element) || element.data.role === 'more') continue;
    const { id, source, target, kind, trust } = element.data;
    if (!visible.has(source) || !visible.has(target)) continue;
    if (filter.relationshipKinds.length > 0 && !filter.relationshipKinds.includes(kind)) continue;
    if (filter.trustStates.length > 0 && !filter.trustStates.includes(trust)) continue;
    edges.push({ id, source, target });
    tied.add(source);
    tied.add(target);
  }
  if (tieFilter) {
    for (const id of [...visible]) if (!tied.has(id) && !keep.has(id)) visible.delete(id);
  }
  for (const edge of edges) {
    if (visible.has(edge.source) && visible.has(edge.target)) visible.add(edge.id);
  }
  for (const element of elements) {
    if (isNode(element) && element.data.role === 'more' && visible.has(element.data.moreOf ?? '')) {
      visible.add(element.data.id);
    } else if (!isNode(element) && element.data.role === 'more' && visible.has(element.data.source)) {
      visible.add(element.data.id);
    }
  }
  let shownOrganisations = 0;
  for (const node of nodes)
    if (node.data.role === 'organisation' && visible.has(node.data.id)) shownOrganisations++;
  return { visible, organisations, hiddenOrganisations: organisations - shownOrganisations };
}

// GraphML, GEXF and Cytoscape.js JSON writers for an exported Dataset: organisations are nodes,
// relationships directed edges (source acts on target), with typed attributes that Gephi, networkx
// (read_graphml / read_gexf) and Cytoscape read as such. A dataset read with its initiatives (the exporter's
// `initiatives` option) gives a two-mode network: each initiative is a node too (`type` initiative, id
// `initiative:<id>`), and each participation an edge from the organisation to the initiative (`kind`
// PARTICIPATION, with its `role`). Lists (themes, identifiers) are written as `;`-separated strings as the
// atlas format writes them (atlas/listCell.ts: a `;` inside an item as `\;`); a missing value is left out of
// its node or edge.
import { formatListCell } from '../atlas/listCell.ts';
import type {
  Dataset,
  InitiativeRecord,
  OrganisationRecord,
  ParticipationRecord,
  RelationshipRecord,
} from '../model.ts';

type AttrType = 'string' | 'double' | 'int';

interface Attribute<T> {
  name: string;
  type: AttrType;
  value: (record: T) => string | number | null;
}

const list = (items: string[]) => (items.length === 0 ? null : formatListCell(items));

/** A node: an organisation (with its ties among the exported ones) or, in a two-mode export, an initiative. */
export type GraphNode =
  | { type: 'organisation'; id: string; organisation: OrganisationRecord; degree: number }
  | { type: 'initiative'; id: string; initiative: InitiativeRecord };

/** An edge: a relationship between organisations, or a participation of an organisation in an initiative. */
export type GraphEdge =
  | { id: string; source: string; target: string; relationship: RelationshipRecord }
  | { id: string; source: string; target: string; participation: ParticipationRecord };

const org =
  <T>(read: (o: OrganisationRecord) => T) =>
  (n: GraphNode) =>
    n.type === 'organisation' ? read(n.organisation) : null;
const initiative =
  <T>(read: (i: InitiativeRecord) => T) =>
  (n: GraphNode) =>
    n.type === 'initiative' ? read(n.initiative) : null;
const tie =
  <T>(read: (r: RelationshipRecord) => T) =>
  (e: GraphEdge) =>
    'relationship' in e ? read(e.relationship) : null;

/** The node attributes, in the order they are declared. */
export const NODE_ATTRIBUTES: Attribute<GraphNode>[] = [
  {
    name: 'label',
    type: 'string',
    value: (n) => (n.type === 'organisation' ? n.organisation.name : n.initiative.name),
  },
  { name: 'type', type: 'string', value: (n) => n.type },
  { name: 'sector', type: 'string', value: org((o) => o.sector) },
  { name: 'kind', type: 'string', value: org((o) => o.kind) },
  { name: 'country', type: 'string', value: org((o) => o.country) },
  { name: 'region', type: 'string', value: org((o) => o.region) },
  { name: 'city', type: 'string', value: org((o) => o.city) },
  { name: 'place', type: 'string', value: org((o) => o.city ?? o.region ?? o.country) },
  {
    name: 'themes',
    type: 'string',
    value: (n) => list(n.type === 'organisation' ? n.organisation.themes : n.initiative.themes),
  },
  {
    name: 'identifiers',
    type: 'string',
    value: org((o) => list(o.identifiers.map((i) => `${i.scheme}:${i.value}`))),
  },
  {
    name: 'website',
    type: 'string',
    value: (n) => (n.type === 'organisation' ? n.organisation.website : n.initiative.website),
  },
  { name: 'degree', type: 'int', value: (n) => (n.type === 'organisation' ? n.degree : null) },
  { name: 'stage', type: 'string', value: initiative((i) => i.stage) },
  { name: 'start_date', type: 'string', value: initiative((i) => i.startDate) },
  { name: 'end_date', type: 'string', value: initiative((i) => i.endDate) },
];

const provenanceOf = (e: GraphEdge) =>
  'relationship' in e ? e.relationship.provenance : e.participation.provenance;

/** The edge attributes, in the order they are declared. */
export const EDGE_ATTRIBUTES: Attribute<GraphEdge>[] = [
  {
    name: 'kind',
    type: 'string',
    value: (e) => ('relationship' in e ? e.relationship.kind : PARTICIPATION),
  },
  { name: 'role', type: 'string', value: (e) => ('participation' in e ? e.participation.role : null) },
  {
    name: 'since',
    type: 'string',
    value: (e) => ('relationship' in e ? e.relationship.since : e.participation.since),
  },
  {
    name: 'until',
    type: 'string',
    value: (e) => ('relationship' in e ? e.relationship.until : e.participation.until),
  },
  { name: 'amount', type: 'double', value: tie((r) => r.amount) },
  { name: 'currency', type: 'string', value: tie((r) => r.currency) },
  { name: 'trust', type: 'string', value: tie((r) => r.trust) },
  { name: 'description', type: 'string', value: tie((r) => r.description) },
  { name: 'source_url', type: 'string', value: (e) => provenanceOf(e).sourceUrl },
  { name: 'source_dataset', type: 'string', value: (e) => provenanceOf(e).sourceDataset },
];

/** The `kind` of a participation edge (relationship kinds are those of the vocabulary). */
export const PARTICIPATION = 'PARTICIPATION';

/** The node id of an initiative: its own id could be an organisation's too. */
export const initiativeNodeId = (id: string) => `initiative:${id}`;

/**
 * The nodes and edges of a dataset: its organisations (degree: their ties in the dataset) and
 * relationships, then its initiatives and participations (none unless it was read with them).
 */
export function graphOf(dataset: Dataset): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const degree = new Map<string, number>();
  for (const r of dataset.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const nodes: GraphNode[] = dataset.organisations.map((o) => ({
    type: 'organisation',
    id: o.id,
    organisation: o,
    degree: degree.get(o.id) ?? 0,
  }));
  const exported = new Set(dataset.organisations.map((o) => o.id));
  for (const i of dataset.initiatives)
    nodes.push({ type: 'initiative', id: initiativeNodeId(i.id), initiative: i });
  const edges: GraphEdge[] = dataset.relationships.map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
    relationship: r,
  }));
  for (const p of dataset.participations) {
    if (!exported.has(p.organisation)) continue;
    edges.push({
      id: `participation:${p.organisation}:${p.initiative}`,
      source: p.organisation,
      target: initiativeNodeId(p.initiative),
      participation: p,
    });
  }
  return { nodes, edges };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML, dropping characters XML 1.0 does not allow. */
export function xml(value: string | number): string {
  // XML 1.0 allows tab, line feed and carriage return but no other control character.
  return (
    String(value)
      // eslint-disable-next-line no-control-regex -- the point is to remove control characters
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
  );
}

/** The formatted value of an attribute: doubles always with a decimal point, so readers type them as such. */
function formatted(type: AttrType, value: string | number): string {
  if (type === 'double' && typeof value === 'number' && Number.isInteger(value)) return `${value}.0`;
  return String(value);
}

export function toGraphML(dataset: Dataset): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const a of NODE_ATTRIBUTES)
    lines.push(`  <key id="n_${a.name}" for="node" attr.name="${a.name}" attr.type="${a.type}"/>`);
  for (const a of EDGE_ATTRIBUTES)
    lines.push(`  <key id="e_${a.name}" for="edge" attr.name="${a.name}" attr.type="${a.type}"/>`);
  lines.push('  <graph id="partnership-atlas" edgedefault="directed">');
  const { nodes, edges } = graphOf(dataset);
  for (const o of nodes) {
    lines.push(`    <node id="${xml(o.id)}">`);
    for (const a of NODE_ATTRIBUTES) {
      const value = a.value(o);
      if (value !== null) lines.push(`      <data key="n_${a.name}">${xml(formatted(a.type, value))}</data>`);
    }
    lines.push('    </node>');
  }
  for (const r of edges) {
    lines.push(`    <edge id="${xml(r.id)}" source="${xml(r.source)}" target="${xml(r.target)}">`);
    for (const a of EDGE_ATTRIBUTES) {
      const value = a.value(r);
      if (value !== null) lines.push(`      <data key="e_${a.name}">${xml(formatted(a.type, value))}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const GEXF_TYPES: Record<AttrType, string> = { string: 'string', double: 'double', int: 'integer' };

export function toGEXF(dataset: Dataset, generated = new Date().toISOString().slice(0, 10)): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    `  <meta lastmodifieddate="${xml(generated)}">`,
    '    <creator>Partnership Atlas</creator>',
    `    <description>${dataset.initiatives.length > 0 ? 'Organisations, the relationships among them, and the initiatives they take part in' : 'Organisations and the relationships among them'}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
  ];
  // GEXF labels are not attributes: the label column of NODE_ATTRIBUTES goes to the node's label.
  const nodeAttributes = NODE_ATTRIBUTES.filter((a) => a.name !== 'label');
  nodeAttributes.forEach((a, k) =>
    lines.push(`      <attribute id="${k}" title="${a.name}" type="${GEXF_TYPES[a.type]}"/>`),
  );
  lines.push('    </attributes>', '    <attributes class="edge">');
  EDGE_ATTRIBUTES.forEach((a, k) =>
    lines.push(`      <attribute id="${k}" title="${a.name}" type="${GEXF_TYPES[a.type]}"/>`),
  );
  lines.push('    </attributes>', '    <nodes>');
  const { nodes, edges } = graphOf(dataset);
  const label = NODE_ATTRIBUTES.find((a) => a.name === 'label')!;
  for (const o of nodes) {
    lines.push(`      <node id="${xml(o.id)}" label="${xml(label.value(o)!)}">`, '        <attvalues>');
    nodeAttributes.forEach((a, k) => {
      const value = a.value(o);
      if (value !== null)
        lines.push(`          <attvalue for="${k}" value="${xml(formatted(a.type, value))}"/>`);
    });
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  const kind = EDGE_ATTRIBUTES.find((a) => a.name === 'kind')!;
  for (const r of edges) {
    lines.push(
      `      <edge id="${xml(r.id)}" source="${xml(r.source)}" target="${xml(r.target)}" label="${xml(kind.value(r)!)}">`,
      '        <attvalues>',
    );
    EDGE_ATTRIBUTES.forEach((a, k) => {
      const value = a.value(r);
      if (value !== null)
        lines.push(`          <attvalue for="${k}" value="${xml(formatted(a.type, value))}"/>`);
    });
    lines.push('        </attvalues>', '      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** Cytoscape.js elements JSON (`cy.add(json.elements)` or `cytoscape({ elements })`). */
export function toCytoscapeJson(dataset: Dataset): string {
  const data = <T>(attributes: Attribute<T>[], record: T) =>
    Object.fromEntries(attributes.map((a) => [a.name, a.value(record)]).filter(([, v]) => v !== null));
  const graph = graphOf(dataset);
  const document = {
    format: 'partnership-atlas/cytoscape',
    elements: {
      nodes: graph.nodes.map((o) => ({ data: { id: o.id, ...data(NODE_ATTRIBUTES, o) } })),
      edges: graph.edges.map((r) => ({
        data: { id: r.id, source: r.source, target: r.target, ...data(EDGE_ATTRIBUTES, r) },
      })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// GraphML, GEXF and Cytoscape.js JSON writers for an exported Dataset: organisations are nodes,
// relationships directed edges (source acts on target), with typed attributes that Gephi, networkx
// (read_graphml / read_gexf) and Cytoscape read as such. Lists (themes, identifiers) are written as
// `;`-separated strings as the atlas format writes them (atlas/listCell.ts: a `;` inside an item as `\;`); a
// missing value is left out of its node or edge.
import { formatListCell } from '../atlas/listCell.ts';
import type { Dataset, OrganisationRecord, RelationshipRecord } from '../model.ts';

type AttrType = 'string' | 'double' | 'int';

interface Attribute<T> {
  name: string;
  type: AttrType;
  value: (record: T) => string | number | null;
}

const list = (items: string[]) => (items.length === 0 ? null : formatListCell(items));

/** The node attributes, in the order they are declared. */
export const NODE_ATTRIBUTES: Attribute<OrganisationRecord & { degree: number }>[] = [
  { name: 'label', type: 'string', value: (o) => o.name },
  { name: 'sector', type: 'string', value: (o) => o.sector },
  { name: 'kind', type: 'string', value: (o) => o.kind },
  { name: 'country', type: 'string', value: (o) => o.country },
  { name: 'region', type: 'string', value: (o) => o.region },
  { name: 'city', type: 'string', value: (o) => o.city },
  { name: 'place', type: 'string', value: (o) => o.city ?? o.region ?? o.country },
  { name: 'themes', type: 'string', value: (o) => list(o.themes) },
  {
    name: 'identifiers',
    type: 'string',
    value: (o) => list(o.identifiers.map((i) => `${i.scheme}:${i.value}`)),
  },
  { name: 'website', type: 'string', value: (o) => o.website },
  { name: 'degree', type: 'int', value: (o) => o.degree },
];

/** The edge attributes, in the order they are declared. */
export const EDGE_ATTRIBUTES: Attribute<RelationshipRecord>[] = [
  { name: 'kind', type: 'string', value: (r) => r.kind },
  { name: 'since', type: 'string', value: (r) => r.since },
  { name: 'until', type: 'string', value: (r) => r.until },
  { name: 'amount', type: 'double', value: (r) => r.amount },
  { name: 'currency', type: 'string', value: (r) => r.currency },
  { name: 'trust', type: 'string', value: (r) => r.trust },
  { name: 'description', type: 'string', value: (r) => r.description },
  { name: 'source_url', type: 'string', value: (r) => r.provenance.sourceUrl },
  { name: 'source_dataset', type: 'string', value: (r) => r.provenance.sourceDataset },
];

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

function withDegrees(dataset: Dataset): (OrganisationRecord & { degree: number })[] {
  const degree = new Map<string, number>();
  for (const r of dataset.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  return dataset.organisations.map((o) => ({ ...o, degree: degree.get(o.id) ?? 0 }));
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
  for (const o of withDegrees(dataset)) {
    lines.push(`    <node id="${xml(o.id)}">`);
    for (const a of NODE_ATTRIBUTES) {
      const value = a.value(o);
      if (value !== null) lines.push(`      <data key="n_${a.name}">${xml(formatted(a.type, value))}</data>`);
    }
    lines.push('    </node>');
  }
  for (const r of dataset.relationships) {
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
    '    <description>Organisations and the relationships among them</description>',
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
  for (const o of withDegrees(dataset)) {
    lines.push(`      <node id="${xml(o.id)}" label="${xml(o.name)}">`, '        <attvalues>');
    nodeAttributes.forEach((a, k) => {
      const value = a.value(o);
      if (value !== null)
        lines.push(`          <attvalue for="${k}" value="${xml(formatted(a.type, value))}"/>`);
    });
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const r of dataset.relationships) {
    lines.push(
      `      <edge id="${xml(r.id)}" source="${xml(r.source)}" target="${xml(r.target)}" label="${xml(r.kind)}">`,
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
  const document = {
    format: 'partnership-atlas/cytoscape',
    elements: {
      nodes: withDegrees(dataset).map((o) => ({ data: { id: o.id, ...data(NODE_ATTRIBUTES, o) } })),
      edges: dataset.relationships.map((r) => ({
        data: { id: r.id, source: r.source, target: r.target, ...data(EDGE_ATTRIBUTES, r) },
      })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

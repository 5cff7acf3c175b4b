// A list attribute of the graph formats (themes, identifiers) reads back item for item with the atlas
// format's list syntax, also when an item holds a `;`.
import { describe, expect, it } from 'vitest';
import { parseListCell } from '../../../server/domain/atlas/listCell.ts';
import { toCytoscapeJson, toGraphML } from '../../../server/domain/export/graphFormats.ts';
import { emptyDataset } from '../../../server/domain/model.ts';
import { org } from '../../support/fixtures.ts';

const themes = ['Housing; homelessness', 'Digital inclusion'];
const dataset = {
  ...emptyDataset(),
  organisations: [
    org('a', 'A Trust', 'NGO', {
      themes,
      identifiers: [{ scheme: 'GB-CHC', value: '123;4' }],
    }),
  ],
};

describe('list attributes of the graph formats', () => {
  it('write each item so that it reads back whole', () => {
    const json = JSON.parse(toCytoscapeJson(dataset)) as {
      elements: { nodes: { data: { themes: string; identifiers: string } }[] };
    };
    const data = json.elements.nodes[0]!.data;
    expect(parseListCell(data.themes)).toEqual(themes);
    expect(parseListCell(data.identifiers)).toEqual(['GB-CHC:123;4']);
    expect(toGraphML(dataset)).toContain(
      '<data key="n_themes">Housing\\; homelessness;Digital inclusion</data>',
    );
  });
});

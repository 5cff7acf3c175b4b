// One vocabulary: the enums of server/graphql/schema/vocabulary.graphql are the definition. This test fails, naming
// the file to update, wherever a value is missing or unknown: the generated lists, every Cypher file, the
// migrations (a new relationship kind needs a new migration: applied ones are never edited), the client's
// style tables and labels, and the README.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as clientVocabulary from '../../client/api/generated/vocabulary.ts';
import { KIND_STYLES, SECTOR_STYLES, TRUST_STYLES } from '../../client/graph/style.ts';
import { typeDefs } from '../../server/graphql/schema.ts';
import * as serverVocabulary from '../../server/domain/generated/vocabulary.ts';
import {
  HISTORY_ACTIONS,
  INITIATIVE_STAGES,
  MATCH_RULES,
  MERGE_CANDIDATE_STATUSES,
  ORGANISATION_STATUSES,
  PARTICIPATION_ROLES,
  RELATIONSHIP_KINDS,
  REVIEW_KINDS,
  REVIEW_STATUSES,
  ROLES,
  SECTORS,
  TRUST_STATES,
} from '../../server/domain/model.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const schema = buildSchema(typeDefs);

function definition(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType))
    throw new Error(`enum ${name} is not in server/graphql/schema/vocabulary.graphql`);
  return type.getValues().map((v) => v.name);
}

const ENUMS = {
  Sector: SECTORS,
  RelationshipKind: RELATIONSHIP_KINDS,
  TrustState: TRUST_STATES,
  InitiativeStage: INITIATIVE_STAGES,
  ParticipationRole: PARTICIPATION_ROLES,
  OrganisationStatus: ORGANISATION_STATUSES,
  // Accounts and curation (issue 9).
  Role: ROLES,
  ReviewStatus: REVIEW_STATUSES,
  ReviewKind: REVIEW_KINDS,
  MergeCandidateStatus: MERGE_CANDIDATE_STATUSES,
  HistoryAction: HISTORY_ACTIONS,
  MatchRule: MATCH_RULES,
} as const;

const KINDS = new Set(definition('RelationshipKind'));
const ALL_VALUES = new Set(Object.keys(ENUMS).flatMap(definition));

function cypherFiles(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => ({ file: `${dir}/${f}`, text: read(`${dir}/${f}`) }));
}
const withoutComments = (text: string) => text.replace(/\/\/.*$/gm, '');

describe('the vocabulary is defined once, in vocabulary.graphql', () => {
  it.each(Object.entries(ENUMS))(
    '%s: the domain and client lists are generated from it (npm run codegen)',
    (name, values) => {
      expect([...values], 'server/domain/model.ts').toEqual(definition(name));
      const server = (serverVocabulary as Record<string, Record<string, string>>)[name];
      const client = (clientVocabulary as Record<string, Record<string, string>>)[name];
      expect(Object.values(server ?? {}), 'server/domain/generated/vocabulary.ts').toEqual(definition(name));
      expect(Object.values(client ?? {}), 'client/api/generated/vocabulary.ts').toEqual(definition(name));
    },
  );
});

describe('Cypher follows the vocabulary', () => {
  const queries = [...cypherFiles('cypher/queries'), ...cypherFiles('cypher/migrations')];

  it.each(queries.map((q) => [q.file, q.text] as const))(
    '%s: every list of relationship types names every RelationshipKind',
    (file, text) => {
      const code = withoutComments(text);
      for (const match of code.matchAll(/:\s*([A-Z_]+(?:\s*\|\s*[A-Z_]+)+)/g)) {
        const listed = match[1]!.split('|').map((s) => s.trim());
        if (!listed.some((k) => KINDS.has(k))) continue;
        const missing = [...KINDS].filter((k) => !listed.includes(k));
        const unknown = listed.filter((k) => !KINDS.has(k));
        expect(
          { missing, unknown },
          `${file}: update "${match[1]}" to the kinds of vocabulary.graphql`,
        ).toEqual({
          missing: [],
          unknown: [],
        });
      }
      // Per-kind branches (e.g. one index seek per kind, joined with UNION) must cover every kind too.
      const single = new Set(
        [...code.matchAll(/\[\w*:([A-Z_]+)[\s{\]]/g)].map((m) => m[1]!).filter((k) => KINDS.has(k)),
      );
      if (single.size > 1 && !/vocabulary: some kinds/.test(text)) {
        expect(
          [...KINDS].filter((k) => !single.has(k)),
          `${file}: add a branch for each missing kind`,
        ).toEqual([]);
      }
    },
  );

  it.each(queries.map((q) => [q.file, q.text] as const))(
    '%s: every upper-case quoted value is a value of the vocabulary',
    (file, text) => {
      const values = [...withoutComments(text).matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1]!);
      expect(
        values.filter((v) => !ALL_VALUES.has(v)),
        `${file}: unknown vocabulary value`,
      ).toEqual([]);
    },
  );

  it.each([...KINDS])('%s has a uniqueness constraint on its id in a migration', (kind) => {
    const migrations = cypherFiles('cypher/migrations')
      .map((m) => m.text)
      .join('\n');
    const constraint = new RegExp(`FOR \\(\\)-\\[\\w+:${kind}\\]-\\(\\) REQUIRE \\w+\\.id IS UNIQUE`);
    expect(
      constraint.test(migrations),
      `no migration makes ${kind} ids unique: add cypher/migrations/NNNN_${kind.toLowerCase()}_id.cypher (the next number; never edit an applied migration) with\n` +
        `CREATE CONSTRAINT ${kind.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${kind}]-() REQUIRE r.id IS UNIQUE;`,
    ).toBe(true);
  });
});

describe('the client and the README follow the vocabulary', () => {
  it.each([
    ['Sector', SECTOR_STYLES],
    ['RelationshipKind', KIND_STYLES],
    ['TrustState', TRUST_STYLES],
  ] as const)('client/graph/style.ts styles and labels every %s', (name, table) => {
    expect(Object.keys(table).sort(), 'client/graph/style.ts').toEqual([...definition(name)].sort());
    for (const style of Object.values(table)) expect(style.label.trim()).not.toBe('');
  });

  it.each(Object.keys(ENUMS))('README.md names every %s value', (name) => {
    const readme = read('README.md');
    expect(
      definition(name).filter((v) => !readme.includes(`\`${v}\``)),
      'README.md',
    ).toEqual([]);
  });
});

// The layering is enforced by lint: planted imports that break it must be reported (and the tree itself
// passes, which `npm run lint` checks on every run).
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint enforces graphql → domain → db → cypher/ and client ↛ server', () => {
  it.each([
    [
      'server/graphql/planted.ts',
      "import { createQueryRunner } from '../db/runner.ts';\nexport const x = createQueryRunner;",
    ],
    ['server/graphql/planted.ts', "import neo4j from 'neo4j-driver';\nexport const x = neo4j;"],
    [
      'server/domain/planted.ts',
      "import { createQueryRunner } from '../db/runner.ts';\nexport const x = createQueryRunner;",
    ],
    [
      'server/domain/planted.ts',
      "import { resolvers } from '../graphql/resolvers/index.ts';\nexport const x = resolvers;",
    ],
    ['server/domain/planted.ts', "import neo4j from 'neo4j-driver';\nexport const x = neo4j;"],
    ['server/domain/planted.ts', "import { GraphQLError } from 'graphql';\nexport const x = GraphQLError;"],
    ['server/db/planted.ts', "import { SECTORS } from '../domain/model.ts';\nexport const x = SECTORS;"],
    [
      'server/db/planted.ts',
      "import { resolvers } from '../graphql/resolvers/index.ts';\nexport const x = resolvers;",
    ],
    ['server/common/planted.ts', "import { SECTORS } from '../domain/model.ts';\nexport const x = SECTORS;"],
    [
      'server/http/planted.ts',
      "import { openDatabase } from '../db/database.ts';\nexport const x = openDatabase;",
    ],
    [
      'client/components/Planted.tsx',
      "import { SECTORS } from '../../server/domain/model.ts';\nexport const x = SECTORS;",
    ],
    ['client/state/planted.ts', "import neo4j from 'neo4j-driver';\nexport const x = neo4j;"],
  ])('reports %s importing across a layer', async (file, code) => {
    const found = await violations(file, code);
    expect(found.length, `no lint error for:\n${code}`).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/no-restricted-(paths|imports)/);
  });

  it.each([
    [
      'server/graphql/planted.ts',
      "import { searchOrganisations } from '../domain/organisations.ts';\nexport const x = searchOrganisations;",
    ],
    [
      'server/domain/planted.ts',
      "import type { QueryRunner } from '../common/queryRunner.ts';\nexport type X = QueryRunner;",
    ],
    [
      'server/db/planted.ts',
      "import { InvalidInputError } from '../common/errors.ts';\nexport const x = InvalidInputError;",
    ],
  ])('allows %s to import the layer below', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});

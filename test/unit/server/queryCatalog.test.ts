// Cypher lives in cypher/: every query file is used by the server, every name the server passes exists
// (query names are a generated type, so `tsc` refuses a misspelt or deleted one, also when it travels
// through a helper), every parameter a query uses is declared in its header, and no server file holds Cypher.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUERY_NAMES } from '../../../server/common/generated/queryNames.ts';
import { loadQueryCatalog, parameterNames } from '../../../server/db/queries.ts';

const serverDir = path.resolve(import.meta.dirname, '../../../server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const catalog = loadQueryCatalog();
const files = sourceFiles(serverDir).map((f) => ({
  file: path.relative(serverDir, f),
  text: fs.readFileSync(f, 'utf8'),
}));
const source = files.map((f) => f.text).join('\n');

describe('cypher/queries', () => {
  it('has queries, and the generated QueryName type lists exactly them (run npm run codegen if not)', () => {
    expect(catalog.size).toBeGreaterThan(5);
    expect([...QUERY_NAMES].sort()).toEqual([...catalog.keys()].sort());
  });

  it.each([...catalog.keys()])('%s is used by the server', (name) => {
    expect(source).toContain(`'${name}'`);
  });

  it('every quoted query-like name the server passes to the runner or a helper exists', () => {
    // Calls such as runner.read('x'), tx.run('x') and helpers taking a QueryName: inBatches(tx, 'x', …).
    const used = [
      ...source.matchAll(
        /\b(?:read|write|run|runAutoCommit|inBatches|existing)(?:<[^>]*>)?\(\s*(?:\w+,\s*)?'([A-Za-z]+)'/g,
      ),
    ].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) expect(catalog.has(name as string), name).toBe(true);
  });

  it.each([...catalog.values()].map((q) => [q.name, q] as const))(
    '%s declares its parameters in its header',
    (_, q) => {
      const header = q.text
        .split('\n')
        .filter((l) => l.startsWith('//'))
        .join('\n');
      expect(header).toMatch(/Params:/);
      for (const param of q.params) expect(header, `$${param}`).toContain(`$${param}`);
    },
  );

  it('no file in server/ holds Cypher: it belongs in cypher/queries or cypher/migrations', () => {
    const cypher =
      /\b(MATCH \(|MERGE \(|OPTIONAL MATCH|UNWIND \$|CREATE (CONSTRAINT|INDEX|FULLTEXT)|CALL (db|dbms|gds|apoc)\.|DETACH DELETE)/;
    expect(files.filter((f) => cypher.test(f.text)).map((f) => f.file)).toEqual([]);
  });
});

describe('one definition of degree', () => {
  it('no Cypher query counts degree: the network snapshot does (server/domain/network/degree.ts)', () => {
    const counting = [...catalog.values()].filter((q) => /AS degree/.test(q.text)).map((q) => q.name);
    expect(counting).toEqual([]);
  });
});

describe('parameterNames', () => {
  it('ignores comments and strings', () => {
    expect(
      parameterNames("// uses $nope\nMATCH (n {id: $id}) WHERE n.x = '$notParam' RETURN $other"),
    ).toEqual(['id', 'other']);
  });
});

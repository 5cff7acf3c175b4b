// Every Cypher file is used by the server, every query the server names exists, and every
// parameter a query uses is declared in its header comment.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQueryCatalog, parameterNames } from '../../../server/db/queries.ts';

const serverDir = path.resolve(import.meta.dirname, '../../../server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const catalog = loadQueryCatalog();
const source = sourceFiles(serverDir)
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');

describe('cypher/queries', () => {
  it('has queries', () => {
    expect(catalog.size).toBeGreaterThan(5);
  });

  it.each([...catalog.keys()])('%s is used by the server', (name) => {
    expect(source).toContain(`'${name}'`);
  });

  it('every query name used by the server exists', () => {
    const used = [...source.matchAll(/\.(?:read|write|run)(?:<[^>]*>)?\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
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
});

describe('parameterNames', () => {
  it('ignores comments and strings', () => {
    expect(
      parameterNames("// uses $nope\nMATCH (n {id: $id}) WHERE n.x = '$notParam' RETURN $other"),
    ).toEqual(['id', 'other']);
  });
});

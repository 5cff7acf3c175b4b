// Loads every named Cypher query from cypher/queries once; a query is referred to by its file name.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NamedQuery {
  name: string;
  text: string;
  /** Parameter names the query uses ($name), found in the text outside comments and strings. */
  params: string[];
}

export type QueryCatalog = ReadonlyMap<string, NamedQuery>;

export const QUERIES_DIR = fileURLToPath(new URL('../../cypher/queries/', import.meta.url));

export function loadQueryCatalog(dir = QUERIES_DIR): QueryCatalog {
  const catalog = new Map<string, NamedQuery>();
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.cypher')) continue;
    const name = path.basename(file, '.cypher');
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    catalog.set(name, { name, text, params: parameterNames(text) });
  }
  return catalog;
}

/** `$name` occurrences, ignoring `//` comments and quoted strings. */
export function parameterNames(cypher: string): string[] {
  const code = cypher
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, ''))
    .join('\n')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const names = new Set<string>();
  for (const match of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1] as string);
  return [...names].sort();
}

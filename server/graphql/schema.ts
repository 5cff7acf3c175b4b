// Loads the SDL: every file in server/graphql/schema, one part of the API each (vocabulary.graphql holds
// the enums, the one definition of the vocabulary). Together they are the single source of the API's
// shape and documentation; types for resolvers and the client are generated from them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));

/** The schema files, in name order (extensions may come before or after what they extend). */
export function schemaFiles(dir = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => path.join(dir, f));
}

export const typeDefs = schemaFiles()
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');

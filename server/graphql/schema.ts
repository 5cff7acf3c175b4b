// Loads the SDL (the single source of the API's shape and documentation).
import fs from 'node:fs';

export const typeDefs = fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

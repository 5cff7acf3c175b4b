// The editor's example tabs, bundled from examples.graphql.
import source from './examples.graphql?raw';
import { parseExamples, type Example } from './parseExamples.ts';

export type { Example };
export const EXAMPLES: Example[] = parseExamples(source);

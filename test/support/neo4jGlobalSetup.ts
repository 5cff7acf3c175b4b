// One real Neo4j for the whole test run: a fresh temporary store on a free port, stopped at the end.
import type { TestProject } from 'vitest/node';
import { startPrivateNeo4j } from './privateNeo4j.ts';

export { freePort } from './privateNeo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const neo4j = await startPrivateNeo4j({
    label: 'test',
    heap: '1g',
    pageCache: '256m',
    queryTimeoutMs: 60_000,
  });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jDataDir', neo4j.dataDir);
  return () => neo4j.stop();
}

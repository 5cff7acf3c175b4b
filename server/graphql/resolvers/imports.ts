// Resolvers for imports.graphql: import runs, and the provenance fields imports add (licence, runs).
import { listImportRuns } from '../../domain/import/runs.ts';
import type { Resolvers } from '../generated/resolvers.ts';

export const importResolvers: Resolvers = {
  Query: {
    importRuns: (_, { first, after }, ctx) => listImportRuns(ctx.runner, first, after),
    importRun: (_, { id }, ctx) => ctx.importRuns.load(id),
  },
  Provenance: {
    importRun: (parent, _, ctx) => (parent.createdInRun ? ctx.importRuns.load(parent.createdInRun) : null),
    lastImportRun: (parent, _, ctx) =>
      parent.changedInRun ? ctx.importRuns.load(parent.changedInRun) : null,
  },
};

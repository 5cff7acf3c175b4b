// Resolvers for graphNode.graphql: the organisation behind a graph node, batched by the request's loader.
import type { Resolvers } from '../generated/resolvers.ts';

export const graphNodeResolvers: Resolvers = {
  GraphNode: {
    organisation: (node, _, ctx) => ctx.organisations.load(node.id),
  },
};

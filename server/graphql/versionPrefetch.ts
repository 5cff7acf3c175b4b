// Starts a request's data-version read as soon as the request arrives when the same document checked the
// data version the last time it ran, so that the read's round trip to Neo4j overlaps Apollo's work and
// the resolvers up to the first one that needs the network snapshot, instead of following them. The check
// is the same (NetworkAccess.prefetchVersion): one data-version read per request, made after the request
// arrived, so a write committed before it is seen. Only the timing is learned, never a version: a wrong
// guess costs one unused read, or none saved. Queries only: a mutation's reads must follow its writes.
import type { ApolloServerPlugin } from '@apollo/server';
import type { NetworkAccess } from '../domain/network/cache.ts';

export interface VersionPrefetchOptions {
  /** Documents remembered (the most recently run first kept). */
  maxDocuments?: number;
  /** Longer documents are not remembered (the memory this takes stays small). */
  maxLength?: number;
}

export interface VersionPrefetch<C extends { network: NetworkAccess }> {
  /** Starts the data-version read of `network` if this document checked it when it last ran. */
  start(request: { query?: unknown; operationName?: unknown }, network: NetworkAccess): void;
  /** Learns, once each request is answered, whether its document checked the data version. */
  plugin: ApolloServerPlugin<C>;
}

const keyOf = (query: unknown, operationName: unknown): string | null =>
  typeof query === 'string' ? `${typeof operationName === 'string' ? operationName : ''}\n${query}` : null;

export function versionPrefetch<C extends { network: NetworkAccess }>(
  options: VersionPrefetchOptions = {},
): VersionPrefetch<C> {
  const maxDocuments = options.maxDocuments ?? 500;
  const maxLength = options.maxLength ?? 5_000;
  // Documents (operation name and text) whose last run checked the data version, least recent first.
  const checking = new Set<string>();
  return {
    start(request, network) {
      const key = keyOf(request.query, request.operationName);
      if (key !== null && checking.has(key)) network.prefetchVersion();
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ request, operation, contextValue }) {
            const key = keyOf(request.query, request.operationName);
            if (key === null) return;
            checking.delete(key);
            if (
              operation?.operation === 'query' &&
              key.length <= maxLength &&
              contextValue.network.versionChecked()
            ) {
              checking.add(key);
              if (checking.size > maxDocuments) checking.delete(checking.values().next().value!);
            }
          },
        };
      },
    },
  };
}

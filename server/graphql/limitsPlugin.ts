// Applies the cost limit of limits.ts once the operation and its variables are known, before anything
// runs. Errors carry HTTP 400.
import type { ApolloServerPlugin } from '@apollo/server';
import { checkCost } from './limits.ts';

export function limitsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          checkCost(schema, document, request.variables);
        },
      };
    },
  };
}
